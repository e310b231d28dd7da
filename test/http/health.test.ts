import assert from "node:assert/strict";
import { test } from "node:test";
import { buildApp } from "../../src/channels/http/app.ts";
import { forEachDatabase } from "../support/databases.ts";

forEachDatabase("GET /health", (get) => {
  test("answers 200 with the engine and no demo region in an empty database", async () => {
    const app = await buildApp({
      deps: get().deps,
      config: { logLevel: "silent", production: false },
      logger: false,
    });
    const res = await app.inject({ method: "GET", url: "/health" });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, "ok");
    assert.equal(body.database.ok, true);
    assert.equal(body.demoRegion, null);
    await app.close();
  });

  test("an unknown path answers with a code and a message in the caller's language", async () => {
    const app = await buildApp({
      deps: get().deps,
      config: { logLevel: "silent", production: false },
      logger: false,
    });
    for (const [lang, message] of [
      ["uk", "Не знайдено."],
      ["ru", "Не найдено."],
      ["en", "Not found."],
    ]) {
      const res = await app.inject({
        method: "GET",
        url: "/no-such-page",
        headers: { "accept-language": `${lang},en;q=0.5` },
      });
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json().error, { code: "not_found", message, details: {} });
    }
    await app.close();
  });
});

test("GET /health answers 503 when the database is gone", async () => {
  const { openDatabase } = await import("../../src/db/database.ts");
  const { makeDeps } = await import("../../src/services/deps.ts");
  const database = await openDatabase({});
  await database.close();
  const app = await buildApp({
    deps: makeDeps(database),
    config: { logLevel: "silent", production: false },
    logger: false,
  });
  const res = await app.inject({ method: "GET", url: "/health" });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().status, "unavailable");
  await app.close();
});
