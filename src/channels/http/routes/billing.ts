// The billing run for providers' administrators: bill a closed month, and see the runs so far.
import type { FastifyInstance } from "fastify";
import { parsePeriod } from "../../../domain/period.ts";
import { authorizeBilling } from "../../../services/billing/authorize-billing.ts";
import { billPeriod } from "../../../services/billing/bill-period.ts";
import { getHeatingSeason, setHeatingSeason } from "../../../services/billing/heating-season.ts";
import { listBillingRuns } from "../../../services/billing/list-billing-runs.ts";
import type { Deps } from "../../../services/deps.ts";
import { actorOf } from "../plugins/auth.ts";

const errorResponse = { $ref: "Error#" } as const;
const security = [{ bearer: [] }];
const access =
  "Only the provider's administrators and platform administrators: the provider's operators get 403, " +
  "anyone else 404.";
const providerParams = {
  type: "object",
  required: ["provider"],
  properties: {
    provider: {
      type: "string",
      minLength: 1,
      maxLength: 60,
      description: 'The provider\'s code (e.g. "deu") or id',
    },
  },
} as const;

export async function billingRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;

  app.post<{ Params: { provider: string }; Body: { period: string } }>(
    "/api/providers/:provider/billing-runs",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "billPeriod",
        tags: ["billing"],
        summary: "Bill a provider's month: every account, then the period is closed",
        description:
          `${access} The month must be over (422 billing_period_not_over) and not closed yet ` +
          "(409 billing_period_closed), not before the provider's last closed month (409 billing_period_before_closed: " +
          "issued bills never change) nor before its first tariff (422 billing_period_before_tariffs); one run per " +
          "provider and month at a time (409 billing_run_in_progress). " +
          "A run that stopped half-way is taken over (resumed: true). Answers when the run has finished.",
        security,
        params: providerParams,
        body: {
          type: "object",
          required: ["period"],
          additionalProperties: false,
          properties: {
            period: {
              type: "string",
              pattern: "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$",
              description: "The month to bill, YYYY-MM",
            },
          },
        },
        response: {
          201: { $ref: "BillingRunSummary#" },
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const provider = await authorizeBilling(deps, { actor, provider: request.params.provider });
      const summary = await billPeriod(deps, {
        providerId: provider.id,
        period: parsePeriod(request.body.period),
        startedBy: `user:${actor.userId}`,
      });
      return reply.status(201).send(summary);
    },
  );

  const seasonSchema = {
    type: "object",
    required: ["starts", "ends"],
    additionalProperties: false,
    properties: {
      starts: { ...monthDay, description: "The season's first day, MM-DD (e.g. 10-15)" },
      ends: { ...monthDay, description: "Its last day, MM-DD, included (e.g. 04-15): across the new year" },
    },
  } as const;
  const seasonAbout =
    "Heating is billed by norm on the season's days only, prorated by days; the fixed fee all year. By default " +
    "15 October to 15 April. A change applies to the months billed after it.";

  app.get<{ Params: { provider: string } }>(
    "/api/providers/:provider/heating-season",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "getHeatingSeason",
        tags: ["billing"],
        summary: "The provider's heating season",
        description: `${seasonAbout} ${access}`,
        security,
        params: providerParams,
        response: { 200: seasonSchema, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => getHeatingSeason(deps, { actor: actorOf(request), provider: request.params.provider }),
  );

  app.put<{ Params: { provider: string }; Body: { starts: string; ends: string } }>(
    "/api/providers/:provider/heating-season",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "setHeatingSeason",
        tags: ["billing"],
        summary: "Set the provider's heating season",
        description: `${seasonAbout} ${access} A day that does not exist is 400 heating_season_invalid.`,
        security,
        params: providerParams,
        body: seasonSchema,
        response: {
          200: seasonSchema,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) =>
      setHeatingSeason(deps, {
        actor: actorOf(request),
        provider: request.params.provider,
        season: request.body,
      }),
  );

  app.get<{ Params: { provider: string }; Querystring: { limit?: number } }>(
    "/api/providers/:provider/billing-runs",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "listBillingRuns",
        tags: ["billing"],
        summary: "A provider's billing runs, newest month first, with their totals",
        description: access,
        security,
        params: providerParams,
        querystring: {
          type: "object",
          properties: { limit: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
        },
        response: {
          200: {
            type: "object",
            required: ["runs"],
            properties: { runs: { type: "array", items: { $ref: "BillingRun#" } } },
          },
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      runs: await listBillingRuns(deps, {
        actor: actorOf(request),
        provider: request.params.provider,
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      }),
    }),
  );
}

const count = { type: "integer", minimum: 0 } as const;
const monthDay = { type: "string", pattern: "^[0-9]{2}-[0-9]{2}$", description: "MM-DD" } as const;
const kop = { type: "integer", description: "Kopiykas" } as const;
const totalsProperties = {
  accounts: { ...count, description: "Accounts with anything billed" },
  charged: { ...count, description: "Accounts charged from readings or norms" },
  estimated: { ...count, description: "Accounts charged by estimate" },
  recalculated: { ...count, description: "Accounts with a recalculation of earlier estimates" },
  chargeKop: kop,
  estimatedKop: kop,
  recalculationKop: { ...kop, description: "Kopiykas; negative when estimates were too high" },
  totalKop: { ...kop, description: "Everything the period added to the ledger: the three above" },
  plannedKop: { ...kop, description: "Planned payments set for the next month" },
} as const;
const totalsRequired = Object.keys(totalsProperties);

export const billingSchemas = [
  {
    $id: "BillingRunSummary",
    type: "object",
    required: ["runId", "providerId", "period", "resumed", "seconds", ...totalsRequired],
    properties: {
      runId: { type: "integer" },
      providerId: { type: "integer" },
      period: { type: "string", description: "YYYY-MM" },
      resumed: { type: "boolean", description: "This run took over one that had stopped half-way" },
      seconds: { type: "number" },
      ...totalsProperties,
    },
  },
  {
    $id: "BillingRun",
    type: "object",
    required: ["id", "providerId", "period", "status", "startedAt", "finishedAt", "startedBy", "totals"],
    properties: {
      id: { type: "integer" },
      providerId: { type: "integer" },
      period: { type: "string", description: "YYYY-MM" },
      status: {
        type: "string",
        enum: ["running", "finished"],
        description: "running: in progress, or stopped half-way (the next run takes it over)",
      },
      startedAt: { type: "string", format: "date-time" },
      finishedAt: { type: ["string", "null"], format: "date-time" },
      startedBy: { type: "string", description: '"cli", "scheduler" or "user:<id>"' },
      totals: {
        anyOf: [{ type: "null" }, { type: "object", required: totalsRequired, properties: totalsProperties }],
      },
    },
  },
] as const;
