// The readings API: my accounts, their meters with window status, submitting readings, a meter's history.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function readingRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "listMyAccounts", { method: "GET", url: "/api/accounts" });
  routeUseCase(app, deps, "listAccountMeters", { method: "GET", url: "/api/accounts/:accountId/meters" });
  routeUseCase(app, deps, "submitReading", {
    method: "POST",
    url: "/api/accounts/:accountId/readings",
    headers: { idempotencyKey: "idempotency-key" },
    responses: { 201: { $ref: "SubmitReadingResult#" } },
    status: (result) => (result.status === "accepted" && !result.unchanged ? 201 : 200),
  });
  routeUseCase(app, deps, "listMeterReadings", {
    method: "GET",
    url: "/api/accounts/:accountId/meters/:meterId/readings",
  });
}
