// bench:cabinet — the resident's signed-in home and readings pages under load over real HTTP, each request as
// one of up to 200 residents (their own session cookie), next to a bare static page served by the same app (the
// ceiling: the same Fastify, hooks and headers, no database). Prints pages/s, client-side p50/p99, the server's
// own p50/p99 per page (Fastify's reply time), each page's bytes with the stylesheet and script, and, last, one
// JSON line. Usage:
//   npm run bench:cabinet [-- --accounts 2000 --duration 10 --connections 8]
//   DATABASE_URL=postgres://… npm run bench:cabinet     (a database that holds a region, e.g. bench:views' 1M)
// Without DATABASE_URL it runs on in-memory PGlite with a demo region of --accounts and six billed months.
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "kysely";
import { buildApp } from "../src/channels/http/app.ts";
import { SCRIPT, STYLESHEET } from "../src/channels/web/assets.ts";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { billHistory } from "../src/demo/bill-history.ts";
import { hasRegion, seedRegion } from "../src/demo/seed-region.ts";
import { hashToken, newToken } from "../src/services/auth/credentials.ts";
import { makeDeps } from "../src/services/deps.ts";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "2000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
  },
});
const url = process.env["DATABASE_URL"];
const duration = Number(args.duration);
const connections = Number(args.connections);
const AS_OF = "2026-11-25";
// Inside the electricity window (the 28th to the 2nd), so the readings page shows open windows and estimates.
const NOW = new Date("2026-11-29T10:00:00+02:00");

const database: Database = await openDatabase(url ? { databaseUrl: url, poolSize: connections + 4 } : {});
const deps = makeDeps(database, () => NOW);
await migrate(database);
if (!(await hasRegion(database))) {
  console.log(`seeding ${args.accounts} accounts and billing six months…`);
  await seedRegion(database, { accounts: Number(args.accounts), seed: 1, asOf: AS_OF });
  await billHistory(deps, { asOf: AS_OF, seed: 1 });
}
const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from accounts`.execute(
  database.db,
);
const accounts = counted[0]!.n;

// Residents with linked accounts, and a session each.
const sample =
  accounts > 100_000
    ? sql<{ user_id: number; account_id: number }>`
        select user_id, min(account_id) as account_id from user_accounts tablesample system (0.5)
        group by user_id limit 200`
    : sql<{ user_id: number; account_id: number }>`
        select user_id, min(account_id) as account_id from user_accounts group by user_id limit 200`;
const { rows: residents } = await sample.execute(database.db);
if (residents.length === 0) throw new Error("the region has no residents with linked accounts");
const cookies: string[] = [];
/** Each resident's own readings page (one of their accounts). */
const readingsPaths: string[] = [];
for (const r of residents) {
  const token = newToken("ses");
  await database.db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: r.user_id,
      created_at: NOW,
      expires_at: new Date(NOW.getTime() + 86_400_000),
      last_seen_at: NOW,
      user_agent: "bench:cabinet",
    })
    .execute();
  cookies.push(`abonent_session=${token}`);
  readingsPaths.push(`/readings/${r.account_id}`);
}

const app = await buildApp({
  deps,
  config: { logLevel: "silent", production: false, demoGateway: "off" },
  logger: false,
});
// The ceiling: a page of the same app with no database behind it.
const STATIC_PAGE = `<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>static</title></head><body>${"<p>Абонент</p>".repeat(200)}</body></html>`;
app.get("/bench/static", async (_request, reply) => reply.type("text/html; charset=utf-8").send(STATIC_PAGE));
const serverTimes = new Map<string, number[]>();
app.addHook("onResponse", async (request, reply) => {
  const route = request.routeOptions.url ?? "?";
  const list = serverTimes.get(route) ?? [];
  if (list.length === 0) serverTimes.set(route, list);
  list.push(reply.elapsedTime);
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
if (!address || typeof address !== "object") throw new Error("not listening");
const base = `http://127.0.0.1:${address.port}`;

/** A page's bytes as a resident's browser takes them on a first visit: the HTML, the stylesheet and script. */
async function pageBytes(path: string): Promise<{ html: number; total: number; status: number }> {
  const res = await fetch(base + path, { headers: { cookie: cookies[0]! } });
  const html = Buffer.byteLength(await res.text());
  return { html, total: html + STYLESHEET.body.length + SCRIPT.body.length, status: res.status };
}

