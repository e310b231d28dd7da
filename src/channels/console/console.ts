// The provider console: pages for a provider's contact-centre operators and administrators (and the platform
// administrator), inside the cabinet's plugin so they share its session cookie, CSRF checks, form parsing and
// error pages. Every console route is under /console and admits staff only; what each staff member may reach is
// the use cases' own check (their provider's data, their role's work), exactly as on the API.
import type { FastifyInstance } from "fastify";
import { serveAssets } from "../web/assets.ts";
import { CONSOLE_SCRIPT, CONSOLE_STYLESHEET } from "./console-assets.ts";
import { type ConsoleOptions, requireStaff } from "./console-request.ts";
import { accountViewRoutes } from "./routes/account-view.ts";
import { auditRoutes } from "./routes/audit.ts";
import { billingConsoleRoutes } from "./routes/billing.ts";
import { consoleChannelsRoutes } from "./routes/channels.ts";
import { consoleHomeRoutes } from "./routes/console-home.ts";
import { consoleContactCentreRoutes } from "./routes/contact-centre.ts";
import { consoleInboxRoutes } from "./routes/inbox.ts";
import { invitationRoutes } from "./routes/invitation.ts";
import { consoleNewsRoutes } from "./routes/news.ts";
import { partnerReconciliationRoutes } from "./routes/partner-reconciliations.ts";
import { partnersConsoleRoutes } from "./routes/partners.ts";
import { providersRoutes } from "./routes/providers.ts";
import { registriesConsoleRoutes } from "./routes/registries.ts";
import { consoleRegistryLineRoutes } from "./routes/registry-lines.ts";
import { consoleReviewRoutes } from "./routes/reviews.ts";
import { securityRoutes } from "./routes/security.ts";
import { staffRoutes } from "./routes/staff.ts";
import { statisticsRoutes } from "./routes/statistics.ts";
import { tariffsRoutes } from "./routes/tariffs.ts";
import { windowsRoutes } from "./routes/windows.ts";
import { requireTwoFactorSetUp } from "./two-factor-gate.ts";

/** The console's sections, each a plugin of its own routes under /console. */
const SECTIONS: ((app: FastifyInstance, opts: ConsoleOptions) => Promise<void>)[] = [
  consoleHomeRoutes,
  accountViewRoutes,
  billingConsoleRoutes,
  registriesConsoleRoutes,
  statisticsRoutes,
  windowsRoutes,
  tariffsRoutes,
  consoleNewsRoutes,
  consoleContactCentreRoutes,
  consoleChannelsRoutes,
  staffRoutes,
  providersRoutes,
  partnersConsoleRoutes,
  partnerReconciliationRoutes,
  securityRoutes,
  auditRoutes,
  consoleReviewRoutes,
  consoleRegistryLineRoutes,
  consoleInboxRoutes,
];

/** Every console route as "METHOD /path", for the route-level isolation test that must cover each one. */
const routesSeen = new Set<string>();
export function consoleRouteList(): string[] {
  return [...routesSeen].sort();
}

export async function consoleRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/console")) return;
    for (const method of [route.method].flat())
      if (method !== "HEAD") routesSeen.add(`${method} ${route.url}`);
  });
  // Its stylesheet and script need no sign-in.
  await app.register(async (assets) => serveAssets(assets, [CONSOLE_STYLESHEET, CONSOLE_SCRIPT]));
  // The invitation's accept page: its visitor has no password yet.
  await app.register(invitationRoutes, opts);
  await app.register(async (staffArea) => {
    staffArea.addHook("preHandler", requireStaff);
    if (opts.staffTwoFactor === "required") staffArea.addHook("preHandler", requireTwoFactorSetUp(opts.deps));
    for (const section of SECTIONS) await staffArea.register(section, opts);
  });
}
