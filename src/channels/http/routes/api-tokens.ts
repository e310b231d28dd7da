// Personal API tokens: a resident's own tools (home automation) call the API with them instead of a password.
// Managed only from a signed-in session: a token cannot mint or revoke tokens (403), so a leaked one stays
// contained.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function apiTokenRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "createApiToken", {
    method: "POST",
    url: "/api/tokens",
    credential: "session",
    success: 201,
  });
  routeUseCase(app, deps, "listApiTokens", { method: "GET", url: "/api/tokens", credential: "session" });
  routeUseCase(app, deps, "revokeApiToken", {
    method: "DELETE",
    url: "/api/tokens/:tokenId",
    credential: "session",
    success: 204,
    send: (reply) => reply.status(204).send(),
  });
}

const tokenProperties = {
  id: { type: "integer" },
  name: { type: "string" },
  prefix: { type: "string", description: 'The first characters of the token, e.g. "abt_3F9K"' },
  createdAt: { type: "string", format: "date-time" },
} as const;

export const apiTokenSchemas = [
  {
    $id: "ApiToken",
    type: "object",
    required: ["id", "name", "prefix", "createdAt", "lastUsedAt"],
    properties: {
      ...tokenProperties,
      lastUsedAt: { type: ["string", "null"], format: "date-time" },
    },
  },
  {
    $id: "NewApiToken",
    type: "object",
    required: ["id", "name", "prefix", "createdAt", "token"],
    properties: {
      ...tokenProperties,
      token: {
        type: "string",
        description: 'The token ("abt_…") to send as `Authorization: Bearer <token>`; shown only once',
      },
    },
  },
] as const;
