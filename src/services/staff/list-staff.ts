// A provider's staff as its administrator sees them: who, in which role, whether two-step sign-in is on, when
// they last signed in; and the invitations still waiting for an answer.
import type { InvitedRole } from "../../db/tables/staff-access.table.ts";
import type { Translated } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { staffProvider } from "./staff-provider.ts";

export interface StaffList {
  provider: { id: number; code: string; name: Translated };
  staff: {
    userId: number;
    fullName: string;
    email: string | null;
    role: InvitedRole;
    twoFactor: boolean;
    lastSignedInAt: Date | null;
  }[];
  invitations: {
    id: number;
    email: string;
    fullName: string;
    role: InvitedRole;
    createdAt: Date;
    expiresAt: Date;
    expired: boolean;
  }[];
}

export async function listStaff(deps: Deps, actor: Actor, providerId?: number): Promise<StaffList> {
  const provider = await staffProvider(deps, actor, providerId);
  const { db } = deps.database;
  const staff = await db
    .selectFrom("staff_roles as sr")
    .innerJoin("users as u", "u.id", "sr.user_id")
    .leftJoin("user_totp as t", "t.user_id", "u.id")
    .select(["u.id", "u.full_name", "u.email", "sr.role", "u.last_signed_in_at", "t.user_id as totp_user"])
    .where("sr.provider_id", "=", provider.id)
    .orderBy("sr.role", "asc")
    .orderBy("u.full_name")
    .orderBy("u.id")
    .execute();
  const invitations = await db
    .selectFrom("staff_invitations")
    .select(["id", "email", "full_name", "role", "created_at", "expires_at"])
    .where("provider_id", "=", provider.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("id", "desc")
    .limit(200)
    .execute();
  const now = deps.now();
  return {
    provider,
    staff: staff.map((s) => ({
      userId: s.id,
      fullName: s.full_name,
      email: s.email,
      role: s.role === "administrator" ? "administrator" : "operator",
      twoFactor: s.totp_user !== null,
      lastSignedInAt: s.last_signed_in_at,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      fullName: i.full_name,
      role: i.role,
      createdAt: i.created_at,
      expiresAt: i.expires_at,
      expired: i.expires_at <= now,
    })),
  };
}
