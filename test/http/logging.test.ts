// What the logs hold, read as an operator reads them: no secrets or personal data (SQL parameters, tokens, query
// strings), one line per request in production and none in development (never /health's), and pretty lines
// only on a developer's terminal.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { createLogger } from "../../src/logging.ts";
import { hashToken } from "../../src/services/auth/credentials.ts";
import { type DbFixture, forEachDatabase } from "../support/databases.ts";

/** A destination that keeps every line the logger writes. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, stream, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

forEachDatabase(
  "logs",
  (get) => {
    const apps: FastifyInstance[] = [];
    after(async () => {
      for (const app of apps) await app.close();
    });
    const appLogging = async (production: boolean) => {
      const out = capture();
      const config = { logLevel: "info", production, publicUrl: "https://abonent.example.ua" } as const;
      const app = await buildApp({ deps: get().deps, config, logger: createLogger(config, out.stream) });
      apps.push(app);
      return { app, out };
    };
    let token: string;
    before(async () => {
      const { app } = await appLogging(false);
      const res = await app.inject({
        method: "POST",
        url: "/api/session",
        payload: { login: DEMO_PEOPLE.resident.email, password: DEMO_PASSWORD },
      });
      token = res.json().token;
    });

    test("a database error is logged with its message and code, never its SQL parameters", async () => {
      const { app, out } = await appLogging(true);
      const secretHash = hashToken("abt_the-secret-token-nobody-may-read-in-a-log-000");
      // A query that fails in the database with a token hash among its parameters, as the log showed.
      app.get("/fails", async () =>
        get()
          .database.db.insertInto("api_tokens")
          .values({
            user_id: 1,
            name: "a\u0000b",
            token_hash: secretHash,
            prefix: "abt_x",
            created_at: new Date(),
          })
          .execute(),
      );
      const res = await app.inject({ method: "GET", url: "/fails?email=resident@demo.abonent.ua" });
      assert.equal(res.statusCode, 500);
      const text = out.lines.join("\n");
      const logged = out.parsed().find((l) => l["msg"] === "unhandled error");
      assert.ok(logged, text);
      const err = logged["err"] as Record<string, unknown>;
      assert.match(String(err["message"]), /invalid byte sequence|0x00/);
      assert.equal(err["code"], "22021");
      assert.ok(!text.includes(secretHash), "the token hash is not in the log");
      assert.ok(!text.includes("resident@demo.abonent.ua"), "the query string is not in the log");
      assert.equal(err["params"], undefined);
    });

    test("bearer tokens and passwords never reach a log line", async () => {
      const { app, out } = await appLogging(true);
      const res = await app.inject({
        method: "GET",
        url: "/api/accounts",
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.statusCode, 200);
      app.log.info({ password: "hunter2", token, headers: { authorization: `Bearer ${token}` } }, "careless");
      const text = out.lines.join("\n");
      assert.ok(!text.includes(token.slice(4)), text);
      assert.ok(!text.includes("hunter2"), text);
    });

    test("production: one line per request with method, path, status and time; /health only at debug", async () => {
      const { app, out } = await appLogging(true);
      await app.inject({
        method: "GET",
        url: "/api/accounts?x=1",
        headers: { authorization: `Bearer ${token}` },
      });
      await app.inject({ method: "GET", url: "/health" });
      const requests = out.parsed().filter((l) => "status" in l);
      assert.equal(requests.length, 1, out.lines.join("\n"));
      assert.equal(requests[0]!["method"], "GET");
      assert.equal(requests[0]!["path"], "/api/accounts");
      assert.equal(requests[0]!["status"], 200);
      assert.equal(typeof requests[0]!["ms"], "number");
      assert.equal(typeof requests[0]!["reqId"], "string");
      assert.ok(!out.lines.some((l) => l.includes("/health")), out.lines.join("\n"));
    });

    test("development: no request lines at the default level", async () => {
      const { app, out } = await appLogging(false);
      await app.inject({ method: "GET", url: "/health" });
      await app.inject({
        method: "GET",
        url: "/api/accounts",
        headers: { authorization: `Bearer ${token}` },
      });
      assert.deepEqual(out.lines, []);
    });
  },
  async (fixture: DbFixture) => {
    await seedRegion(fixture.database, { accounts: 10, seed: 5, asOf: "2026-11-25" });
  },
);

/** Runs a tiny program that logs one line through the factory: on a pseudo-terminal (script(1)) or piped. */
function logOneLine(env: Record<string, string>, terminal: boolean): string {
  const program =
    'import { createLogger } from "./src/logging.ts"; ' +
    'createLogger({ logLevel: "info", production: process.env.NODE_ENV === "production" }).info({ n: 1 }, "hello there");';
  const node = `${process.execPath} --import tsx --input-type=module -e '${program}'`;
  const run = terminal
    ? spawnSync("script", ["-qec", node, "/dev/null"], { env: { ...process.env, ...env }, encoding: "utf8" })
    : spawnSync("sh", ["-c", node], { env: { ...process.env, ...env }, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test("pretty lines on a developer's terminal, JSON lines when piped or in production", () => {
  const pretty = logOneLine({ NODE_ENV: "development" }, true);
  assert.match(pretty, /INFO/);
  assert.match(pretty, /hello there/);
  assert.doesNotMatch(pretty, /^\{/m);
  for (const [env, terminal] of [
    [{ NODE_ENV: "development" }, false],
    [{ NODE_ENV: "production" }, true],
  ] as const) {
    const out = logOneLine(env, terminal).trim();
    const line = JSON.parse(out.split(/\r?\n/).find((l) => l.startsWith("{")) ?? out);
    assert.equal(line.msg, "hello there");
    assert.equal(line.level, 30);
  }
});
