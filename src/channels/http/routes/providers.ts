// What providers tell residents (their news, how to reach them) and the calculator over the live tariffs: the
// providers' and the calculator's use cases over HTTP.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function providerRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "listNews", { method: "GET", url: "/api/news" });
  routeUseCase(app, deps, "listProviderContacts", { method: "GET", url: "/api/providers/contacts" });
  routeUseCase(app, deps, "listCalculatorChoices", { method: "GET", url: "/api/calculator/choices" });
  routeUseCase(app, deps, "calculateUtilityCost", { method: "GET", url: "/api/calculator" });
}
