// bench:partners — payments a partner posts per second through the partners' JSON API (POST
// /api/partners/v1/payments, signed as docs/partners.md says) over real HTTP on PostgreSQL, against the ceiling of a
// bare endpoint on the same server and database that only inserts one row, under the same client load. Then a check
// that the load was posted right: as many ledger rows as 201 answers, and one payment delivered 50 times at once
// (each delivery signed with its own timestamp) posted once. Usage:
//   npm run bench:partners -- [--accounts 20000] [--seconds 10] [--clients 32] [--count N] [--partners 1] [--reuse]
// DATABASE_URL names the database, else postgres://postgres@127.0.0.1:5432/abonent_bench_partners, created if
// missing. Without --reuse it is reset and seeded: a scratch database only. The server runs in a child process
// (this file again, BENCH_PARTNERS_SERVER=1) on the real clock: signatures are checked against it.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { buildApp } from "../src/channels/http/app.ts";
import { openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { resetDatabase } from "../src/db/reset.ts";
import { DEMO_PEOPLE } from "../src/demo/region.ts";
import { hasRegion, seedRegion } from "../src/demo/seed-region.ts";
import { kyivDateOf } from "../src/domain/kyiv-time.ts";
import { signedHeaders } from "../src/domain/partners/request-signature.ts";
import { makeDeps } from "../src/services/deps.ts";
import { callUseCase } from "../src/services/registry.ts";
import { type JsonPost, postJson } from "./post-json.ts";

const url = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/abonent_bench_partners";
const PAY = "/api/partners/v1/payments";
const BARE = "/bench/insert";

if (process.env["BENCH_PARTNERS_SERVER"] === "1") await serve();
else await bench();

// ---- the server under load: the real app, its clock the real one, plus the bare insert ----

async function serve(): Promise<void> {
  const database = await openDatabase({
    databaseUrl: url,
    poolSize: Number(process.env["DB_POOL_SIZE"] ?? 20),
  });
  await database.exec(
    "create table if not exists bench_partner_rows (id bigint generated always as identity primary key, account text not null, amount_kop bigint not null, at timestamptz not null default now())",
  );
  const app = await buildApp({
    deps: makeDeps(database),
    config: { logLevel: "silent", production: true },
    logger: false,
  });
  app.post<{ Body: { account: string; amountKop: number } }>(BARE, async (request, reply) => {
    await sql`insert into bench_partner_rows (account, amount_kop)
              values (${request.body.account}, ${request.body.amountKop})`.execute(database.db);
    return reply.status(201).send({ ok: true });
  });
  await app.listen({ host: "127.0.0.1", port: Number(process.env["PORT"]) });
  process.send?.("ready");
  // A bench that dies closes the channel it forked this server with: stop with it rather than linger.
  process.on("disconnect", () => process.exit(0));
  process.on("SIGTERM", async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}

// ---- the load generator ----

interface Target {
  provider: string;
  account: string;
}

interface Partner {
  code: string;
  keyId: string;
  secret: string;
  source: string;
}

interface Figures {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers by status code (and "error" for a failed connection). */
  statuses: Record<string, number>;
}

async function bench(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      accounts: { type: "string", default: "20000" },
      seconds: { type: "string", default: "10" },
      clients: { type: "string", default: "32" },
      count: { type: "string" },
      partners: { type: "string", default: "1" },
      reuse: { type: "boolean", default: false },
    },
  });
  const accounts = Number(args.accounts);
  const seconds = Number(args.seconds);
  const clients = Number(args.clients);
  const count = args.count === undefined ? null : Number(args.count);
  const partnerCount = Number(args.partners);
  if (!url.startsWith("postgres")) {
    console.error("bench:partners runs on PostgreSQL: DATABASE_URL=postgres://… (a scratch database)");
    process.exit(2);
  }
  await createDatabaseIfMissing(url);

  const database = await openDatabase({ databaseUrl: url });
  if (!args.reuse || !(await hasRegion(database))) {
    await resetDatabase(database);
    await migrate(database);
    console.log(`seeding ${accounts} accounts…`);
    const seeded = await seedRegion(database, { accounts, seed: 1, asOf: kyivDateOf(new Date()) });
    console.log(`seeded in ${seeded.seconds} s`);
  } else await migrate(database);

  // Partners granted every provider of the region, with limits no load here reaches (the rate is per partner).
  const deps = makeDeps(database);
  const admin = await database.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_PEOPLE.platformAdmin.email)
    .executeTakeFirstOrThrow();
  const providers = (await database.db.selectFrom("providers").select("code").orderBy("code").execute()).map(
    (p) => p.code,
  );
  const run = randomBytes(3).toString("hex");
  const partners: Partner[] = [];
  for (let i = 0; i < partnerCount; i++) {
    const made = await callUseCase(
      deps,
      "registerPartner",
      { actor: { kind: "platform_admin", userId: admin.id, locale: "uk" }, channel: "web", locale: "uk" },
      {
        code: `bench-${run}-${i}`,
        name: `Бенч-Банк ${run} ${i}`,
        providers,
        ratePerMinute: 100_000,
        minPaymentKop: 1,
        maxPaymentKop: 10_000_000,
        dailyLimitKop: 1_000_000_000_000,
      },
    );
    partners.push({ code: made.code, keyId: made.keyId, secret: made.secret, source: made.registrySource });
  }
  // Every open account of the region, each request one at random.
  const targets: Target[] = (
    await sql<Target>`
      select p.code as provider, a.number as account
      from accounts a join providers p on p.id = a.provider_id
      where a.closed_on is null
      order by a.id`.execute(database.db)
  ).rows;
  console.log(
    `${targets.length} accounts of ${providers.length} providers, ${partners.length} partner(s), ${clients} clients`,
  );

  const port = 3600 + Math.floor(Math.random() * 400);
  const server = fork(new URL(import.meta.url).pathname, [], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), BENCH_PARTNERS_SERVER: "1" },
    execArgv: ["--import", "tsx"],
  });
  await new Promise<void>((resolve, reject) => {
    server.once("message", () => resolve());
    server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

  let sequence = 0;
  const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
  const amountKop = () => 100 + Math.floor(Math.random() * 99_900);
  const payBody = (txnId: string, t: Target, kop: number, paidAt: string) =>
    JSON.stringify({
      txnId,
      provider: t.provider,
      account: t.account,
      amount: `${Math.floor(kop / 100)}.${String(kop % 100).padStart(2, "0")}`,
      paidAt,
    });
  const signed = (partner: Partner, body: string, timestamp = Math.floor(Date.now() / 1000)) => ({
    path: PAY,
    body,
    headers: signedHeaders(
      { keyId: partner.keyId, secret: partner.secret },
      { method: "POST", path: PAY, timestamp, body },
    ),
  });
  const payRequest = () => {
    const partner = partners[sequence % partners.length]!;
    return signed(
      partner,
      payBody(`b${run}-${++sequence}`, pick(targets), amountKop(), new Date().toISOString()),
    );
  };
  const bareRequest = () => {
    const t = pick(targets);
    return { path: BARE, headers: {}, body: JSON.stringify({ account: t.account, amountKop: amountKop() }) };
  };

  const post = (r: JsonPost) =>
    postJson(port, agent, { ...r, headers: { ...r.headers, "accept-language": "uk" } });

  /** `clients` loops, each one request at a time, for `seconds` (or until `count` requests were sent). */
  async function load(
    build: () => { path: string; headers: Record<string, string>; body: string },
    o: { seconds: number; count: number | null },
  ): Promise<Figures> {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const started = performance.now();
    const deadline = started + o.seconds * 1000;
    let sent = 0;
    const more = () => (o.count === null ? performance.now() < deadline : sent < o.count);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (more()) {
          sent++;
          const r = build();
          const t0 = performance.now();
          const key = await post(r).then(
            (a) => String(a.status),
            () => "error",
          );
          latencies.push(performance.now() - t0);
          statuses[key] = (statuses[key] ?? 0) + 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      Math.round((latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] ?? 0) * 10) / 10;
    const ok = (statuses["201"] ?? 0) + (statuses["200"] ?? 0);
    return {
      requests: latencies.length,
      perSecond: Math.round(ok / elapsed),
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      statuses,
    };
  }

  // Warm-up, then the measured runs, the same clients on the same keep-alive sockets.
  const warm = await load(payRequest, { seconds: 2, count: null });
  await load(bareRequest, { seconds: 1, count: null });
  const pay = await load(payRequest, { seconds, count });
  const bare = await load(bareRequest, { seconds, count });
  const ratio = Math.round((pay.perSecond / bare.perSecond) * 100) / 100;
  const line = (name: string, f: Figures) =>
    console.log(
      `${name.padEnd(40)} ${String(f.perSecond).padStart(6)} /s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  ` +
        `(${f.requests} requests: ${Object.entries(f.statuses)
          .map(([s, n]) => `${n}×${s}`)
          .join(", ")})`,
    );
  line("POST /api/partners/v1/payments", pay);
  line("bare insert endpoint (ceiling)", bare);
  console.log(`partner payments reach ${Math.round(ratio * 100)} % of the bare insert's rate`);

  // The check: every 201 posted one ledger row, and nothing else did.
  const created = (warm.statuses["201"] ?? 0) + (pay.statuses["201"] ?? 0);
  const ledgerOf = async (sourceRefLike: string) =>
    Number(
      (
        await sql<{ n: string }>`
          select count(*) as n from ledger_entries
          where source = 'bank_registry' and source_ref like ${sourceRefLike}`.execute(database.db)
      ).rows[0]!.n,
    );
  let ledgerRows = 0;
  for (const p of partners) ledgerRows += await ledgerOf(`${p.source}:%`);

  // One payment delivered 50 times at once, each delivery signed with its own timestamp (so none is a replay).
  const partner = partners[0]!;
  const txnId = `b${run}-once`;
  const body = payBody(txnId, pick(targets), 12_345, new Date().toISOString());
  const nowS = Math.floor(Date.now() / 1000);
  const deliveries = await Promise.all(
    Array.from({ length: 50 }, (_, i) => post(signed(partner, body, nowS - i))),
  );
  const receipts = new Set(
    deliveries.map((d) => (JSON.parse(d.text) as { payment?: { receipt?: string } }).payment?.receipt),
  );
  const once = {
    created: deliveries.filter((d) => d.status === 201).length,
    repeated: deliveries.filter((d) => d.status === 200).length,
    receipts: receipts.size,
    ledgerRows: await ledgerOf(`${partner.source}:${txnId}`),
  };
  server.kill("SIGTERM");
  agent.destroy();
  await database.close();

  const ok =
    ledgerRows === created &&
    once.created === 1 &&
    once.repeated === 49 &&
    once.receipts === 1 &&
    once.ledgerRows === 1;
  console.log(
    `check: ${created} answers 201, ${ledgerRows} ledger rows; one payment delivered 50 times at once: ` +
      `${once.created}×201, ${once.repeated}×200, ${once.receipts} receipt(s), ${once.ledgerRows} ledger row(s) — ${ok ? "ok" : "FAILED"}`,
  );
  console.log(
    JSON.stringify({
      bench: "partners",
      accounts: targets.length,
      clients,
      partners: partners.length,
      seconds,
      pay: { perSecond: pay.perSecond, p50Ms: pay.p50Ms, p99Ms: pay.p99Ms },
      bare: { perSecond: bare.perSecond, p50Ms: bare.p50Ms, p99Ms: bare.p99Ms },
      ratio,
      requests: pay.requests,
      check: { created, ledgerRows, once, ok },
    }),
  );
  process.exit(ok ? 0 : 1);
}

/** The default database is made on first use; a database named by DATABASE_URL must be there already or is too. */
async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}
