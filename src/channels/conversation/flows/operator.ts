// Talking to an operator: the conversation goes to the contact centre of the person's provider (or the one they
// choose), where operators see it in their inbox and answer into the same chat. Until it ends, what the person
// writes is kept for the operator and the bot keeps quiet.
import { listProviderChoices } from "../../../services/accounts/list-provider-choices.ts";
import { addConversationMessage } from "../../../services/conversations/conversation-store.ts";
import { providerOfBot } from "../../../services/conversations/provider-bots.ts";
import type { Turn } from "../turn.ts";
import { showMenu } from "./menu.ts";

export async function startHandOver(turn: Turn): Promise<void> {
  const chat = turn.conversation.chat;
  const providerId =
    (await providerOfBot(turn.deps, chat.platform, chat.bot)) ??
    turn.conversation.providerId ??
    (await ownProvider(turn));
  if (providerId === null) {
    const providers = await listProviderChoices(turn.deps);
    turn.say(
      turn.t("askProvider"),
      providers.map((p) => [{ label: p.name[turn.locale], payload: `op:${p.id}` }]),
    );
    return;
  }
  await handOver(turn, providerId);
}

async function ownProvider(turn: Turn): Promise<number | null> {
  if (!turn.actor) return null;
  const accounts = await turn.call("listMyAccounts", {});
  return accounts[0]?.provider.id ?? null;
}

export async function handOver(turn: Turn, providerId: number): Promise<void> {
  let open = true;
  if (turn.actor) {
    const contacts = await turn.call("listProviderContacts", {});
    open = contacts.find((c) => c.id === providerId)?.now.contactCentre.open ?? true;
  }
  turn.change.handedOverAt = turn.deps.now();
  turn.change.providerId = providerId;
  turn.state = { step: "menu" };
  turn.say(turn.t("handedOver", { open: open ? "yes" : "no" }), [[turn.button("btnEndOperator", "end")]]);
}

/** A message while the operator has the conversation: kept for the inbox; "end" gives it back to the bot. */
export async function withOperator(turn: Turn, text: string | null, payload: string | null): Promise<void> {
  if (payload === "end") {
    turn.change.handedOverAt = null;
    return showMenu(turn, turn.t("operatorEnded"));
  }
  if (text) await addConversationMessage(turn.deps, turn.conversation.id, { direction: "in", body: text });
}
