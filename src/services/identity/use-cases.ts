// Use cases of identities: signing up, signing in and resetting a password with one-time codes, signing out
// everywhere, and the language I read in. The public ones answer alike for known and unknown addresses.
import { Type } from "typebox";
import type { SignedIn } from "../auth/open-session.ts";
import { Ref } from "../schemas.ts";
import { SignInResultSchema } from "../two-factor/sign-in-schema.ts";
import { defineUseCase } from "../use-case.ts";
import { confirmIdentity } from "./confirm-identity.ts";
import { confirmPasswordReset } from "./confirm-password-reset.ts";
import { confirmSignInCode } from "./confirm-sign-in-code.ts";
import { confirmSignUp } from "./confirm-sign-up.ts";
import { getMySettings, type MySettings } from "./get-my-settings.ts";
import { listMyIdentities, type MyIdentity } from "./list-my-identities.ts";
import { MAX_PASSWORD_LENGTH } from "./password-policy.ts";
import { requestIdentityCode } from "./request-identity-code.ts";
import { requestPasswordReset } from "./request-password-reset.ts";
import { requestSignInCode } from "./request-sign-in-code.ts";
import { setMyLanguage } from "./set-my-language.ts";
import { setReminderChannel } from "./set-reminder-channel.ts";
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
const ReminderChannelSchema = Type.Union([
  Type.Literal("email"),
  Type.Literal("sms"),
  Type.Literal("telegram"),
  Type.Literal("viber"),
  Type.Literal("messenger"),
  Type.Literal("none"),
]);
const IdentitySchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Union(
    (["email", "phone", "telegram", "viber", "messenger", "caller"] as const).map((k) => Type.Literal(k)),
  ),
  address: Type.String({ description: 'As kept: e-mail lower-cased, phone "+380…", a chat\'s id' }),
  verifiedAt: Type.String({ format: "date-time" }),
});

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
    description:
      "As with signIn, a person with two-step sign-in on gets a challenge instead of a session (confirmSecondFactor).",
    input: Type.Object({ login: Login, code: Code }, { additionalProperties: false }),
    output: SignInResultSchema,
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

  listMyIdentities: defineUseCase({
    name: "listMyIdentities",
    tag: "identity",
    summary: "My confirmed e-mails, phones and linked chats",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Object({ identities: Type.Array(Type.Unsafe<MyIdentity>(IdentitySchema)) }),
    access: "signed_in",
    probe: null,
    run: async (deps, context) => ({ identities: await listMyIdentities(deps, { actor: context.actor }) }),
  }),

  requestIdentityCode: defineUseCase({
    name: "requestIdentityCode",
    tag: "identity",
    summary: "Add an e-mail or phone to my cabinet: a code is sent there",
    description:
      "The same answer whether or not the address is another person's (its owner is told someone tried, and no " +
      `code that could work is sent); one already mine is 409 identity_already_yours. ${codesNote}`,
    input: Type.Object({ login: Login }, { additionalProperties: false }),
    output: CodeRequested,
    access: "signed_in",
    // Only ever adds to the caller's own cabinet.
    probe: null,
    run: (deps, context, input) =>
      requestIdentityCode(deps, {
        actor: context.actor,
        login: input.login,
        locale: context.locale,
        ...(context.client ? { client: context.client } : {}),
      }),
  }),

  confirmIdentity: defineUseCase({
    name: "confirmIdentity",
    tag: "identity",
    summary: "Confirm an added e-mail or phone with its code: I can sign in with it and get messages there",
    description: "409 identity_taken when someone else confirmed the address first.",
    input: Type.Object({ login: Login, code: Code }, { additionalProperties: false }),
    output: Type.Unsafe<MyIdentity>(IdentitySchema),
    access: "signed_in",
    probe: null,
    run: (deps, context, input) => confirmIdentity(deps, { actor: context.actor, ...input }),
  }),

  getMySettings: defineUseCase({
    name: "getMySettings",
    tag: "identity",
    summary: "My language and where my reminders go",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Unsafe<MySettings>(
      Type.Object({
        locale: LocaleSchema,
        reminderChannel: ReminderChannelSchema,
        reminderChannelChosen: Type.Boolean(),
        reminderChoices: Type.Array(ReminderChannelSchema),
      }),
    ),
    access: "signed_in",
    probe: null,
    run: (deps, context) => getMySettings(deps, { actor: context.actor }),
  }),

  setReminderChannel: defineUseCase({
    name: "setReminderChannel",
    tag: "identity",
    summary: "Choose where my reminders go: e-mail, SMS or nowhere",
    description:
      "E-mail and SMS need a confirmed address of that kind, a messenger a verified chat of that platform (422 reminder_channel_unverified).",
    input: Type.Object({ channel: ReminderChannelSchema }, { additionalProperties: false }),
    output: Type.Object({ reminderChannel: ReminderChannelSchema }),
    access: "signed_in",
    probe: null,
    run: (deps, context, input) => setReminderChannel(deps, { actor: context.actor, channel: input.channel }),
  }),
};
