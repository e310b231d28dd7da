// The administrator's submission windows and tariffs over HTTP: the rules as they stand, a change from a date on,
// the twelve-month preview of a rule, the provider's tariffs and a new one.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function windowAndTariffRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "listSubmissionWindows", { method: "GET", url: "/api/windows" });
  routeUseCase(app, deps, "saveSubmissionWindow", { method: "POST", url: "/api/windows" });
  routeUseCase(app, deps, "previewSubmissionWindow", { method: "GET", url: "/api/windows/preview" });
  routeUseCase(app, deps, "listTariffs", { method: "GET", url: "/api/tariffs" });
  routeUseCase(app, deps, "addTariff", { method: "POST", url: "/api/tariffs", success: 201 });
}
