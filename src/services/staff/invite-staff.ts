// An administrator invites a person to their provider (a platform administrator: to any, e.g. its first
// administrator). Staff never sign themselves up: the invitation goes by e-mail through the outbox, in the same
// transaction, with a link whose secret is stored only as a hash; an earlier pending invitation of the same
// address to the same provider is withdrawn, so only the latest link works.
import { appAddress } from "../../config.ts";
import type { InvitedRole } from "../../db/tables/staff-access.table.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { parseLogin } from "../identity/identity-address.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { queueMessage } from "../outbox/queue-message.ts";
import { invitationMessage } from "./invitation-message.ts";
import {
  hashInvitationSecret,
  INVITATION_TTL_DAYS,
  invitationPath,
  newInvitationSecret,
} from "./invitation-secret.ts";
import { staffProvider } from "./staff-provider.ts";

export interface InviteStaffOptions {
  providerId?: number;
  email: string;
  fullName: string;
  role: InvitedRole;
}

export interface Invited {
  invitationId: number;
  email: string;
  role: InvitedRole;
  expiresAt: Date;
}

/** The address in its stored form, or the refusal. */
export function staffEmail(text: string): string {
  const login = parseLogin(text);
  if (login?.kind !== "email") throw new AppError("staff_email_invalid", {}, { field: "email" });
  return login.externalId;
}

export function staffName(text: string): string {
  const name = text.trim().replace(/\s+/g, " ");
  if (name.length === 0 || [...name].length > 200)
    throw new AppError("staff_name_invalid", {}, { field: "fullName" });
  return name;
}

export async function inviteStaff(
  deps: Deps,
  actor: Actor,
  locale: Locale,
  options: InviteStaffOptions,
): Promise<Invited> {
  const provider = await staffProvider(deps, actor, options.providerId);
  const email = staffEmail(options.email);
  const fullName = staffName(options.fullName);
  const secret = newInvitationSecret();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  const link = `${deps.appUrl ?? appAddress({})}${invitationPath(secret)}`;
  const id = await deps.database.db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom("identities as i")
      .innerJoin("staff_roles as sr", "sr.user_id", "i.user_id")
      .select("sr.user_id")
      .where("i.kind", "=", "email")
      .where("i.external_id", "=", email)
      .executeTakeFirst();
    if (member) throw new AppError("staff_already_member", {}, { field: "email" });
    await trx
      .updateTable("staff_invitations")
      .set({ revoked_at: now })
      .where("provider_id", "=", provider.id)
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    const row = await trx
      .insertInto("staff_invitations")
      .values({
        provider_id: provider.id,
        email,
        full_name: fullName,
        role: options.role,
        secret_hash: hashInvitationSecret(secret),
        invited_by: actor.userId,
        created_at: now,
        expires_at: expiresAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const text = invitationMessage(locale, {
      name: fullName,
      provider: provider.name,
      role: options.role,
      link,
      days: INVITATION_TTL_DAYS,
    });
    await queueMessage(
      trx,
      { channel: "email", address: email, locale, template: "staff_invitation", ...text },
      now,
    );
    return row.id;
  });
  outboxWritten(deps);
  return { invitationId: id, email, role: options.role, expiresAt };
}
