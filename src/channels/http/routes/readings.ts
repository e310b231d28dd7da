// The readings API: my accounts, their meters with window status, submitting readings, a meter's history.
import type { FastifyInstance } from "fastify";
import type { ServiceCode } from "../../../db/tables/reference.table.ts";
import { listMyAccounts } from "../../../services/accounts/list-my-accounts.ts";
import type { Actor } from "../../../services/actor.ts";
import type { Deps } from "../../../services/deps.ts";
import { listAccountMeters } from "../../../services/readings/list-account-meters.ts";
import { listMeterReadings } from "../../../services/readings/list-meter-readings.ts";
import { submitReading } from "../../../services/readings/submit-reading.ts";
import { actorOf } from "../plugins/auth.ts";
import { idSchema } from "../schemas/common.ts";
import { submitReadingBodySchema } from "../schemas/readings.ts";

const errors = { 401: { $ref: "Error#" }, 404: { $ref: "Error#" } } as const;
const accountParams = {
  type: "object",
  required: ["accountId"],
  properties: { accountId: idSchema },
} as const;
const security = [{ bearer: [] }];

/** Staff enter readings for callers (contact centre); residents and their tools use the API. */
const channelOf = (actor: Actor) => (actor.kind === "resident" ? "api" : "contact_centre");

export async function readingRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;

  app.get(
    "/api/accounts",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "listMyAccounts",
        tags: ["accounts"],
        summary: "The accounts linked to me, at every provider",
        security,
        response: { 200: { type: "array", items: { $ref: "AccountSummary#" } }, 401: { $ref: "Error#" } },
      },
    },
    async (request) => listMyAccounts(deps, { actor: actorOf(request) }),
  );

  app.get<{ Params: { accountId: number } }>(
    "/api/accounts/:accountId/meters",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "listAccountMeters",
        tags: ["readings"],
        summary: "An account's meters with their last readings and submission window (open now? until when?)",
        security,
        params: accountParams,
        response: { 200: { type: "array", items: { $ref: "Meter#" } }, ...errors },
      },
    },
    async (request) =>
      listAccountMeters(deps, { actor: actorOf(request), accountId: request.params.accountId }),
  );

  app.post<{
    Params: { accountId: number };
    Body: {
      meterId?: number;
      service?: ServiceCode;
      value?: string;
      values?: { zone: number; value: string }[];
      confirmed?: boolean;
    };
  }>(
    "/api/accounts/:accountId/readings",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "submitReading",
        tags: ["readings"],
        summary: "Submit a meter reading (every zone of a multi-zone meter at once)",
        description:
          "Accepted (201, or 200 when the same values were already accepted in this window), refused with a " +
          "reason (422: window closed, below the previous reading, too many digits…), or needs_confirmation " +
          "(200) for an unusually high consumption: send again with confirmed=true. An Idempotency-Key header " +
          "makes retries safe.",
        security,
        params: accountParams,
        headers: {
          type: "object",
          properties: { "idempotency-key": { type: "string", minLength: 1, maxLength: 200 } },
        },
        body: {
          ...submitReadingBodySchema,
        },
        response: {
          200: { $ref: "SubmitReadingResult#" },
          201: { $ref: "SubmitReadingResult#" },
          422: { $ref: "Error#" },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      const result = await submitReading(deps, {
        actor,
        channel: channelOf(actor),
        accountId: request.params.accountId,
        meterId: body.meterId,
        service: body.service,
        values: body.values ?? [{ zone: 1, value: body.value ?? "" }],
        confirmed: body.confirmed,
        idempotencyKey: request.headers["idempotency-key"] as string | undefined,
      });
      const created = result.status === "accepted" && !result.unchanged;
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.get<{ Params: { accountId: number; meterId: number }; Querystring: { limit?: number } }>(
    "/api/accounts/:accountId/meters/:meterId/readings",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "listMeterReadings",
        tags: ["readings"],
        summary: "A meter's readings, newest first, with corrections and their originals",
        security,
        params: {
          type: "object",
          required: ["accountId", "meterId"],
          properties: {
            accountId: idSchema,
            meterId: idSchema,
          },
        },
        querystring: {
          type: "object",
          properties: { limit: { type: "integer", minimum: 1, maximum: 1000 } },
        },
        response: { 200: { type: "array", items: { $ref: "Reading#" } }, ...errors },
      },
    },
    async (request) =>
      listMeterReadings(deps, {
        actor: actorOf(request),
        accountId: request.params.accountId,
        meterId: request.params.meterId,
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      }),
  );
}
