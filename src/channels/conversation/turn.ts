// One turn of a conversation: who is writing (the chat's person, if linked), in which language, where the flow
// stands, and how to call a use case as this person through the chat's door. Flows read and write `state`; the
// engine saves it after the turn.
import type { ChatButton, ChatOutgoing } from "../../gateways/chat/chat-message.ts";
import type { Locale } from "../../i18n/locale.ts";
import { format, type MessageParams } from "../../i18n/messages.ts";
import type { Actor } from "../../services/actor.ts";
import type { ContextChannel } from "../../services/context.ts";
import type { Conversation } from "../../services/conversations/conversation-store.ts";
import type { Deps } from "../../services/deps.ts";
import { BOT } from "./conversation-messages.ts";
import { DialogueTurn } from "./dialogue-turn.ts";

/** Where a flow stands between two messages (JSON in conversations.state). */
export type FlowState =
  | { step: "menu" }
  | { step: "link_how" }
  | { step: "link_code" }
  | { step: "link_provider" }
  | { step: "link_number"; provider: string }
  | { step: "link_proof"; provider: string; number: string }
  | { step: "pick_account"; task: AccountTask }
  | { step: "pick_meter"; accountId: number }
  | { step: "zone_value"; accountId: number; meterId: number; values: string[] }
  | { step: "confirm_reading"; accountId: number; meterId: number; values: string[]; confirmed: boolean }
  | { step: "confirm_unlink" }
  | { step: "language" };

/** What needs an account chosen first. */
export type AccountTask = "reading" | "owe" | "estimate" | "planned";

export class Turn extends DialogueTurn {
  readonly out: ChatOutgoing[] = [];
  state: FlowState;
  change: { locale?: Locale; subscribed?: boolean; handedOverAt?: Date | null; providerId?: number | null } =
    {};

  constructor(
    deps: Deps,
    readonly conversation: Conversation,
    actor: Actor | null,
    locale: Locale,
    channel: ContextChannel,
  ) {
    super(deps, actor, locale, channel);
    const saved = conversation.state as Partial<FlowState>;
    this.state = typeof saved.step === "string" ? (saved as FlowState) : { step: "menu" };
  }

  t(key: keyof typeof BOT, params?: MessageParams): string {
    return format(BOT[key], this.locale, params);
  }

  say(text: string, buttons?: ChatButton[][], link?: { label: string; url: string }): void {
    this.out.push({ kind: "text", text, ...(buttons ? { buttons } : {}), ...(link ? { link } : {}) });
  }

  button(key: keyof typeof BOT, payload: string, params?: MessageParams): ChatButton {
    return { label: this.t(key, params), payload };
  }
}