interface Figures {
  pagesPerSecond: number;
  p50: number;
  p99: number;
  serverP50: number;
  serverP99: number;
  errors: number;
  bytes: number;
}

const percentile = (times: number[], q: number) => {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
};

/** Loads a page as one resident after another (`path` gives resident i's own address of it). */
async function load(path: (i: number) => string, route: string, clients = connections): Promise<Figures> {
  const size = await pageBytes(path(0));
  if (size.status !== 200) throw new Error(`${path(0)} answered ${size.status}`);
  let i = 0;
  const requests: autocannon.Request[] = [
    {
      method: "GET",
      path: path(0),
      setupRequest: (request) => {
        const n = i++ % cookies.length;
        return { ...request, path: path(n), headers: { ...request.headers, cookie: cookies[n]! } };
      },
    },
  ];
  // Warm-up: plans cached, pools connected.
  await autocannon({ url: base, connections: clients, amount: 200, requests });
  serverTimes.set(route, []);
  const result = await autocannon({ url: base, connections: clients, duration, requests });
  const times = serverTimes.get(route) ?? [];
  return {
    pagesPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverP50: percentile(times, 0.5),
    serverP99: percentile(times, 0.99),
    errors: result.non2xx + result.errors,
    bytes: size.total,
  };
}

// Every main page's weight on a first visit (HTML, stylesheet and script; no images, no third parties).
const account = readingsPaths[0]!.split("/").at(-1)!;
const weighed: Record<string, number> = {};
for (const [name, path, signedIn] of [
  ["sign-in", "/", false],
  ["sign-up", "/sign-up", false],
  ["home", "/", true],
  ["link an account", "/accounts/link", true],
  ["readings", `/readings/${account}`, true],
  ["charges and payments", `/money/${account}`, true],
  ["pay", `/pay/${account}`, true],
  ["calculator", "/calculator", true],
  ["news", "/news", true],
  ["contacts", "/contacts", true],
  ["settings", "/settings", true],
] as const) {
  const res = await fetch(base + path, { headers: signedIn ? { cookie: cookies[0]! } : {} });
  const html = Buffer.byteLength(await res.text());
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  weighed[name] = html + STYLESHEET.body.length + SCRIPT.body.length;
}
console.log(
  `page weight (HTML + ${(STYLESHEET.body.length / 1024).toFixed(1)} KB CSS + ${(SCRIPT.body.length / 1024).toFixed(1)} KB JS): ` +
    Object.entries(weighed)
      .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`)
      .join(", "),
);

const pages: Record<string, Figures> = {};
pages["static"] = await load(() => "/bench/static", "/bench/static");
pages["home"] = await load(() => "/", "/");
pages["readings"] = await load((n) => readingsPaths[n]!, "/readings/:accountId");
// One resident at a time: the server's own time for a page with no queue in front of it.
pages["home, one at a time"] = await load(() => "/", "/", 1);
pages["readings, one at a time"] = await load((n) => readingsPaths[n]!, "/readings/:accountId", 1);
const ceiling = pages["static"]!.pagesPerSecond;
for (const [name, f] of Object.entries(pages)) {
  console.log(
    `${name.padEnd(24)} ${String(f.pagesPerSecond).padStart(6)} pages/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  ` +
      `p99 ${f.p99.toFixed(1).padStart(6)} ms  server p50 ${f.serverP50.toFixed(2).padStart(6)} ms  p99 ` +
      `${f.serverP99.toFixed(2).padStart(6)} ms  ${(f.bytes / 1024).toFixed(1).padStart(5)} KB  ` +
      `${f.errors} errors  ×${(f.pagesPerSecond / ceiling).toFixed(3)} of static`,
  );
}
console.log(
  `${accounts} accounts on ${url ? "PostgreSQL" : "PGlite"}, ${residents.length} residents, ` +
    `${connections} connections, ${duration} s a page`,
);
await app.close();
await database.close();
console.log(
  JSON.stringify({
    bench: "cabinet",
    database: url ? "postgres" : "pglite",
    accounts,
    residents: residents.length,
    connections,
    durationSeconds: duration,
    pages,
    pageBytes: weighed,
    ratioToStatic: Object.fromEntries(
      Object.entries(pages).map(([k, f]) => [k, Math.round((f.pagesPerSecond / ceiling) * 1000) / 1000]),
    ),
  }),
);
process.exit(0);
