// The billing run for providers' administrators: bill a closed month, see the runs so far, and the provider's
// heating season: the billing use cases (services/billing/use-cases.ts) over HTTP.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function billingRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  const runs = "/api/providers/:provider/billing-runs";
  const season = "/api/providers/:provider/heating-season";
  routeUseCase(app, deps, "billPeriod", {
    method: "POST",
    url: runs,
    omit: ["batchSize"],
    success: 201,
  });
  routeUseCase(app, deps, "listBillingRuns", { method: "GET", url: runs });
  routeUseCase(app, deps, "getHeatingSeason", { method: "GET", url: season });
  routeUseCase(app, deps, "setHeatingSeason", { method: "PUT", url: season });
}

const count = { type: "integer", minimum: 0 } as const;
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
      inProcessAccounts: {
        type: "integer",
        description: "Accounts this call computed in the process; the rest took the set-based SQL path",
      },
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
