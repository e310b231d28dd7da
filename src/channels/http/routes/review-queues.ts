// The operator's two queues over HTTP: readings flagged for review (accepted or rejected), and bank registry lines
// that were not posted (assigned to an account or returned to the bank).
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function reviewQueueRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "listReadingsToReview", { method: "GET", url: "/api/readings/review" });
  routeUseCase(app, deps, "acceptReading", {
    method: "POST",
    url: "/api/accounts/:accountId/readings/:readingId/accept",
  });
  routeUseCase(app, deps, "rejectReading", {
    method: "POST",
    url: "/api/accounts/:accountId/readings/:readingId/reject",
  });
  routeUseCase(app, deps, "listUnmatchedRegistryLines", {
    method: "GET",
    url: "/api/registry-lines/unmatched",
  });
  routeUseCase(app, deps, "assignRegistryLine", {
    method: "POST",
    url: "/api/registry-lines/:registryId/:lineNo/assign",
  });
  routeUseCase(app, deps, "returnRegistryLine", {
    method: "POST",
    url: "/api/registry-lines/:registryId/:lineNo/return",
  });
}
