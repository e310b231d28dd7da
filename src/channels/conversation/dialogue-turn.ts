// What every turn of a dialogue has, in a chat or on the phone: who acts (the chat's person, or a provider's voice
// line), in which language, through which door, and how to call a use case as them. The chat's Turn and the call's
// CallTurn build on it, so both dialogues reach the surface the same way.
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../../services/actor.ts";
import type { ContextChannel } from "../../services/context.ts";
import type { Deps } from "../../services/deps.ts";
import { callUseCase, type InputOf, type OutputOf, type UseCaseName } from "../../services/registry.ts";

export class DialogueTurn {
  constructor(
    readonly deps: Deps,
    public actor: Actor | null,
    public locale: Locale,
    readonly channel: ContextChannel,
    /** Who is knocking, for the use cases' per-client rate limits (a phone caller's number). */
    readonly client?: string,
  ) {}

  /** A use case as this turn's actor, through its door; throws when nobody acts yet (an unlinked chat). */
  call<N extends UseCaseName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
    return callUseCase(
      this.deps,
      name,
      {
        actor: this.actor,
        channel: this.channel,
        locale: this.locale,
        ...(this.client ? { client: this.client } : {}),
      },
      input,
    );
  }
}
