// Staff access (migration 0022): invitations, TOTP secrets, recovery codes and sign-in challenges.
import type { Generated, Selectable } from "kysely";

export type InvitedRole = "operator" | "administrator";

export interface StaffInvitationsTable {
  id: Generated<number>;
  provider_id: number;
  email: string;
  full_name: string;
  role: InvitedRole;
  /** sha256 hex of the link's secret: the secret itself is never stored. */
  secret_hash: string;
  invited_by: number | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: number | null;
  revoked_at: Date | null;
}
export type StaffInvitation = Selectable<StaffInvitationsTable>;

export interface UserTotpTable {
  user_id: number;
  /** Base32, as authenticator apps take it. */
  secret: string;
  confirmed_at: Date;
  /** The time step of the last code accepted (each code once). */
  last_step: number;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  created_at: Date;
  used_at: Date | null;
}

export interface SignInChallengesTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  user_agent: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}
