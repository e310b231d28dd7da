// Use cases of two-step sign-in: its second step (public: the challenge is the credential), and setting it up,
// seeing it and turning it off (staff, each for themselves only).
import { Type } from "typebox";
import type { SignedIn } from "../auth/open-session.ts";
import { Ref } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { confirmSecondFactor } from "./confirm-second-factor.ts";
import { disableTwoFactor } from "./disable-two-factor.ts";
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment, twoFactorStatus } from "./enrolment.ts";

const Code = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'The 6 digits the authenticator app shows now, or a recovery code ("k7mqa-2xw9p")',
});

export const twoFactorUseCases = {
  confirmSecondFactor: defineUseCase({
    name: "confirmSecondFactor",
    tag: "session",
    summary: "Second step of signing in: the challenge and a code open the session",
    description:
      "The code is the authenticator app's current one (one 30-second step either side; each code once) or an " +
      "unused recovery code (each once). After 5 failures for one person, or 20 from one address, within 15 " +
      "minutes: 429. An expired or used challenge: 401 sign_in_challenge_expired (sign in again).",
    input: Type.Object(
      {
        challenge: Type.String({ minLength: 1, maxLength: 200 }),
        code: Code,
        clientKey: Type.String({ minLength: 1, maxLength: 200 }),
        userAgent: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    output: Ref<SignedIn>("SignedIn"),
    access: "public",
    // The challenge is the caller's own, from their password: there is nobody else's to aim at.
    probe: null,
    run: (deps, _context, input) => confirmSecondFactor(deps, input),
  }),

  getTwoFactorStatus: defineUseCase({
    name: "getTwoFactorStatus",
    tag: "two-factor",
    summary: "Whether my two-step sign-in is on, required, or being set up",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Object({
      enabled: Type.Boolean(),
      required: Type.Boolean(),
      recoveryCodesLeft: Type.Integer(),
    }),
    access: "staff",
    probe: null,
    run: (deps, context) => twoFactorStatus(deps, context.actor),
  }),

  startTwoFactorEnrolment: defineUseCase({
    name: "startTwoFactorEnrolment",
    tag: "two-factor",
    summary:
      "Start setting up two-step sign-in: a new secret for the authenticator app (nothing is stored yet)",
    description:
      "Show the secret (or the otpauth:// address as a QR code), then send it back with a code from the app to " +
      "confirmTwoFactorEnrolment. 409 two_factor_already_on when it is on.",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Object({ secret: Type.String(), uri: Type.String({ description: "otpauth:// address" }) }),
    access: "staff",
    probe: null,
    run: (deps, context) => startTwoFactorEnrolment(deps, context.actor),
  }),

  confirmTwoFactorEnrolment: defineUseCase({
    name: "confirmTwoFactorEnrolment",
    tag: "two-factor",
    summary:
      "Turn two-step sign-in on: the secret and a current code; answers ten recovery codes, shown only now",
    input: Type.Object(
      {
        secret: Type.String({ minLength: 1, maxLength: 64, description: "From startTwoFactorEnrolment" }),
        code: Type.String({ minLength: 1, maxLength: 20 }),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({ recoveryCodes: Type.Array(Type.String()) }),
    access: "staff",
    audited: true,
    probe: null,
    run: (deps, context, input) => confirmTwoFactorEnrolment(deps, context.actor, input),
  }),

  disableTwoFactor: defineUseCase({
    name: "disableTwoFactor",
    tag: "two-factor",
    summary: "Turn two-step sign-in off (operators only), with a current code or a recovery code",
    description: "Administrators: 403 two_factor_required_for_role.",
    input: Type.Object({ code: Code }, { additionalProperties: false }),
    output: Type.Null(),
    access: "staff",
    audited: true,
    probe: null,
    run: async (deps, context, input) => {
      await disableTwoFactor(deps, context.actor, input.code);
      return null;
    },
  }),
};
