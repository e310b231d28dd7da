// bench:views — the money views (balance, debts, month-by-month history, last bill) as the bots and the cabinet
// call them, through the registry as the account's own resident, on PostgreSQL: p50/p95/p99 per view against a
// baseline of as many bare `select … from accounts where id = $1` round trips on the same pool. Usage:
//   DATABASE_URL=postgres://… npm run bench:views -- [--accounts 1000000] [--calls 2000] [--concurrency 8]
// Read-only on a database that already holds a region (of any size: --accounts is only what to seed). An empty
// database gets a region of --accounts with six billed months (bench:billing's seedRegion, then billHistory);
// --fresh resets the database first (a scratch database only).
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { resetDatabase } from "../src/db/reset.ts";
import { billHistory } from "../src/demo/bill-history.ts";
import { seedRegion } from "../src/demo/seed-region.ts";
import type { Actor } from "../src/services/actor.ts";
import { makeDeps } from "../src/services/deps.ts";
import { AppError } from "../src/services/errors.ts";
import { callUseCase } from "../src/services/registry.ts";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "1000000" },
    calls: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "8" },
    fresh: { type: "boolean", default: false },
  },
});
const url = process.env["DATABASE_URL"];
if (!url?.startsWith("postgres")) {
  console.error("bench:views needs DATABASE_URL=postgres://…");
  process.exit(2);
}
const wanted = Number(args.accounts);
const calls = Number(args.calls);
const concurrency = Number(args.concurrency);
const AS_OF = "2026-11-25";
const NOW = new Date("2026-11-29T10:00:00+02:00");

async function regionSize(database: Database): Promise<number | null> {
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from accounts`.execute(database.db);
    return rows[0]?.n || null;
  } catch {
    return null;
  }
}

const database = await openDatabase({ databaseUrl: url, poolSize: concurrency + 2 });
const deps = makeDeps(database, () => NOW);
let accounts = args.fresh ? null : await regionSize(database);
if (accounts === null) {
  await resetDatabase(database);
  await migrate(database);
  console.log(`seeding ${wanted} accounts…`);
  const s = await seedRegion(database, { accounts: wanted, seed: 1, asOf: AS_OF });
  console.log(`seeded in ${s.seconds} s; billing six months…`);
  const started = performance.now();
  await billHistory(deps, { asOf: AS_OF, seed: 1 });
  console.log(`billed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await sql`analyze`.execute(database.db);
  accounts = wanted;
}

// Random accounts with a resident in the cabinet, called as that resident.
const { rows: targets } = await sql<{ account_id: number; user_id: number }>`
  select account_id, user_id from user_accounts tablesample system (5) limit ${calls}`.execute(database.db);
if (targets.length === 0) throw new Error("no linked accounts to call the views for");
const pick = (i: number) => targets[(i * 7919) % targets.length]!;

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function measure(one: (i: number) => Promise<void>): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      const i = next++;
      const started = performance.now();
      try {
        await one(i);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        errors++;
      }
      times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), errors };
}

const context = (userId: number) => ({
  actor: { kind: "resident", userId, locale: "uk" } satisfies Actor,
  channel: "api" as const,
  locale: "uk" as const,
});
const views = {
  accountBalance: (i: number) =>
    callUseCase(deps, "accountBalance", context(pick(i).user_id), { accountId: pick(i).account_id }),
  accountBalanceAsOf: (i: number) =>
    callUseCase(deps, "accountBalance", context(pick(i).user_id), {
      accountId: pick(i).account_id,
      asOf: "2026-09-15",
    }),
  accountDebts: (i: number) =>
    callUseCase(deps, "accountDebts", context(pick(i).user_id), { accountId: pick(i).account_id }),
  accountHistory: (i: number) =>
    callUseCase(deps, "accountHistory", context(pick(i).user_id), { accountId: pick(i).account_id }),
  lastBill: (i: number) =>
    callUseCase(deps, "lastBill", context(pick(i).user_id), { accountId: pick(i).account_id }),
};
const baseline = async (i: number) => {
  await sql`select id, number from accounts where id = ${pick(i).account_id}`.execute(database.db);
};

// A warm-up of each, so the first figures are not the pool's connecting and the planner's first plans.
for (const one of [...Object.values(views), baseline]) {
  for (let i = 0; i < Math.min(100, calls); i++) await one(i).catch(() => undefined);
}
const base = await measure(baseline);
const results: Record<string, Figures & { ratio_p50: number }> = {};
for (const [name, one] of Object.entries(views)) {
  const f = await measure(async (i) => {
    await one(i);
  });
  results[name] = { ...f, ratio_p50: Math.round((f.p50 / base.p50) * 10) / 10 };
  console.log(
    `${name.padEnd(20)} p50 ${f.p50.toFixed(2).padStart(7)} ms  p95 ${f.p95.toFixed(2).padStart(7)} ms  ` +
      `p99 ${f.p99.toFixed(2).padStart(7)} ms  ${String(f.errors).padStart(4)} refused  ×${results[name].ratio_p50} baseline`,
  );
}
console.log(
  `${"baseline select".padEnd(20)} p50 ${base.p50.toFixed(2).padStart(7)} ms  p95 ${base.p95.toFixed(2).padStart(7)} ms  ` +
    `p99 ${base.p99.toFixed(2).padStart(7)} ms  (${calls} calls each, ${concurrency} at a time, ${accounts} accounts)`,
);
await database.close();
console.log(
  JSON.stringify({
    bench: "views",
    accounts,
    calls,
    concurrency,
    views: results,
    baseline: base,
  }),
);
process.exit(0);
