// Signing in and out, and who the caller is.
import type { FastifyInstance } from "fastify";
import { getMe } from "../../../services/auth/get-me.ts";
import { signIn } from "../../../services/auth/sign-in.ts";
import { signOut } from "../../../services/auth/sign-out.ts";
import type { Deps } from "../../../services/deps.ts";
import { actorOf, bearerToken } from "../plugins/auth.ts";

// Errors are { error: { code, message, details } } (the shared "Error" schema, registered in app.ts).
const errorResponse = { $ref: "Error#" } as const;

export async function sessionRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  app.post<{ Body: { login: string; password: string } }>(
    "/api/session",
    {
      schema: {
        operationId: "signIn",
        tags: ["session"],
        summary: "Sign in with an e-mail or phone number and a password",
        description:
          "Returns a session token (valid 30 days) to send as `Authorization: Bearer <token>`. A wrong login and " +
          "a wrong password give the same 401. After 5 failures in a row for one user (by e-mail and phone " +
          "together), or 20 failures from one address, within 15 minutes: 429 with details.retryAfterSeconds. " +
          "Successful sign-ins are never counted.",
        body: {
          type: "object",
          required: ["login", "password"],
          additionalProperties: false,
          properties: {
            login: {
              type: "string",
              minLength: 1,
              maxLength: 254,
              description: 'E-mail (any case) or phone, e.g. "+380671112233", "067 111 22 33"',
            },
            password: { type: "string", minLength: 1, maxLength: 256 },
          },
        },
        response: { 200: { $ref: "SignedIn#" }, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      try {
        return await signIn(opts.deps, {
          login: request.body.login,
          password: request.body.password,
          clientKey: request.ip,
          ...(request.headers["user-agent"] ? { userAgent: request.headers["user-agent"] } : {}),
        });
      } catch (e) {
        const retry = (e as { details?: { retryAfterSeconds?: unknown } }).details?.retryAfterSeconds;
        if (typeof retry === "number") reply.header("retry-after", String(retry));
        throw e;
      }
    },
  );

  app.delete(
    "/api/session",
    {
      preHandler: app.requireSession,
      schema: {
        operationId: "signOut",
        tags: ["session"],
        summary: "Sign out: the session token is refused from now on",
        security: [{ bearer: [] }],
        response: {
          204: { type: "null", description: "Signed out" },
          401: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const token = bearerToken(request);
      if (token) await signOut(opts.deps, { token });
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/me",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "getMe",
        tags: ["session"],
        summary: "The signed-in user and the role they act in",
        security: [{ bearer: [] }],
        response: { 200: { $ref: "Me#" }, 401: errorResponse },
      },
    },
    async (request) => getMe(opts.deps, { actor: actorOf(request) }),
  );
}

const locale = { type: "string", enum: ["uk", "ru", "en"] } as const;

export const sessionSchemas = [
  {
    $id: "Actor",
    description:
      "Who is asking: a resident (their own accounts), a provider's staff member (that provider's accounts), " +
      "or a platform administrator",
    anyOf: [
      {
        type: "object",
        required: ["kind", "userId", "locale"],
        properties: { kind: { type: "string", const: "resident" }, userId: { type: "integer" }, locale },
      },
      {
        type: "object",
        required: ["kind", "userId", "role", "providerId", "locale"],
        properties: {
          kind: { type: "string", const: "staff" },
          userId: { type: "integer" },
          role: { type: "string", enum: ["operator", "administrator"] },
          providerId: { type: "integer" },
          locale,
        },
      },
      {
        type: "object",
        required: ["kind", "userId", "locale"],
        properties: {
          kind: { type: "string", const: "platform_admin" },
          userId: { type: "integer" },
          locale,
        },
      },
    ],
  },
  {
    $id: "SignedIn",
    type: "object",
    required: ["token", "expiresAt", "user", "actor"],
    properties: {
      token: { type: "string", description: 'The session token ("ses_…"); shown only in this response' },
      expiresAt: { type: "string", format: "date-time" },
      user: {
        type: "object",
        required: ["id", "fullName", "locale"],
        properties: { id: { type: "integer" }, fullName: { type: "string" }, locale },
      },
      actor: { $ref: "Actor#" },
    },
  },
  {
    $id: "Me",
    type: "object",
    required: ["user", "actor"],
    properties: {
      user: {
        type: "object",
        required: ["id", "fullName", "email", "phone", "locale"],
        properties: {
          id: { type: "integer" },
          fullName: { type: "string" },
          email: { type: ["string", "null"] },
          phone: { type: ["string", "null"] },
          locale,
        },
      },
      actor: { $ref: "Actor#" },
    },
  },
] as const;
