// Use cases of signing in and out, who the caller is, and personal API tokens.
import { Type } from "typebox";
import { Id, Ref } from "../schemas.ts";
import { SignInResultSchema } from "../two-factor/sign-in-schema.ts";
import { defineUseCase } from "../use-case.ts";
import { createApiToken, type NewApiToken } from "./create-api-token.ts";
import { getMe, type Me } from "./get-me.ts";
import { type ApiTokenSummary, listApiTokens } from "./list-api-tokens.ts";
import { revokeApiToken } from "./revoke-api-token.ts";
import { signIn } from "./sign-in.ts";
import { signOut } from "./sign-out.ts";

const Nothing = (description: string) => Type.Null({ description });

export const authUseCases = {
  signIn: defineUseCase({
    name: "signIn",
    tag: "session",
    summary: "Sign in with an e-mail or phone number and a password",
    description:
      "Returns a session token (valid 30 days) to send as `Authorization: Bearer <token>`. A wrong login and " +
      "a wrong password give the same 401. After 5 failures in a row for one user (by e-mail and phone " +
      "together), or 20 failures from one address, within 15 minutes: 429 with details.retryAfterSeconds. " +
      "Successful sign-ins are never counted. A person with two-step sign-in on gets no session here but " +
      '{ secondFactor: "totp", challenge, expiresAt }: send the challenge and a code to confirmSecondFactor.',
    input: Type.Object(
      {
        login: Type.String({
          minLength: 1,
          maxLength: 254,
          description: 'E-mail (any case) or phone, e.g. "+380671112233", "067 111 22 33"',
        }),
        password: Type.String({ minLength: 1, maxLength: 256 }),
        /** Who is knocking, for rate limiting: the client's address, as the channel sees it. */
        clientKey: Type.String({ minLength: 1, maxLength: 200 }),
        userAgent: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    output: SignInResultSchema,
    access: "public",
    // Nothing of anyone else's to aim at: a password is the only way in.
    probe: null,
    run: (deps, _context, input) => signIn(deps, input),
  }),

  signOut: defineUseCase({
    name: "signOut",
    tag: "session",
    summary: "Sign out: the session token is refused from now on",
    input: Type.Object(
      { token: Type.String({ minLength: 1, maxLength: 500 }) },
      { additionalProperties: false },
    ),
    output: Nothing("Signed out"),
    access: "signed_in",
    // Only the caller's own session ends (the token must be theirs).
    probe: null,
    run: async (deps, context, input) => {
      await signOut(deps, { token: input.token, userId: context.actor.userId });
      return null;
    },
  }),

  getMe: defineUseCase({
    name: "getMe",
    tag: "session",
    summary: "The signed-in user and the role they act in",
    input: Type.Object({}, { additionalProperties: false }),
    output: Ref<Me>("Me"),
    access: "signed_in",
    probe: null,
    run: (deps, context) => getMe(deps, { actor: context.actor }),
  }),

  createApiToken: defineUseCase({
    name: "createApiToken",
    tag: "api-tokens",
    summary: "Create a personal API token (the token is shown only in this response)",
    description: "At most 20 active tokens per user (409 too_many_tokens).",
    input: Type.Object(
      {
        name: Type.String({
          minLength: 1,
          maxLength: 60,
          pattern: "\\S",
          description: 'What it is for, e.g. "Home Assistant"',
        }),
      },
      { additionalProperties: false },
    ),
    output: Ref<NewApiToken>("NewApiToken"),
    access: "signed_in",
    probe: null,
    run: (deps, context, input) => createApiToken(deps, { actor: context.actor, name: input.name }),
  }),

  listApiTokens: defineUseCase({
    name: "listApiTokens",
    tag: "api-tokens",
    summary: "The caller's active personal API tokens (without the tokens themselves)",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Object({ tokens: Type.Array(Ref<ApiTokenSummary>("ApiToken")) }),
    access: "signed_in",
    probe: null,
    run: async (deps, context) => ({ tokens: await listApiTokens(deps, { actor: context.actor }) }),
  }),

  revokeApiToken: defineUseCase({
    name: "revokeApiToken",
    tag: "api-tokens",
    summary: "Revoke one of the caller's personal API tokens",
    description: "Another user's token, or no such token: 404.",
    input: Type.Object({ tokenId: Id }, { additionalProperties: false }),
    output: Nothing("Revoked"),
    access: "signed_in",
    // Only the caller's own tokens are found (another user's is 404).
    probe: null,
    run: async (deps, context, input) => {
      await revokeApiToken(deps, { actor: context.actor, tokenId: input.tokenId });
      return null;
    },
  }),
};
