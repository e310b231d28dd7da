// Staff finding an account over HTTP: GET /api/accounts/search?query=… (the console's search, as JSON).
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function accountSearchRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  routeUseCase(app, opts.deps, "searchAccounts", { method: "GET", url: "/api/accounts/search" });
}
