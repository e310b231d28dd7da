// The conversation engine: a state machine over the surface's use cases, with no platform in it. A messenger's
// adapter hands it what the person did in a chat; it loads the chat's conversation from the database, takes one
// step of a flow, saves where it stands, and returns what to say. The voice bot will drive the same flows.

import { guessLanguage } from "../../domain/guess-language.ts";
import type { ChatOutgoing } from "../../gateways/chat/chat-message.ts";
import { isLocale, type Locale } from "../../i18n/locale.ts";
import type { ContextChannel } from "../../services/context.ts";
import { chatPerson } from "../../services/conversations/chat-person.ts";
import {
  type ChatAddress,
  openConversation,
  saveConversation,
} from "../../services/conversations/conversation-store.ts";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import { runAccountTask, startAccountTask } from "./flows/account-task.ts";
import { showContacts, showNews } from "./flows/info.ts";
import {
  askCode,
  askProvider,
  confirmUnlink,
  linkByCode,
  linkByProof,
  startLink,
  unlinkChat,
} from "./flows/link.ts";
import { askLanguage, showMenu } from "./flows/menu.ts";
import { sendBill } from "./flows/money.ts";
import { handOver, startHandOver, withOperator } from "./flows/operator.ts";
import { askZone, onZoneValue, submit } from "./flows/reading.ts";
import type { Incoming } from "./incoming.ts";
import { type AccountTask, Turn } from "./turn.ts";

export interface ChatTurnInput {
  chat: ChatAddress;
  displayName?: string;
  incoming: Incoming;
}

/** The door readings and other acts are recorded with. */
function channelOf(chat: ChatAddress): ContextChannel {
  return chat.platform === "messenger" ? "facebook" : chat.platform;
}

const STOP = /^(stop|стоп|відписатися|отписаться|unsubscribe)$/iu;
const START = /^(\/?start|старт|меню|menu|\/menu|почати|начать)$/iu;
const TASKS: Record<string, AccountTask> = {
  "t:reading": "reading",
  "t:owe": "owe",
  "t:estimate": "estimate",
  "t:planned": "planned",
};

/** One message of a chat, answered. */
export async function converse(deps: Deps, input: ChatTurnInput): Promise<ChatOutgoing[]> {
  const { incoming } = input;
  const conversation = await openConversation(deps, input.chat, {
    ...(input.displayName ? { displayName: input.displayName } : {}),
    inbound: incoming.kind !== "unsubscribed",
  });
  if (incoming.kind === "unsubscribed") {
    await saveConversation(deps, conversation.id, { subscribed: false });
    return [];
  }
  const actor = await chatPerson(deps, input.chat);
  const text = incoming.kind === "text" ? incoming.text.trim() : null;
  const guessed = conversation.locale === null && text ? guessLanguage(text) : null;
  const locale: Locale = conversation.locale ?? guessed ?? actor?.locale ?? "uk";
  const turn = new Turn(deps, conversation, actor, locale, channelOf(input.chat));
  if (guessed) turn.change.locale = guessed;

  try {
    await step(turn, incoming, text);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // A refusal (a closed window, a wrong proof, too many tries) is said in the person's words; the flow waits
    // where it was for a step that asks again, else returns to the menu.
    const retry = turn.state.step === "link_proof" || turn.state.step === "link_code";
    if (retry) turn.say(e.messageIn(turn.locale), [[turn.button("btnMenu", "menu")]]);
    else showMenu(turn, e.messageIn(turn.locale));
  }
  await saveConversation(deps, conversation.id, { ...turn.change, state: turn.state });
  return turn.out;
}

async function step(turn: Turn, incoming: Incoming, text: string | null): Promise<void> {
  const payload = incoming.kind === "button" ? incoming.payload : null;

  if (turn.conversation.handedOverAt) return withOperator(turn, text, payload);

  if (incoming.kind === "start") {
    if (!turn.conversation.subscribed) turn.change.subscribed = true;
    turn.say(turn.t("welcome"), [
      [
        { label: "Українська", payload: "lang:uk" },
        { label: "Русский", payload: "lang:ru" },
      ],
    ]);
    return showMenu(turn);
  }
  if (text && STOP.test(text)) {
    turn.change.subscribed = false;
    turn.state = { step: "menu" };
    return turn.say(turn.t("unsubscribed"));
  }
  if (text && START.test(text)) {
    if (!turn.conversation.subscribed) turn.change.subscribed = true;
    return showMenu(turn);
  }
  if (payload) return pressed(turn, payload);
  if (text) return typed(turn, text);
}

async function pressed(turn: Turn, payload: string): Promise<void> {
  const [head, a, b] = payload.split(":");
  const task = TASKS[payload];
  if (task) return startAccountTask(turn, task);
  switch (head) {
    case "menu":
      return showMenu(turn);
    case "t":
      return topic(turn, a ?? "");
    case "lang":
      if (!isLocale(a)) return showMenu(turn);
      turn.locale = a;
      turn.change.locale = a;
      return showMenu(turn, turn.t("languageSet"));
    case "link":
      return a === "code" ? askCode(turn) : askProvider(turn);
    case "prov":
      turn.state = { step: "link_number", provider: a ?? "" };
      return turn.say(turn.t("askNumber"));
    case "acc":
      if (turn.state.step !== "pick_account") return showMenu(turn);
      return runAccountTask(turn, turn.state.task, Number(a));
    case "meter":
      if (turn.state.step !== "pick_meter") return showMenu(turn);
      return askZone(turn, turn.state.accountId, Number(a), []);
    case "bill":
      return sendBill(turn, Number(a), b ?? "");
    case "op":
      return handOver(turn, Number(a));
    case "yes":
      if (turn.state.step === "confirm_reading") return submit(turn, turn.state);
      if (turn.state.step === "confirm_unlink") return unlinkChat(turn);
      return showMenu(turn);
    case "no":
      return showMenu(turn, turn.t("cancelled"));
    default:
      return showMenu(turn, turn.t("notUnderstood"));
  }
}

function topic(turn: Turn, name: string): Promise<void> | void {
  switch (name) {
    case "link":
      return startLink(turn);
    case "lang":
      return askLanguage(turn);
    case "news":
      return showNews(turn);
    case "contacts":
      return showContacts(turn);
    case "operator":
      return startHandOver(turn);
    case "unlink":
      return turn.actor ? confirmUnlink(turn) : showMenu(turn);
    default:
      return showMenu(turn, turn.t("notUnderstood"));
  }
}

async function typed(turn: Turn, text: string): Promise<void> {
  const state = turn.state;
  switch (state.step) {
    case "link_code":
      return linkByCode(turn, text);
    case "link_number":
      turn.state = { step: "link_proof", provider: state.provider, number: text.slice(0, 40) };
      return turn.say(turn.t("askProof"));
    case "link_proof":
      return linkByProof(turn, state.provider, state.number, text.slice(0, 40));
    case "zone_value":
      return onZoneValue(turn, state, text);
    default:
      break;
  }
  // Outside a flow: an 8-digit code from the cabinet links at once; a few words start their flow.
  if (/^\d{4}\s?\d{4}$/.test(text)) return linkByCode(turn, text);
  const word = text.toLowerCase();
  if (/показ|reading/u.test(word)) return startAccountTask(turn, "reading");
  if (/борг|долг|скільки|сколько|owe|debt/u.test(word)) return startAccountTask(turn, "owe");
  if (/оператор|operator|людин|человек/u.test(word)) return startHandOver(turn);
  return showMenu(turn, turn.t("notUnderstood"));
}
