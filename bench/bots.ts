// bench:bots — the Telegram webhook under load over real HTTP: each request a new update (a message "меню" from
// one of 1,000 chats), as Telegram posts them, with the secret-token header. The webhook only checks, writes the
// update down and answers; the worker answers the chats afterwards through a local fake of the Bot API. Prints the
// webhook's requests/s and client-side p50/p99 next to GET /health on the same server (the ceiling: the same
// Fastify, no write), then how fast the worker answered what came in, and, last, one JSON line.
//   npm run bench:bots [-- --duration 10 --connections 8]
//   DATABASE_URL=postgres://… npm run bench:bots     (a scratch database: it seeds a small region if empty)
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "kysely";
import { buildApp } from "../src/channels/http/app.ts";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { hasRegion, seedRegion } from "../src/demo/seed-region.ts";
import { makeDeps } from "../src/services/deps.ts";
import { FakeTelegram } from "../test/support/fake-telegram.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
  },
});
const url = process.env["DATABASE_URL"];
const duration = Number(args.duration);
const connections = Number(args.connections);
const SECRET = "bench-secret";
const CHATS = 1000;

const database: Database = await openDatabase(url ? { databaseUrl: url, poolSize: connections + 4 } : {});
const deps = makeDeps(database);
await migrate(database);
if (!(await hasRegion(database))) await seedRegion(database, { accounts: 200, seed: 1, asOf: "2026-11-25" });
const fake = await FakeTelegram.start();
const app = await buildApp({
  deps,
  config: {
    logLevel: "silent",
    production: true,
    telegram: { token: "1:bench", webhookSecret: SECRET, apiBase: fake.apiBase },
  },
  logger: false,
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
if (!address || typeof address !== "object") throw new Error("not listening");
const base = `http://127.0.0.1:${address.port}`;

// Update ids must be new each run (a scratch database keeps the last run's).
const { rows: last } = await sql<{ n: string | null }>`select max(id) as n from bot_updates`.execute(
  database.db,
);
let updateId = Number(last[0]?.n ?? 0) * 10 + 1_000_000;
const body = (id: number) =>
  JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: 1764316800,
      chat: { id: (id % CHATS) + 1, type: "private" },
      from: { id: (id % CHATS) + 1, is_bot: false, first_name: "Bench" },
      text: "меню",
    },
  });

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

async function load(requests: autocannon.Request[], clients = connections): Promise<Figures> {
  const result = await autocannon({ url: base, connections: clients, duration, requests });
  return {
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.non2xx + result.errors,
  };
}

const health = await load([{ method: "GET", path: "/health" }]);
const webhookRequest: autocannon.Request = {
  method: "POST",
  path: "/webhooks/telegram",
  headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
  setupRequest: (request) => ({ ...request, body: body(updateId++) }),
};
const sentBefore = fake.calls.length;
const loadStarted = Date.now();
const webhook = await load([webhookRequest]);
// The worker answers what came in; how long after the load it is done says whether it keeps up.
await app.botWorker.idle();
const drainedAfterMs = Date.now() - loadStarted;
const answered = fake.calls.length - sentBefore;
const answersPerSecond = Math.round(answered / (drainedAfterMs / 1000));
// One update at a time: the webhook's own time, with no queue in front of it (Telegram waits for each answer).
const single = await load([webhookRequest], 1);
await app.botWorker.idle();

const line = (name: string, f: Figures) =>
  `${name.padEnd(22)} ${String(f.perSecond).padStart(6)} req/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  ` +
  `p99 ${f.p99.toFixed(1).padStart(6)} ms  ${f.errors} errors`;
console.log(line("GET /health", health));
console.log(
  `${line("POST webhook", webhook)}  ×${(webhook.perSecond / health.perSecond).toFixed(3)} of /health`,
);
console.log(line("webhook, 1 at a time", single));
console.log(
  `worker: ${answered} answers sent for ${webhook.requests} updates, all done ${(drainedAfterMs / 1000).toFixed(1)} s ` +
    `after the load began (${answersPerSecond} answers/s)`,
);
console.log(`${url ? "PostgreSQL" : "PGlite"}, ${connections} connections, ${duration} s each`);
await app.close();
await fake.close();
await database.close();
console.log(
  JSON.stringify({
    bench: "bots",
    database: url ? "postgres" : "pglite",
    connections,
    durationSeconds: duration,
    health,
    webhook,
    webhookOneAtATime: single,
    ratioToHealth: Number((webhook.perSecond / health.perSecond).toFixed(3)),
    answered,
    drainedAfterMs,
    answersPerSecond,
  }),
);
