// "If no reading is given you will be billed about X", per meter of an account, before its window closes.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

const meterEstimate = {
  type: "object",
  required: [
    "meterId",
    "serial",
    "service",
    "period",
    "readingGiven",
    "billedBy",
    "method",
    "zones",
    "amountKop",
    "citation",
  ],
  properties: {
    meterId: { type: "integer" },
    serial: { type: "string" },
    service: { type: "string" },
    period: { type: "string", description: "YYYY-MM: the month the meter's window is for" },
    readingGiven: {
      type: "boolean",
      description: "a reading for that month is in: the month will be billed by it, nothing is estimated",
    },
    billedBy: {
      type: "string",
      enum: ["reading", "average_daily", "planned_monthly_volume", "norm", "none"],
      description: "what the month will be billed by: the reading given, or the estimate's method",
    },
    method: {
      type: ["string", "null"],
      enum: ["average_daily", "planned_monthly_volume", "norm", "none", null],
      description: "the estimate's method; null when the reading is in",
    },
    zones: {
      type: "array",
      description: "the estimated units per zone; empty when the reading is in",
      items: {
        type: "object",
        required: ["zone", "quantity"],
        properties: { zone: { type: "integer" }, quantity: { type: "string" } },
      },
    },
    amountKop: {
      type: ["integer", "null"],
      description:
        "the estimate's charge, sewerage included on water; null when the reading is in (the run measures it) " +
        "or no tariff covers the month",
    },
    citation: { type: "string", description: "the rule and the act it comes from" },
  },
} as const;

export async function estimateRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  routeUseCase(app, opts.deps, "estimateWithoutReading", {
    method: "GET",
    url: "/api/accounts/:accountId/estimate",
  });
}

export const estimateSchemas = [
  {
    $id: "AccountEstimate",
    type: "object",
    required: ["meters", "totalKop"],
    properties: {
      meters: { type: "array", items: meterEstimate },
      totalKop: {
        type: "integer",
        description: "what the estimates will cost: Σ amountKop of the meters still without a reading",
      },
    },
  },
] as const;
