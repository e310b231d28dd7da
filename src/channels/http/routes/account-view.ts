// The contact centre's account page over HTTP: the people linked to an account, what came by which door, and the
// operator's notes (the account-view use cases).
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function accountViewRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "accountDetails", { method: "GET", url: "/api/accounts/:accountId/details" });
  routeUseCase(app, deps, "listAccountPeople", { method: "GET", url: "/api/accounts/:accountId/people" });
  routeUseCase(app, deps, "accountChannelHistory", {
    method: "GET",
    url: "/api/accounts/:accountId/channel-history",
  });
  routeUseCase(app, deps, "listAccountNotes", { method: "GET", url: "/api/accounts/:accountId/notes" });
  routeUseCase(app, deps, "addAccountNote", {
    method: "POST",
    url: "/api/accounts/:accountId/notes",
    success: 201,
  });
  // A lookup, but by POST: a phone number or an e-mail stays out of URLs and their logs.
  routeUseCase(app, deps, "findCaller", { method: "POST", url: "/api/accounts/:accountId/caller-lookup" });
}
