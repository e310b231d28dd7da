// A provider's news, contact-centre schedule and reading channels as its administrators set them (the console's
// /console/news, /console/contact-centre and /console/channels), over HTTP.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function providerSettingsRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "listProviderNews", { method: "GET", url: "/api/providers/:provider/news" });
  routeUseCase(app, deps, "saveNews", {
    method: "POST",
    url: "/api/providers/:provider/news",
  });
  routeUseCase(app, deps, "withdrawNews", {
    method: "POST",
    url: "/api/providers/:provider/news/:id/withdraw",
  });
  routeUseCase(app, deps, "getContactCentre", {
    method: "GET",
    url: "/api/providers/:provider/contact-centre",
  });
  routeUseCase(app, deps, "saveContactCentre", {
    method: "PUT",
    url: "/api/providers/:provider/contact-centre",
  });
  routeUseCase(app, deps, "getChannels", { method: "GET", url: "/api/providers/:provider/channels" });
  routeUseCase(app, deps, "setChannels", { method: "PUT", url: "/api/providers/:provider/channels" });
}
