// The provider console: pages for a provider's contact-centre operators and administrators (and the platform
// administrator), inside the cabinet's plugin so they share its session cookie, CSRF checks, form parsing and
// error pages. Every console route is under /console and admits staff only; what each staff member may reach is
// the use cases' own check (their provider's data, their role's work), exactly as on the API.
import type { FastifyInstance } from "fastify";
import { serveAssets } from "../web/assets.ts";
import { CONSOLE_SCRIPT, CONSOLE_STYLESHEET } from "./console-assets.ts";
import { type ConsoleOptions, requireStaff } from "./console-request.ts";
import { consoleHomeRoutes } from "./routes/console-home.ts";

/** The console's sections, each a plugin of its own routes under /console. */
const SECTIONS: ((app: FastifyInstance, opts: ConsoleOptions) => Promise<void>)[] = [consoleHomeRoutes];

export async function consoleRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  // Its stylesheet and script need no sign-in.
  await app.register(async (assets) => serveAssets(assets, [CONSOLE_STYLESHEET, CONSOLE_SCRIPT]));
  await app.register(async (staffArea) => {
    staffArea.addHook("preHandler", requireStaff);
    for (const section of SECTIONS) await staffArea.register(section, opts);
  });
}
