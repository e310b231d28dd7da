// Signing in and out, and who the caller is: the session use cases (services/auth/use-cases.ts) over HTTP.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { bearerToken } from "../plugins/auth.ts";
import { routeUseCase } from "../use-case-route.ts";

const errorResponse = { $ref: "Error#" } as const;

export async function sessionRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "signIn", {
    method: "POST",
    url: "/api/session",
    derived: {
      clientKey: (request) => request.ip,
      userAgent: (request) => request.headers["user-agent"],
    },
    responses: { 401: errorResponse },
  });
  // The second step for a person with two-step sign-in on: the challenge signIn answered and a code.
  routeUseCase(app, deps, "confirmSecondFactor", {
    method: "POST",
    url: "/api/session/second-factor",
    derived: {
      clientKey: (request) => request.ip,
      userAgent: (request) => request.headers["user-agent"],
    },
    responses: { 401: errorResponse },
  });
  routeUseCase(app, deps, "signOut", {
    method: "DELETE",
    url: "/api/session",
    credential: "session",
    derived: { token: (request) => bearerToken(request) ?? undefined },
    success: 204,
    send: (reply) => reply.status(204).send(),
  });
  routeUseCase(app, deps, "getMe", { method: "GET", url: "/api/me" });
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
    $id: "SecondFactorRequired",
    type: "object",
    required: ["secondFactor", "challenge", "expiresAt"],
    description:
      "Two-step sign-in is on: no session yet; confirm with a code (POST /api/session/second-factor)",
    properties: {
      secondFactor: { type: "string", const: "totp" },
      challenge: {
        type: "string",
        description: 'The challenge ("sfc_…"), good for 5 minutes and one confirmation',
      },
      expiresAt: { type: "string", format: "date-time" },
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
