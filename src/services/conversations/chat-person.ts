// Who a chat is: the person whose verified identity it is. A chat that links an account by the proof from the bill
// before anyone knows it becomes a resident of its own (chat_only: no e-mail or phone), so that the chat alone
// can do what a signed-in resident does.
import type { Tx } from "../../db/database.ts";
import type { IdentityKind } from "../../db/tables/identity.table.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { resolveIdentity } from "../identity/resolve-identity.ts";
import type { ChatAddress } from "./conversation-store.ts";

const kindOf = (chat: ChatAddress): IdentityKind => chat.platform;

/** The chat's person, or null for a chat nobody linked yet. */
export async function chatPerson(deps: Deps, chat: ChatAddress): Promise<Actor | null> {
  const found = await resolveIdentity(deps, kindOf(chat), chat.chatId);
  return "unknown" in found ? null : found;
}

/** The chat becomes a verified identity of the person (moving from whoever had it before). */
export async function makeChatIdentity(trx: Tx, chat: ChatAddress, userId: number, now: Date): Promise<void> {
  await trx
    .insertInto("identities")
    .values({
      user_id: userId,
      kind: kindOf(chat),
      external_id: chat.chatId,
      verified_at: now,
      created_at: now,
    })
    .onConflict((oc) =>
      oc.columns(["kind", "external_id"]).doUpdateSet({ user_id: userId, verified_at: now }),
    )
    .execute();
}

/** A resident known by this chat alone, made when an unknown chat first links an account. */
export async function chatOnlyResident(
  deps: Deps,
  chat: ChatAddress,
  options: { name: string; locale: Locale },
): Promise<Actor> {
  const now = deps.now();
  const userId = await deps.database.db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ full_name: options.name.slice(0, 200) || "—", locale: options.locale, chat_only: true })
      .returning("id")
      .executeTakeFirstOrThrow();
    await makeChatIdentity(trx, chat, user.id, now);
    return user.id;
  });
  return { kind: "resident", userId, locale: options.locale };
}

/** The chat is no longer anyone's: it forgets the person (their accounts stay linked to them elsewhere). */
export async function forgetChat(deps: Deps, chat: ChatAddress): Promise<void> {
  await deps.database.db
    .deleteFrom("identities")
    .where("kind", "=", kindOf(chat))
    .where("external_id", "=", chat.chatId)
    .execute();
}
