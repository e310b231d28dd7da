// The administrator's console over HTTP too: a billing run started in the background and followed, the billing
// schedule, and the payment registries imported so far with each one's report (the use cases of
// services/billing/billing-run-use-cases.ts and services/registries/registry-report-use-cases.ts).
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function billingConsoleApiRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  const schedule = "/api/providers/:provider/billing-schedule";
  routeUseCase(app, deps, "startBillingRun", {
    method: "POST",
    url: "/api/providers/:provider/billing-runs/background",
    success: 202,
  });
  routeUseCase(app, deps, "getBillingRun", { method: "GET", url: "/api/billing-runs/:runId" });
  routeUseCase(app, deps, "getBillingSchedule", { method: "GET", url: schedule });
  routeUseCase(app, deps, "setBillingSchedule", {
    method: "PUT",
    url: schedule,
    responses: { 503: { $ref: "Error#" } },
  });
  routeUseCase(app, deps, "listPaymentRegistries", {
    method: "GET",
    url: "/api/providers/:provider/payment-registries",
  });
  routeUseCase(app, deps, "getPaymentRegistry", {
    method: "GET",
    url: "/api/payment-registries/:registryId",
  });
  routeUseCase(app, deps, "listProviderRegistrySources", {
    method: "GET",
    url: "/api/providers/:provider/registry-sources",
  });
}
