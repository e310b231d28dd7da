// The region the end-to-end journeys run in: a small demo region (the article's providers, windows and tariffs)
// with six billed months, on a clock inside the electricity window, served by the whole app on a real port with
// the demo card gateway on — as `npm start` serves it, with the clock in the test's hands.
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../../src/channels/http/app.ts";
import { billHistory } from "../../../src/demo/bill-history.ts";
import { seedRegion } from "../../../src/demo/seed-region.ts";
import type { DbFixture } from "../../support/databases.ts";
import { freePort } from "../../support/free-port.ts";

export const AS_OF = "2026-11-25";
/** Sunday 29 November 2026, 10:00 in Kyiv: the electricity window (the 28th to the 2nd) is open. */
export const IN_WINDOW = "2026-11-29T10:00:00+02:00";
/** 3 December: November's readings are in, and November is billed. */
export const BILLING_DAY = "2026-12-03T09:00:00+02:00";

export async function loadJourneyRegion(fixture: DbFixture): Promise<void> {
  fixture.setNow("2026-11-25T12:00:00+02:00");
  await seedRegion(fixture.database, { accounts: 40, seed: 7, asOf: AS_OF });
  await billHistory(fixture.deps, { asOf: AS_OF, seed: 7 });
  fixture.setNow(IN_WINDOW);
}

export async function serveJourney(
  fixture: DbFixture,
  /** The console's journey requires administrators' two-step sign-in, as production does. */
  extra: { staffTwoFactor?: "required" | "optional" } = {},
): Promise<{ app: FastifyInstance; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    deps: fixture.deps,
    config: { logLevel: "silent", production: false, demoGateway: "on", publicUrl: base, ...extra },
    logger: false,
  });
  await app.listen({ host: "127.0.0.1", port });
  return { app, base };
}
