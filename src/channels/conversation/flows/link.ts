// Linking the chat: by the code the cabinet shows, or by the provider, the account number and the amount of the
// last bill (the proof linkAccount checks). An unknown chat that proves an account becomes a resident of its own.
import { listProviderChoices } from "../../../services/accounts/list-provider-choices.ts";
import { linkChatByCode } from "../../../services/conversations/chat-link-code.ts";
import { chatOnlyResident, chatPerson, forgetChat } from "../../../services/conversations/chat-person.ts";
import type { Turn } from "../turn.ts";
import { showMenu } from "./menu.ts";

export function startLink(turn: Turn): void {
  turn.state = { step: "link_how" };
  turn.say(turn.t("linkHow"), [
    [turn.button("btnByCode", "link:code"), turn.button("btnByNumber", "link:number")],
  ]);
}

export function askCode(turn: Turn): void {
  turn.state = { step: "link_code" };
  turn.say(turn.t("askCode"));
}

export async function askProvider(turn: Turn): Promise<void> {
  turn.state = { step: "link_provider" };
  // The list every bill prints; an unknown chat is nobody's yet, so it is not asked as a person.
  const providers = await listProviderChoices(turn.deps);
  turn.say(
    turn.t("askProvider"),
    providers.map((p) => [{ label: p.name[turn.locale], payload: `prov:${p.code}` }]),
  );
}

export async function linkByCode(turn: Turn, text: string): Promise<void> {
  const { userId } = await linkChatByCode(turn.deps, turn.conversation.chat, text);
  turn.actor = await chatPerson(turn.deps, turn.conversation.chat);
  if (!turn.actor || turn.actor.userId !== userId) throw new Error("the chat's identity was not written");
  await linked(turn);
}

export async function linkByProof(
  turn: Turn,
  provider: string,
  number: string,
  amount: string,
): Promise<void> {
  turn.actor ??= await chatOnlyResident(turn.deps, turn.conversation.chat, {
    name: turn.conversation.displayName ?? "",
    locale: turn.locale,
  });
  await turn.call("linkAccount", { provider, number, amountDue: amount });
  await linked(turn);
}

async function linked(turn: Turn): Promise<void> {
  const accounts = await turn.call("listMyAccounts", {});
  showMenu(turn, turn.t("linked", { accounts: accounts.map((a) => a.number).join(", ") }));
}

export function confirmUnlink(turn: Turn): void {
  turn.state = { step: "confirm_unlink" };
  turn.say(turn.t("unlinkConfirm"), [[turn.button("btnYes", "yes"), turn.button("btnNo", "no")]]);
}

export async function unlinkChat(turn: Turn): Promise<void> {
  await forgetChat(turn.deps, turn.conversation.chat);
  turn.actor = null;
  showMenu(turn, turn.t("unlinked"));
}
