// The console's frame over HTTP: staff who sign in land in the console, an operator sees only the operator's
// sections and an administrator the administrator's too, a visitor is sent to sign in and comes back, and a
// resident finds nothing there.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { CabinetClient } from "../support/cabinet-client.ts";
import { seedConsoleRegion, signedInStaff } from "../support/console-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";

forEachDatabase("console: the frame and who may enter", (get) => {
  let app: FastifyInstance;
  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    app = await quietApp(get().deps);
  });
  after(async () => {
    await app?.close();
  });

  test("an operator signing in lands in the console and sees only the operator's sections", async () => {
    const client = await signedInStaff(app, "operator");
    const page = await client.get("/");
    assert.equal(page.location, "/console");
    assert.equal(page.status, 200);
    assert.match(page.body, /<body class="console">/);
    assert.match(page.body, /href="\/console\/reviews"/);
    assert.doesNotMatch(page.body, /href="\/console\/tariffs"/);
    assert.match(page.body, /Оператор/);
  });

  test("an administrator's navigation has the administration sections", async () => {
    const client = await signedInStaff(app, "administrator");
    const page = await client.get("/console");
    assert.equal(page.status, 200);
    assert.match(page.body, /href="\/console\/tariffs"/);
    assert.match(page.body, /href="\/console\/statistics"/);
    assert.doesNotMatch(page.body, /href="\/console\/providers"/);
  });

  test("a visitor is sent to sign in and comes back to the console page asked for", async () => {
    const client = new CabinetClient(app);
    const page = await client.get("/console?q=1", { follow: false });
    assert.equal(page.status, 303);
    assert.equal(page.location, "/sign-in?next=%2Fconsole%3Fq%3D1");
  });

  test("a resident finds nothing in the console", async () => {
    const client = new CabinetClient(app);
    await client.signIn(DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
    const page = await client.get("/console");
    assert.equal(page.status, 404);
    assert.doesNotMatch(page.body, /console-nav/);
  });
});
