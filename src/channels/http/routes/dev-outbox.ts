// GET /dev/outbox: a development page, only on the demo region (404 elsewhere, so a real installation never
// shows its residents' codes), never in the OpenAPI document, never cached.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { AppError } from "../../../services/errors.ts";
import { latestMessages } from "../../../services/outbox/latest-messages.ts";
import { demoRegionLoaded } from "../../../services/payments/demo-region-loaded.ts";
import { devOutboxPage } from "../pages/dev-outbox-page.ts";

export async function devOutboxRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  app.get(
    "/dev/outbox",
    {
      config: { page: true },
      schema: { hide: true, querystring: { type: "object", properties: { lang: { type: "string" } } } },
    },
    async (request, reply) => {
      if (!(await demoRegionLoaded(opts.deps))) throw new AppError("not_found");
      const messages = await latestMessages(opts.deps);
      return reply
        .header("cache-control", "no-store")
        .type("text/html; charset=utf-8")
        .send(devOutboxPage(request.locale, messages));
    },
  );
}
