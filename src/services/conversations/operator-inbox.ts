// The contact centre's inbox of conversations handed over from the bots: every platform's, of the operator's
// own provider (a platform administrator names the provider). An operator reads one, answers into the same chat,
// and closes it, which gives the chat back to the bot.
import type { ChatPlatform } from "../../db/tables/conversations.table.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { conversationAnswered } from "./answer-signal.ts";

export interface InboxItem {
  id: number;
  platform: ChatPlatform;
  displayName: string | null;
  handedOverAt: string;
  lastMessage: string | null;
  lastMessageAt: string | null;
  /** The person's messages since the last answer. */
  waiting: number;
}

export interface ConversationView {
  id: number;
  platform: ChatPlatform;
  displayName: string | null;
  locale: string | null;
  handedOverAt: string | null;
  messages: { id: number; direction: "in" | "out"; body: string; at: string; staffUserId: number | null }[];
}

export async function listInbox(
  deps: Deps,
  options: { actor: Actor; provider: string | number; limit?: number },
): Promise<InboxItem[]> {
  const provider = await findProviderForActor(deps, options.actor, options.provider);
  const rows = await deps.database.db
    .selectFrom("conversations as c")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("conversation_messages as m")
          .select(["m.body", "m.created_at"])
          .whereRef("m.conversation_id", "=", "c.id")
          .orderBy("m.id", "desc")
          .limit(1)
          .as("last"),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      "c.id",
      "c.platform",
      "c.display_name",
      "c.handed_over_at",
      "last.body",
      "last.created_at",
      eb
        .selectFrom("conversation_messages as w")
        .select((w) => w.fn.countAll<number>().as("n"))
        .whereRef("w.conversation_id", "=", "c.id")
        .where("w.direction", "=", "in")
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("conversation_messages as o")
                .select("o.id")
                .whereRef("o.conversation_id", "=", "c.id")
                .where("o.direction", "=", "out")
                .whereRef("o.id", ">", "w.id"),
            ),
          ),
        )
        .as("waiting"),
    ])
    .where("c.provider_id", "=", provider.id)
    .where("c.handed_over_at", "is not", null)
    .orderBy("c.handed_over_at")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    displayName: r.display_name,
    handedOverAt: r.handed_over_at!.toISOString(),
    lastMessage: r.body ?? null,
    lastMessageAt: r.created_at ? new Date(r.created_at).toISOString() : null,
    waiting: Number(r.waiting ?? 0),
  }));
}

/** The conversation if it is of a provider the actor reaches (else not_found, whoever's it is). */
async function conversationInScope(deps: Deps, actor: Actor, conversationId: number) {
  const row = await deps.database.db
    .selectFrom("conversations")
    .selectAll()
    .where("id", "=", conversationId)
    .executeTakeFirst();
  if (!row || row.provider_id === null) throw new AppError("not_found");
  await findProviderForActor(deps, actor, row.provider_id);
  return row;
}

export async function viewConversation(
  deps: Deps,
  options: { actor: Actor; conversationId: number },
): Promise<ConversationView> {
  const row = await conversationInScope(deps, options.actor, options.conversationId);
  const messages = await deps.database.db
    .selectFrom("conversation_messages")
    .select(["id", "direction", "body", "created_at", "staff_user_id"])
    .where("conversation_id", "=", row.id)
    .orderBy("id", "desc")
    .limit(200)
    .execute();
  return {
    id: row.id,
    platform: row.platform,
    displayName: row.display_name,
    locale: row.locale,
    handedOverAt: row.handed_over_at?.toISOString() ?? null,
    messages: messages.reverse().map((m) => ({
      id: m.id,
      direction: m.direction,
      body: m.body,
      at: m.created_at.toISOString(),
      staffUserId: m.staff_user_id,
    })),
  };
}

/** An operator's answer, sent into the chat by the bots' worker. Only while the conversation is handed over. */
export async function answerConversation(
  deps: Deps,
  options: { actor: Actor; conversationId: number; text: string },
): Promise<{ messageId: number }> {
  const row = await conversationInScope(deps, options.actor, options.conversationId);
  if (!row.handed_over_at) throw new AppError("conversation_closed");
  const message = await deps.database.db
    .insertInto("conversation_messages")
    .values({
      conversation_id: row.id,
      direction: "out",
      staff_user_id: options.actor.userId,
      body: options.text.trim(),
      created_at: deps.now(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  conversationAnswered(deps);
  return { messageId: message.id };
}

/** The operator is done: the chat goes back to the bot. */
export async function closeConversation(
  deps: Deps,
  options: { actor: Actor; conversationId: number },
): Promise<{ closed: boolean }> {
  const row = await conversationInScope(deps, options.actor, options.conversationId);
  await deps.database.db
    .updateTable("conversations")
    .set({ handed_over_at: null, state: JSON.stringify({ step: "menu" }), updated_at: deps.now() })
    .where("id", "=", row.id)
    .execute();
  return { closed: row.handed_over_at !== null };
}
