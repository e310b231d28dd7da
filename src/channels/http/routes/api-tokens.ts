// Personal API tokens: a resident's own tools (home automation) call the API with them instead of a password.
// Managed only from a signed-in session: a token cannot mint or revoke tokens (403), so a leaked one stays
// contained.
import type { FastifyInstance } from "fastify";
import { createApiToken } from "../../../services/auth/create-api-token.ts";
import { listApiTokens } from "../../../services/auth/list-api-tokens.ts";
import { revokeApiToken } from "../../../services/auth/revoke-api-token.ts";
import type { Deps } from "../../../services/deps.ts";
import { actorOf } from "../plugins/auth.ts";
import { idSchema } from "../schemas/common.ts";

const errorResponse = { $ref: "Error#" } as const;

export async function apiTokenRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  app.post<{ Body: { name: string } }>(
    "/api/tokens",
    {
      preHandler: app.requireSession,
      schema: {
        operationId: "createApiToken",
        tags: ["api-tokens"],
        summary: "Create a personal API token (the token is shown only in this response)",
        description: "At most 20 active tokens per user (409 too_many_tokens).",
        security: [{ bearer: [] }],
        body: {
          type: "object",
          required: ["name"],
          additionalProperties: false,
          properties: {
            name: {
              type: "string",
              minLength: 1,
              maxLength: 60,
              pattern: "\\S",
              description: 'What it is for, e.g. "Home Assistant"',
            },
          },
        },
        response: {
          201: { $ref: "NewApiToken#" },
          401: errorResponse,
          403: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(opts.deps, { actor: actorOf(request), name: request.body.name });
      return reply.status(201).send(created);
    },
  );

  app.get(
    "/api/tokens",
    {
      preHandler: app.requireSession,
      schema: {
        operationId: "listApiTokens",
        tags: ["api-tokens"],
        summary: "The caller's active personal API tokens (without the tokens themselves)",
        security: [{ bearer: [] }],
        response: {
          200: {
            type: "object",
            required: ["tokens"],
            properties: { tokens: { type: "array", items: { $ref: "ApiToken#" } } },
          },
          401: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request) => ({ tokens: await listApiTokens(opts.deps, { actor: actorOf(request) }) }),
  );

  app.delete<{ Params: { tokenId: number } }>(
    "/api/tokens/:tokenId",
    {
      preHandler: app.requireSession,
      schema: {
        operationId: "revokeApiToken",
        tags: ["api-tokens"],
        summary: "Revoke one of the caller's personal API tokens",
        description: "Another user's token, or no such token: 404.",
        security: [{ bearer: [] }],
        params: {
          type: "object",
          required: ["tokenId"],
          properties: { tokenId: idSchema },
        },
        response: {
          204: { type: "null", description: "Revoked" },
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      await revokeApiToken(opts.deps, { actor: actorOf(request), tokenId: request.params.tokenId });
      return reply.status(204).send();
    },
  );
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
