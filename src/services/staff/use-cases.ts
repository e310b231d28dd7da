// Use cases of a provider's staff: inviting (administrators, their own provider; the platform administrator, any),
// the invited person's accept page (public: the link is the credential), the list, and removing.
import { Type } from "typebox";
import { Id } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { acceptInvitation, getInvitation } from "./accept-invitation.ts";
import { inviteStaff } from "./invite-staff.ts";
import { listStaff } from "./list-staff.ts";
import { removeStaff, revokeInvitation } from "./remove-staff.ts";

const Role = Type.Union([Type.Literal("operator"), Type.Literal("administrator")]);
const ProviderId = Type.Optional(
  Type.Integer({
    minimum: 1,
    maximum: 2_147_483_647,
    description: "The provider; staff may name only their own (the default), a platform administrator any",
  }),
);
const Translated = Type.Object({ uk: Type.String(), ru: Type.String(), en: Type.String() });
const InvitationCode = Type.String({ minLength: 1, maxLength: 200, description: "The secret of the link" });
/** An instant: a Date in the service, an ISO string on the wire. */
const When = Type.Unsafe<Date>({ type: "string", format: "date-time" });

export const staffUseCases = {
  listStaff: defineUseCase({
    name: "listStaff",
    tag: "staff",
    summary: "A provider's staff (role, two-step sign-in, last sign-in) and pending invitations",
    input: Type.Object({ providerId: ProviderId }, { additionalProperties: false }),
    output: Type.Object({
      provider: Type.Object({ id: Type.Integer(), code: Type.String(), name: Translated }),
      staff: Type.Array(
        Type.Object({
          userId: Type.Integer(),
          fullName: Type.String(),
          email: Type.Union([Type.String(), Type.Null()]),
          role: Role,
          twoFactor: Type.Boolean(),
          lastSignedInAt: Type.Union([When, Type.Null()]),
        }),
      ),
      invitations: Type.Array(
        Type.Object({
          id: Type.Integer(),
          email: Type.String(),
          fullName: Type.String(),
          role: Role,
          createdAt: When,
          expiresAt: When,
          expired: Type.Boolean(),
        }),
      ),
    }),
    access: "administrator",
    probe: (t) => ({ providerId: t.providerId }),
    run: (deps, context, input) => listStaff(deps, context.actor, input.providerId),
  }),

  inviteStaff: defineUseCase({
    name: "inviteStaff",
    tag: "staff",
    summary: "Invite a person to a provider as an operator or administrator (an e-mail with a 7-day link)",
    description:
      "409 staff_already_member when the e-mail belongs to a staff member already. A new invitation of the same " +
      "address to the same provider withdraws the earlier one.",
    input: Type.Object(
      {
        providerId: ProviderId,
        email: Type.String({ minLength: 1, maxLength: 254 }),
        fullName: Type.String({ minLength: 1, maxLength: 200 }),
        role: Role,
      },
      { additionalProperties: false },
    ),
    output: Type.Object({ invitationId: Type.Integer(), email: Type.String(), role: Role, expiresAt: When }),
    access: "administrator",
    audited: true,
    probe: (t) => ({
      providerId: t.providerId,
      email: "invited-by-probe@isolation.test",
      fullName: "Probe",
      role: "operator" as const,
    }),
    run: (deps, context, input) => inviteStaff(deps, context.actor, context.locale, input),
  }),

  revokeInvitation: defineUseCase({
    name: "revokeInvitation",
    tag: "staff",
    summary: "Withdraw a pending invitation: its link stops working",
    input: Type.Object({ providerId: ProviderId, invitationId: Id }, { additionalProperties: false }),
    output: Type.Null(),
    access: "administrator",
    audited: true,
    probe: (t) => ({ providerId: t.providerId, invitationId: t.invitationId }),
    run: async (deps, context, input) => {
      await revokeInvitation(deps, context.actor, input);
      return null;
    },
  }),

  removeStaff: defineUseCase({
    name: "removeStaff",
    tag: "staff",
    summary: "Remove a staff member from a provider: their role is revoked and their sessions end",
    input: Type.Object({ providerId: ProviderId, userId: Id }, { additionalProperties: false }),
    output: Type.Null(),
    access: "administrator",
    audited: true,
    probe: (t) => ({ providerId: t.providerId, userId: t.removableStaffUserId }),
    run: async (deps, context, input) => {
      await removeStaff(deps, context.actor, input);
      return null;
    },
  }),

  getInvitation: defineUseCase({
    name: "getInvitation",
    tag: "staff",
    summary:
      "The invitation a link names: for whom, which provider and role (404 used or unknown, 410 expired)",
    input: Type.Object({ code: InvitationCode }, { additionalProperties: false }),
    output: Type.Object({
      email: Type.String(),
      fullName: Type.String(),
      role: Role,
      provider: Type.Object({ code: Type.String(), name: Translated }),
      expiresAt: When,
      existingUser: Type.Boolean(),
    }),
    access: "public",
    // The link's secret is the credential: there is nothing else to aim at.
    probe: null,
    run: (deps, _context, input) => getInvitation(deps, input.code),
  }),

  acceptInvitation: defineUseCase({
    name: "acceptInvitation",
    tag: "staff",
    summary: "Accept an invitation and set one's password: the staff role is granted",
    description: "Then sign in as usual (POST /api/session) with the invited e-mail and this password.",
    input: Type.Object(
      { code: InvitationCode, password: Type.String({ minLength: 1, maxLength: 256 }) },
      { additionalProperties: false },
    ),
    output: Type.Object({ email: Type.String() }),
    access: "public",
    probe: null,
    run: (deps, context, input) => acceptInvitation(deps, context, input),
  }),
};
