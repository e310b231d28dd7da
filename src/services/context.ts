// Who is asking, through which door, in which language: what every use case receives besides its input.
import type { Channel } from "../db/tables/reference.table.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Actor } from "./actor.ts";

/** The doors into Abonent: the channels readings are recorded with, plus the command line. */
export type ContextChannel = Channel | "cli";

export interface UseCaseContext {
  /** null for a caller who has not signed in (sign-up, codes, gateway callbacks). */
  actor: Actor | null;
  channel: ContextChannel;
  /** The language answers and messages are in: the person's stored choice, else what the channel said. */
  locale: Locale;
  /** Who is knocking, for per-client rate limits (sign-up, codes): the client's IP address on HTTP. */
  client?: string;
  /** How far a long piece of work has got, for a channel that shows it (the command line's progress bar). */
  progress?: (done: number, total: number) => void;
}

/** The context of a use case that admits only signed-in callers: the registry checked the actor is there. */
export type ActorContext = UseCaseContext & { actor: Actor };
