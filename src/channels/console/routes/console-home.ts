// /console: where a staff member lands after signing in.
import type { FastifyInstance } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { html } from "../../web/html.ts";
import { type ConsoleOptions, sendConsolePage } from "../console-request.ts";
import { CONSOLE_LAYOUT } from "../messages/layout.ts";

export async function consoleHomeRoutes(app: FastifyInstance, _opts: ConsoleOptions) {
  app.get("/console", { schema: { hide: true } }, async (request, reply) =>
    sendConsolePage(request, reply, (ctx) => {
      const title = format(CONSOLE_LAYOUT.navAccounts, ctx.locale);
      return { title, section: "accounts", body: html`<h1>${title}</h1>` };
    }),
  );
}
