// Generated from the console's routes: every route under /console is tried, by an administrator of another
// provider, against the target provider's account, reading, document, registry line, news item, run and
// statistics. A route that names one of them answers 404; a list shows nothing of the target's; nothing is
// written either way. A console route added later fails this test until it says how to aim it (ROUTE_PROBES):
// the list comes from the app itself (console.ts records every route it registers).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { consoleRouteList } from "../../src/channels/console/console.ts";
import type { Database } from "../../src/db/database.ts";
import { DEMO_PASSWORD } from "../../src/demo/region.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import type { IsolationTarget } from "../../src/services/use-case.ts";
import { CabinetClient } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";
import { buildIsolationRegion, databaseDigest, type IsolationRegion } from "../support/isolation-region.ts";
import { ROUTE_PROBES, type RouteProbe } from "./console-route-probes.ts";

/** The whole database but the outsider's own session (its "last seen" stamp may move while it browses). */
async function quietDigest(database: Database): Promise<Map<string, string>> {
  const digest = await databaseDigest(database);
  digest.delete("sessions");
  return digest;
}

/** Everything of one provider: its row, and its rows in every table that names a provider. */
async function providerDigest(database: Database, providerId: number): Promise<Map<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'provider_id' and t.table_type = 'BASE TABLE'
    order by 1`.execute(database.db);
  const digest = new Map<string, string>();
  for (const { name } of [{ name: "providers" }, ...tables]) {
    const column = name === "providers" ? "id" : "provider_id";
    const { rows } = await sql<{ d: string | null }>`
      select md5(string_agg(t::text, '|' order by t::text)) as d from ${sql.table(name)} t
      where ${sql.ref(column)} = ${providerId}`.execute(database.db);
    digest.set(name, rows[0]?.d ?? "");
  }
  return digest;
}

forEachDatabase("every console route keeps to its staff member's provider", (get) => {
  let app: FastifyInstance;
  let region: IsolationRegion;
  let outsider: CabinetClient;
  before(async () => {
    const { database, deps } = get();
    region = await buildIsolationRegion(database, deps);
    app = await quietApp(deps);
    outsider = new CabinetClient(app);
    // The other provider's administrator, given a password to sign in through the form like anyone.
    await database.db
      .updateTable("users")
      .set({ password_hash: await hashPassword(DEMO_PASSWORD) })
      .where("email", "=", "other-admin@isolation.test")
      .execute();
    const page = await outsider.signIn("other-admin@isolation.test", DEMO_PASSWORD);
    assert.equal(page.status, 200, "the other provider's administrator signs in");
  });
  after(async () => {
    await app?.close();
  });

  test("every console route says how to aim it at another provider's resources", () => {
    const routes = consoleRouteList();
    assert.ok(routes.length > 5, "the console's routes were recorded");
    const missing = routes.filter((r) => !(r in ROUTE_PROBES));
    assert.deepEqual(missing, [], "console routes without a probe");
  });

  for (const [route, probe] of Object.entries(ROUTE_PROBES) as [string, RouteProbe][]) {
    test(`${route}: another provider's administrator ${probe.expect === 404 ? "gets 404" : "sees nothing of the target"} and writes nothing`, async () => {
      const { database } = get();
      const target: IsolationTarget = region.target;
      const aim = probe.aim(target);
      await outsider.get("/console");
      const before =
        probe.expect === "own"
          ? await providerDigest(database, target.providerId)
          : await quietDigest(database);
      const [method] = route.split(" ");
      const res =
        method === "GET"
          ? await outsider.get(aim.url, { follow: false })
          : await outsider.post(aim.url, aim.form ?? {}, { follow: false });
      if (probe.expect === 404 || probe.expect === 403)
        assert.equal(res.status, probe.expect, `${route} → ${aim.url}`);
      else {
        assert.ok(res.status < 500, `${route}: ${res.status}`);
        // A search echoes its own query back; what must not show is the target account as a result.
        if (!aim.url.includes(encodeURIComponent(target.accountNumber)))
          assert.ok(!res.body.includes(target.accountNumber), `${route} shows the target account`);
        assert.ok(
          !res.body.includes(`/console/accounts/${target.accountId}"`),
          `${route} links the target account`,
        );
      }
      if (probe.expect === "own")
        assert.deepEqual(
          await providerDigest(database, target.providerId),
          before,
          `${route}: the target changed`,
        );
      else assert.deepEqual(await quietDigest(database), before, `${route}: the attempt wrote`);
    });
  }
});
