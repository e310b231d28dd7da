// Adding an e-mail or phone to my cabinet, step two: the code proves the address is mine, and it becomes a
// confirmed identity — I can sign in with it and get messages there. The users row's own e-mail or phone, when
// empty, takes it too (what getMe shows and older readers use).
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { requireLogin } from "./code-request.ts";
import type { MyIdentity } from "./list-my-identities.ts";
import { useCode } from "./one-time-code.ts";
import { type AddIdentityPayload, addIdentityTarget } from "./request-identity-code.ts";

export async function confirmIdentity(
  deps: Deps,
  options: { actor: Actor; login: string; code: string },
): Promise<MyIdentity> {
  const address = requireLogin(options.login);
  const userId = options.actor.userId;
  return useCode(deps, addIdentityTarget(address), options.code, async (trx, row) => {
    const payload = row.payload as AddIdentityPayload | null;
    // A code asked for by someone else, or for an address that was someone else's then.
    if (row.user_id !== userId || payload?.userId !== userId) throw new AppError("code_invalid");
    const taken = await trx
      .selectFrom("identities")
      .select(["id", "user_id", "verified_at"])
      .where("kind", "=", address.kind)
      .where("external_id", "=", address.externalId)
      .executeTakeFirst();
    // Someone else proved it in the meantime; the one who holds the code may be told (it reached them).
    if (taken && taken.user_id !== userId) throw new AppError("identity_taken", {}, { field: "login" });
    const now = deps.now();
    const identity = taken
      ? await trx
          .updateTable("identities")
          .set({ verified_at: now })
          .where("id", "=", taken.id)
          .returning(["id", "verified_at"])
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto("identities")
          .values({
            user_id: userId,
            kind: address.kind,
            external_id: address.externalId,
            verified_at: now,
            created_at: now,
          })
          .returning(["id", "verified_at"])
          .executeTakeFirstOrThrow();
    const column = address.kind === "email" ? "email" : "phone";
    await trx
      .updateTable("users")
      .set({ [column]: address.externalId })
      .where("id", "=", userId)
      .where(column, "is", null)
      .execute();
    return {
      id: identity.id,
      kind: address.kind,
      address: address.externalId,
      verifiedAt: identity.verified_at!,
    };
  });
}
