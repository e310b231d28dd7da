// A personal API token for a resident's (or staff member's) own tools, e.g. home automation submitting
// readings. The token is shown once, here; the database keeps its sha256 and a short prefix to recognise it.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { hashToken, newToken } from "./credentials.ts";

export const MAX_ACTIVE_TOKENS = 20;
const PREFIX_LENGTH = "abt_".length + 4;

export interface NewApiToken {
  id: number;
  name: string;
  prefix: string;
  /** The plain token: returned only now, never again. */
  token: string;
  createdAt: Date;
}

export async function createApiToken(
  deps: Deps,
  options: { actor: Actor; name: string },
): Promise<NewApiToken> {
  const name = options.name.trim();
  if (name.length === 0 || [...name].length > 60) {
    throw new AppError(
      "validation_failed",
      {
        details: {
          uk: "name: від 1 до 60 символів.",
          ru: "name: от 1 до 60 символов.",
          en: "name: 1 to 60 characters.",
        },
      },
      { field: "name", rule: "maxLength", limit: 60 },
    );
  }
  const userId = options.actor.userId;
  const token = newToken("abt");
  const prefix = token.slice(0, PREFIX_LENGTH);
  const now = deps.now();
  return deps.database.db.transaction().execute(async (trx) => {
    // The user's row is the lock: two parallel creations cannot both pass the count.
    await trx.selectFrom("users").select("id").where("id", "=", userId).forUpdate().executeTakeFirstOrThrow();
    const { active } = await trx
      .selectFrom("api_tokens")
      .select((eb) => eb.fn.countAll<number>().as("active"))
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
    if (Number(active) >= MAX_ACTIVE_TOKENS) {
      throw new AppError("too_many_tokens", { limit: MAX_ACTIVE_TOKENS }, { limit: MAX_ACTIVE_TOKENS });
    }
    const row = await trx
      .insertInto("api_tokens")
      .values({ user_id: userId, name, token_hash: hashToken(token), prefix, created_at: now })
      .returning(["id", "created_at"])
      .executeTakeFirstOrThrow();
    return { id: row.id, name, prefix, token, createdAt: row.created_at };
  });
}
