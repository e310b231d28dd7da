// Accepting an invitation (a public page: the link is the credential). The person sets their password; in one
// transaction the user is made (or the one with that verified e-mail is used, their password replaced: the link
// reached their inbox, as a reset code would), with the e-mail as a verified identity (the users trigger keeps
// it), the staff role, the invitation marked used, and a line in the audit log.
import type { InvitedRole } from "../../db/tables/staff-access.table.ts";
import type { Locale, Translated } from "../../i18n/locale.ts";
import { hashPassword } from "../auth/password.ts";
import type { ContextChannel } from "../context.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { checkNewPassword } from "../identity/password-policy.ts";
import { hashInvitationSecret, INVITATION_TTL_DAYS } from "./invitation-secret.ts";

export interface InvitationView {
  email: string;
  fullName: string;
  role: InvitedRole;
  provider: { code: string; name: Translated };
  expiresAt: Date;
  /** A cabinet with this e-mail exists: accepting sets its password anew. */
  existingUser: boolean;
}

/** The pending invitation a link names, or the refusal (used, withdrawn, unknown: one answer; expired: another). */
export async function getInvitation(deps: Deps, secret: string): Promise<InvitationView> {
  const row = await deps.database.db
    .selectFrom("staff_invitations as si")
    .innerJoin("providers as p", "p.id", "si.provider_id")
    .select([
      "si.email",
      "si.full_name",
      "si.role",
      "si.expires_at",
      "si.accepted_at",
      "si.revoked_at",
      "p.code",
      "p.name_uk",
      "p.name_ru",
      "p.name_en",
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("identities as i")
            .select("i.id")
            .where("i.kind", "=", "email")
            .whereRef("i.external_id", "=", "si.email")
            .where("i.verified_at", "is not", null),
        )
        .as("existing"),
    )
    .where("si.secret_hash", "=", hashInvitationSecret(secret))
    .executeTakeFirst();
  if (!row || row.accepted_at || row.revoked_at) throw new AppError("invitation_invalid");
  if (row.expires_at <= deps.now()) throw new AppError("invitation_expired", { days: INVITATION_TTL_DAYS });
  return {
    email: row.email,
    fullName: row.full_name,
    role: row.role,
    provider: { code: row.code, name: { uk: row.name_uk, ru: row.name_ru, en: row.name_en } },
    expiresAt: row.expires_at,
    existingUser: Boolean(row.existing),
  };
}

export async function acceptInvitation(
  deps: Deps,
  context: { locale: Locale; channel: ContextChannel },
  options: { code: string; password: string },
): Promise<{ email: string }> {
  const invitation = await getInvitation(deps, options.code);
  checkNewPassword(options.password, { kind: "email", externalId: invitation.email });
  const passwordHash = await hashPassword(options.password);
  const now = deps.now();
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("staff_invitations")
      .select(["id", "provider_id", "email", "full_name", "role", "accepted_at", "revoked_at", "expires_at"])
      .where("secret_hash", "=", hashInvitationSecret(options.code))
      .forUpdate()
      .executeTakeFirst();
    // Accepted or withdrawn in the meantime: the same answer as for any used link.
    if (!row || row.accepted_at || row.revoked_at) throw new AppError("invitation_invalid");
    if (row.expires_at <= now) throw new AppError("invitation_expired", { days: INVITATION_TTL_DAYS });
    const existing = await trx
      .selectFrom("identities")
      .select("user_id")
      .where("kind", "=", "email")
      .where("external_id", "=", row.email)
      .where("verified_at", "is not", null)
      .executeTakeFirst();
    let userId: number;
    if (existing) {
      userId = existing.user_id;
      const role = await trx
        .selectFrom("staff_roles")
        .select("user_id")
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (role) throw new AppError("staff_already_member");
      await trx.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
    } else {
      const user = await trx
        .insertInto("users")
        .values({
          email: row.email,
          phone: null,
          full_name: row.full_name,
          password_hash: passwordHash,
          locale: context.locale,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      userId = user.id;
    }
    await trx
      .insertInto("staff_roles")
      .values({ user_id: userId, provider_id: row.provider_id, role: row.role })
      .execute();
    await trx
      .updateTable("staff_invitations")
      .set({ accepted_at: now, accepted_by: userId })
      .where("id", "=", row.id)
      .execute();
    await trx
      .insertInto("audit_log")
      .values({
        at: now,
        actor_user_id: userId,
        provider_id: row.provider_id,
        account_id: null,
        channel: context.channel,
        action: "acceptInvitation",
        details: JSON.stringify({ invitationId: row.id, role: row.role }) as never,
      })
      .execute();
  });
  return { email: invitation.email };
}
