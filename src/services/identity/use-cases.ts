// Use cases of identities: signing up, signing in and resetting a password with one-time codes, signing out
// everywhere, and the language I read in. The public ones answer alike for known and unknown addresses.
import { Type } from "typebox";
import type { SignedIn } from "../auth/open-session.ts";
import { Ref } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { confirmPasswordReset } from "./confirm-password-reset.ts";
import { confirmSignInCode } from "./confirm-sign-in-code.ts";
import { confirmSignUp } from "./confirm-sign-up.ts";
import { MAX_PASSWORD_LENGTH } from "./password-policy.ts";
import { requestPasswordReset } from "./request-password-reset.ts";
import { requestSignInCode } from "./request-sign-in-code.ts";
import { setMyLanguage } from "./set-my-language.ts";
import { signOutEverywhere } from "./sign-out-everywhere.ts";
import { startSignUp } from "./start-sign-up.ts";

const Login = Type.String({
  minLength: 1,
  maxLength: 254,
  description: 'E-mail (any case) or Ukrainian phone, e.g. "+380671112233", "067 111 22 33"',
});
const Code = Type.String({ pattern: "^[0-9]{6}$", description: "The six digits sent to the address" });
const Password = Type.String({
  minLength: 1,
  maxLength: MAX_PASSWORD_LENGTH,
  description: "At least 10 characters, not a common password nor the login (422 password_too_short/_common)",
});
const LocaleSchema = Type.Union([Type.Literal("uk"), Type.Literal("ru"), Type.Literal("en")]);

const CodeRequested = Type.Object(
  {
    delivery: Type.Union([Type.Literal("email"), Type.Literal("sms")], {
      description: "Where to look for it",
    }),
    expiresInSeconds: Type.Integer(),
  },
  { description: "The same answer whether or not the address has an account" },
);

const codesNote =
  "A code is 6 digits, valid 10 minutes, 5 tries (422 code_invalid with details.triesLeft, then " +
  "code_exhausted; code_expired after 10 minutes); a new request replaces the previous code. At most 5 " +
  "requests per address and 30 per client address an hour (429 too_many_attempts).";

export const identityUseCases = {
  startSignUp: defineUseCase({
    name: "startSignUp",
    tag: "identity",
    summary: "Sign up as a resident with an e-mail or phone and a password: a code is sent there",
    description:
      "Answers the same whether or not the login is taken (the owner of a taken one is told someone tried). " +
      `Messages go out in the request's language. ${codesNote}`,
    input: Type.Object(
      { login: Login, password: Password, fullName: Type.String({ minLength: 1, maxLength: 200 }) },
      { additionalProperties: false },
    ),
    output: CodeRequested,
    access: "public",
    probe: null,
    run: (deps, context, input) =>
      startSignUp(deps, {
        ...input,
        locale: context.locale,
        ...(context.client ? { client: context.client } : {}),
      }),
  }),

  confirmSignUp: defineUseCase({
    name: "confirmSignUp",
    tag: "identity",
    summary: "Confirm a sign-up with its code: creates the resident and signs them in",
    input: Type.Object({ login: Login, code: Code }, { additionalProperties: false }),
    output: Ref<SignedIn>("SignedIn"),
    access: "public",
    probe: null,
    run: (deps, _context, input) => confirmSignUp(deps, input),
  }),

  requestSignInCode: defineUseCase({
    name: "requestSignInCode",
    tag: "identity",
    summary: "Ask for a code to sign in without a password",
    description: `The same answer whether or not the address has an account. ${codesNote}`,
    input: Type.Object({ login: Login }, { additionalProperties: false }),
    output: CodeRequested,
    access: "public",
    probe: null,
    run: (deps, context, input) =>
      requestSignInCode(deps, { ...input, ...(context.client ? { client: context.client } : {}) }),
  }),

  confirmSignInCode: defineUseCase({
    name: "confirmSignInCode",
    tag: "identity",
    summary: "Sign in with a code: a session, as signing in with a password gives",
    input: Type.Object({ login: Login, code: Code }, { additionalProperties: false }),
    output: Ref<SignedIn>("SignedIn"),
    access: "public",
    probe: null,
    run: (deps, _context, input) => confirmSignInCode(deps, input),
  }),

  requestPasswordReset: defineUseCase({
    name: "requestPasswordReset",
    tag: "identity",
    summary: "Forgot the password: ask for a code to set a new one",
    description: `The same answer whether or not the address has an account. ${codesNote}`,
    input: Type.Object({ login: Login }, { additionalProperties: false }),
    output: CodeRequested,
    access: "public",
    probe: null,
    run: (deps, context, input) =>
      requestPasswordReset(deps, { ...input, ...(context.client ? { client: context.client } : {}) }),
  }),

  confirmPasswordReset: defineUseCase({
    name: "confirmPasswordReset",
    tag: "identity",
    summary: "Set a new password with the code: every session ends and every API token is revoked",
    input: Type.Object({ login: Login, code: Code, password: Password }, { additionalProperties: false }),
    output: Type.Object({ sessionsEnded: Type.Integer(), apiTokensRevoked: Type.Integer() }),
    access: "public",
    probe: null,
    run: (deps, _context, input) => confirmPasswordReset(deps, input),
  }),

  signOutEverywhere: defineUseCase({
    name: "signOutEverywhere",
    tag: "identity",
    summary: "Sign out on every device: all my sessions end, this one included",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Object({ sessionsEnded: Type.Integer() }),
    access: "signed_in",
    probe: null,
    run: (deps, context) => signOutEverywhere(deps, { actor: context.actor }),
  }),

  setMyLanguage: defineUseCase({
    name: "setMyLanguage",
    tag: "identity",
    summary: "Set the language I read answers, codes and messages in",
    input: Type.Object({ locale: LocaleSchema }, { additionalProperties: false }),
    output: Type.Object({ locale: LocaleSchema }),
    access: "signed_in",
    probe: null,
    run: (deps, context, input) => setMyLanguage(deps, { actor: context.actor, locale: input.locale }),
  }),
};
