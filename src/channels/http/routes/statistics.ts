// A provider's statistics per month and channel over HTTP, and refreshing a month's stored aggregates.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function statisticsRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "getMonthlyStatistics", { method: "GET", url: "/api/statistics" });
  routeUseCase(app, deps, "refreshMonthlyStatistics", { method: "POST", url: "/api/statistics/refresh" });
}
