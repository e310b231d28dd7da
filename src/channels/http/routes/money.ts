// The money views of an account: balance, open debts, charges and payments by month, the last bill's foot.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function moneyRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "accountBalance", { method: "GET", url: "/api/accounts/:accountId/balance" });
  routeUseCase(app, deps, "accountDebts", { method: "GET", url: "/api/accounts/:accountId/debts" });
  routeUseCase(app, deps, "accountHistory", { method: "GET", url: "/api/accounts/:accountId/history" });
  routeUseCase(app, deps, "accountEntries", { method: "GET", url: "/api/accounts/:accountId/entries" });
  routeUseCase(app, deps, "accountConsumption", {
    method: "GET",
    url: "/api/accounts/:accountId/consumption",
  });
  routeUseCase(app, deps, "lastBill", { method: "GET", url: "/api/accounts/:accountId/last-bill" });
}
