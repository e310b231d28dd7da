// Linking a chat from the cabinet: the signed-in person asks for a code, the cabinet shows it, and typed into a
// chat it makes that chat the person's. Eight digits, valid 15 minutes, used once, a new one replaces the old;
// kept as an HMAC. A chat may try 5 codes an hour, so guessing one of the live codes is hopeless.
import { randomInt } from "node:crypto";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { hashCode } from "../identity/code-secret.ts";
import { hit } from "../rate-limit.ts";
import { makeChatIdentity } from "./chat-person.ts";
import type { ChatAddress } from "./conversation-store.ts";

export const CHAT_CODE_TTL_SECONDS = 15 * 60;
const SCOPE = "chat_link";

export async function createChatLinkCode(
  deps: Deps,
  options: { actor: Actor },
): Promise<{ code: string; expiresAt: string }> {
  const code = String(randomInt(0, 100_000_000)).padStart(8, "0");
  const hash = await hashCode(deps, SCOPE, code);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + CHAT_CODE_TTL_SECONDS * 1000);
  await deps.database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("chat_link_codes").where("user_id", "=", options.actor.userId).execute();
    await trx
      .insertInto("chat_link_codes")
      .values({ code_hash: hash, user_id: options.actor.userId, created_at: now, expires_at: expiresAt })
      .execute();
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

/** The code typed in a chat: the chat becomes a verified identity of the code's person; else code_invalid. */
export async function linkChatByCode(
  deps: Deps,
  chat: ChatAddress,
  typed: string,
): Promise<{ userId: number }> {
  const tries = await hit(deps, `chat_code:${chat.platform}:${chat.bot}:${chat.chatId}`, {
    limit: 5,
    windowSeconds: 3600,
  });
  if (!tries.allowed)
    throw new AppError(
      "too_many_attempts",
      { minutes: Math.ceil(tries.retryAfterSeconds / 60) },
      {
        retryAfterSeconds: tries.retryAfterSeconds,
      },
    );
  const code = typed.replace(/\D/g, "");
  const hash = await hashCode(deps, SCOPE, code);
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("chat_link_codes")
      .set({ used_at: now })
      .where("code_hash", "=", hash)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning("user_id")
      .executeTakeFirst();
    if (!row) throw new AppError("code_invalid");
    await makeChatIdentity(trx, chat, row.user_id, now);
    return { userId: row.user_id };
  });
}
