// The accounts API beyond listing (routes/readings.ts): a resident links an account by its bill and removes
// their link; staff find an account by number and link one for a caller.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { useCases } from "../../../services/registry.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function accountRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "listProviderChoices", { method: "GET", url: "/api/accounts/providers" });
  routeUseCase(app, deps, "linkAccount", {
    method: "POST",
    url: "/api/accounts/links",
    status: (result) => (result.alreadyLinked ? 200 : 201),
    responses: { 201: useCases.linkAccount.output },
  });
  routeUseCase(app, deps, "unlinkAccount", { method: "DELETE", url: "/api/accounts/:accountId/link" });
  routeUseCase(app, deps, "findAccount", { method: "GET", url: "/api/staff/accounts" });
  routeUseCase(app, deps, "linkAccountForUser", {
    method: "POST",
    url: "/api/staff/accounts/:accountId/residents",
  });
}
