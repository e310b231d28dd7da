import type { FastifyInstance } from "fastify";
import { checkHealth } from "../../../services/check-health.ts";
import type { Deps } from "../../../services/deps.ts";

export async function healthRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  app.get(
    "/health",
    {
      schema: {
        operationId: "checkHealth",
        tags: ["platform"],
        response: {
          200: { $ref: "Health#" },
          503: { $ref: "Health#" },
        },
      },
    },
    async (_request, reply) => {
      const health = await checkHealth(opts.deps);
      return reply.status(health.status === "ok" ? 200 : 503).send(health);
    },
  );
}

export const healthSchema = {
  $id: "Health",
  type: "object",
  required: ["status", "database", "demoRegion"],
  properties: {
    status: { type: "string", enum: ["ok", "unavailable"] },
    database: {
      type: "object",
      required: ["engine", "ok", "latencyMs"],
      properties: {
        engine: { type: "string", enum: ["pglite", "postgres"] },
        ok: { type: "boolean" },
        latencyMs: { type: "integer" },
      },
    },
    demoRegion: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["accounts", "asOf"],
          properties: { accounts: { type: "integer" }, asOf: { type: "string", format: "date" } },
        },
      ],
    },
  },
} as const;
