// bench:billing — one billing period for every provider of a seeded region on PostgreSQL: accounts per second
// and total seconds, against the ceiling of a plain COPY of as many ledger rows into the same database.
// Usage: DATABASE_URL=postgres://… npm run bench:billing -- [--accounts 1000000] [--period 2026-10] [--runs 3]
//   [--fresh] [--path in-process|set-based]
// The script runs with the heap capped at 256 MB (package.json), as a billing worker should: uncapped, V8 lets a run
// in the process grow to about 500 MB of RSS before it collects (docs/billing.md).
// It seeds the region when the database does not already hold one of that size (a scratch database: it is
// reset). The measured month is a month like any other: the month before it is billed first (once, timed and
// printed as the first month, whose register states are built from the readings' history), and the states it
// left are kept aside. Each run then removes the measured period's billing rows (with the ledger's append-only
// trigger switched off for that statement — acceptable on a scratch database only), puts the kept states back,
// and bills the period again.
// After the runs it measures two baselines in the same database: a plain COPY of as many narrow ledger rows (the
// issue's ceiling, `ratio`), and the month's floor (billing-floor.ts): the month's own rows written bare into fresh
// tables with their indexes and its inputs read by COPY, two connections at once (`floor_ratio`).
// Also prints the same run on the embedded PGlite engine for the 2,000-account demo region.
import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { from as copyFrom } from "pg-copy-streams";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { resetDatabase } from "../src/db/reset.ts";
import { seedRegion } from "../src/demo/seed-region.ts";
import { nextPeriod, type Period, parsePeriod, prevPeriod } from "../src/domain/period.ts";
import { billPeriod } from "../src/services/billing/bill-period.ts";
import { resetStepTimes, stepTimes } from "../src/services/billing/run/in-process/step-times.ts";
import { makeDeps } from "../src/services/deps.ts";
import { measureFloor } from "./billing-floor.ts";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "1000000" },
    period: { type: "string", default: "2026-10" },
    runs: { type: "string", default: "1" },
    "providers-at-once": { type: "string", default: "2" },
    fresh: { type: "boolean", default: false },
    "skip-pglite": { type: "boolean", default: false },
    // in-process (billPeriod's default, docs/billing.md "Billing in the process") or set-based.
    path: { type: "string", default: "in-process" },
  },
});
const url = process.env["DATABASE_URL"];
if (!url?.startsWith("postgres")) {
  console.error("bench:billing needs DATABASE_URL=postgres://… (a scratch database: it may be reset)");
  process.exit(2);
}
if (args.path !== "set-based" && args.path !== "in-process") {
  console.error("--path is set-based or in-process");
  process.exit(2);
}
const accounts = Number(args.accounts);
const period = parsePeriod(args.period);
const AS_OF = "2026-11-25";
const NOW = new Date("2026-11-29T10:00:00+02:00");

async function seeded(database: Database, wanted: number): Promise<boolean> {
  try {
    const { rows } = await sql<{ accounts: number }>`select accounts from demo_region`.execute(database.db);
    return rows[0]?.accounts === wanted;
  } catch {
    return false;
  }
}

/** Removes what an earlier bench run billed for the period, so it can be billed again. */
async function forgetPeriod(database: Database, p: Period): Promise<void> {
  const first = `${p}-01`;
  await database.db.transaction().execute(async (tx) => {
    await sql`alter table ledger_entries disable trigger ledger_entries_append_only`.execute(tx);
    await sql`delete from ledger_entries where source = 'billing' and period >= ${first}::date`.execute(tx);
    await sql`alter table ledger_entries enable trigger ledger_entries_append_only`.execute(tx);
    await sql`delete from planned_payments where period > ${first}::date`.execute(tx);
    await sql`delete from billed_usage where period >= ${first}::date`.execute(tx);
    await sql`delete from closed_periods where period >= ${first}::date`.execute(tx);
    await sql`
      delete from billing_run_batches where run_id in (select id from billing_runs where period >= ${first}::date)`.execute(
      tx,
    );
    await sql`delete from billing_runs where period >= ${first}::date`.execute(tx);
  });
  if ((await hasStates(database)) && (await snapshotKept(database))) {
    await sql`truncate register_states`.execute(database.db);
    await sql`insert into register_states select * from bench_register_states`.execute(database.db);
  }
  // The month's partitions rewritten without the deleted rows: a month's run writes into fresh partitions, not into
  // the free space of a partition billed and emptied before (which costs a page read and write per row).
  const month = (q: Period) => q.replace("-", "");
  const partitions = [
    `ledger_entries_p${month(p)}`,
    `billed_usage_p${month(p)}`,
    `planned_payments_p${month(nextPeriod(p))}`,
  ];
  for (const t of partitions) {
    if (
      (await sql<{ t: string | null }>`select to_regclass(${t})::text as t`.execute(database.db)).rows[0]?.t
    )
      await sql.raw(`vacuum full ${t}`).execute(database.db);
  }
  for (const t of ["ledger_entries", "billed_usage", "planned_payments", "register_states"]) {
    if (
      (await sql<{ t: string | null }>`select to_regclass(${t})::text as t`.execute(database.db)).rows[0]?.t
    )
      await sql.raw(`vacuum analyze ${t}`).execute(database.db);
  }
}

async function snapshotKept(database: Database): Promise<boolean> {
  const { rows } = await sql<{ t: string | null }>`
    select to_regclass('bench_register_states')::text as t`.execute(database.db);
  return rows[0]?.t != null;
}

async function hasStates(database: Database): Promise<boolean> {
  const { rows } = await sql<{ t: string | null }>`
    select to_regclass('register_states')::text as t`.execute(database.db);
  return rows[0]?.t != null;
}

/** Bills the month before the measured one unless it is closed, and keeps the register states it leaves. */
async function warmUp(database: Database, p: Period): Promise<number | null> {
  const before = prevPeriod(p);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from closed_periods where period = ${`${before}-01`}::date`.execute(
    database.db,
  );
  const providers = await database.db.selectFrom("providers").select("id").execute();
  let seconds: number | null = null;
  // The states are kept right after that month is billed; without them (an earlier bench's measured runs have
  // moved the states on), the month is billed again.
  if (
    (rows[0]?.n ?? 0) < providers.length ||
    ((await hasStates(database)) && !(await snapshotKept(database)))
  ) {
    await sql`drop table if exists bench_register_states`.execute(database.db);
    await forgetPeriod(database, before);
    console.log(`billing ${before} first (register states built from the readings' history)…`);
    seconds = (await billAll(database, before)).seconds;
  }
  if (seconds !== null && (await hasStates(database))) {
    await sql`create table bench_register_states as select * from register_states`.execute(database.db);
  }
  return seconds;
}

async function billAll(database: Database, p: Period) {
  const deps = makeDeps(database, () => NOW);
  // As the scheduler does (one queue per provider), providers are billed side by side: two at a time, the largest
  // first, so one provider's opening and closing steps overlap another's batches.
  const providers = await sql<{ id: number; code: string }>`
    select p.id, p.code from providers p
    order by (select count(*) from accounts a where a.provider_id = p.id) desc, p.id`.execute(database.db);
  const queue = [...providers.rows];
  const walBefore = await walPosition(database);
  const cpuBefore = cpuNow();
  const started = performance.now();
  const totals = { accounts: 0, entries: 0, totalKop: 0, inProcess: 0 };
  const worker = async () => {
    for (let provider = queue.shift(); provider; provider = queue.shift()) {
      const s = await billPeriod(deps, {
        providerId: provider.id,
        period: p,
        startedBy: "bench",
        inProcess: args.path === "in-process",
      });
      const computed = args.path === "in-process" ? ` (${s.inProcessAccounts} in the process)` : "";
      console.log(
        `  ${provider.code.padEnd(22)} ${String(s.accounts).padStart(8)} accounts ${s.seconds.toFixed(2).padStart(7)} s${computed}`,
      );
      totals.accounts += s.accounts;
      totals.inProcess += s.inProcessAccounts;
      totals.totalKop += s.totalKop;
    }
  };
  await Promise.all(Array.from({ length: Number(args["providers-at-once"]) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSince(cpuBefore);
  const walMb = await walMbSince(database, walBefore);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ledger_entries where source = 'billing' and period = ${`${p}-01`}::date`.execute(
    database.db,
  );
  totals.entries = rows[0]?.n ?? 0;
  return { ...totals, seconds, cpu, walMb };
}

// The WAL a run writes: every row written, and a full image of each page first touched after a checkpoint, is
// logged and checksummed by the server, so the WAL's size is much of what the database's CPU does.
async function walPosition(database: Database): Promise<string | null> {
  if (database.engine !== "postgres") return null;
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(database.db);
  return rows[0]!.lsn;
}

async function walMbSince(database: Database, before: string | null): Promise<number | null> {
  if (before === null) return null;
  const { rows } = await sql<{ mb: string }>`
    select round(pg_wal_lsn_diff(pg_current_wal_lsn(), ${before}::pg_lsn) / 1048576.0) as mb`.execute(
    database.db,
  );
  return Number(rows[0]!.mb);
}

// Where the machine's CPU went during a run: this process (the billing run's own thread, its garbage collector and
// the driver), the machine's idle time, and the rest, which on a bench machine is the database server. Which side
// bounds the run is what decides the next change. /proc/stat is Linux's; elsewhere only the process is measured.
interface CpuMark {
  process: NodeJS.CpuUsage;
  machine: ReturnType<typeof machineTicks>;
}
const CLOCK_TICKS = 100;

// Steal is the time a virtual machine's host gave its cores to others: counted apart, it tells a run slowed by a
// neighbour from one slowed by its own work.
function machineTicks(): { total: number; idle: number; steal: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    const t = line.trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: t.reduce((a, b) => a + b, 0), idle: t[3]! + t[4]!, steal: t[7]! };
  } catch {
    return null;
  }
}

function cpuNow(): CpuMark {
  return { process: process.cpuUsage(), machine: machineTicks() };
}

interface CpuSeconds {
  process: number;
  idle: number | null;
  rest: number | null;
  steal: number | null;
}

function cpuSince(before: CpuMark): CpuSeconds {
  const p = process.cpuUsage(before.process);
  const processSeconds = (p.user + p.system) / 1e6;
  const now = machineTicks();
  if (!now || !before.machine) return { process: processSeconds, idle: null, rest: null, steal: null };
  const total = (now.total - before.machine.total) / CLOCK_TICKS;
  const idle = (now.idle - before.machine.idle) / CLOCK_TICKS;
  const steal = (now.steal - before.machine.steal) / CLOCK_TICKS;
  return { process: processSeconds, idle, steal, rest: Math.max(0, total - idle - steal - processSeconds) };
}

const cpuText = (c: CpuSeconds) =>
  `CPU-seconds: this process ${c.process.toFixed(1)}` +
  (c.idle === null
    ? ""
    : `, the rest (the database) ${c.rest!.toFixed(1)}, idle ${c.idle.toFixed(1)}, stolen by the host ${c.steal!.toFixed(1)}`);

/** The ceiling: COPY as many narrow ledger-shaped rows into a fresh table of the same database. */
async function copySeconds(database: Database, rows: number): Promise<number> {
  const client = await database.pool!.connect();
  try {
    await client.query("drop table if exists bench_copy");
    await client.query(
      "create table bench_copy (account_id bigint, provider_id int, service_code text, period date, kind text, amount_kop bigint, entry_date date, source text, source_ref text)",
    );
    const started = performance.now();
    const stream = client.query(copyFrom("copy bench_copy from stdin"));
    const source = new PassThrough();
    const done = pipeline(source, stream);
    const chunk: string[] = [];
    for (let i = 1; i <= rows; i++) {
      chunk.push(
        `${i}\t1\telectricity\t2026-10-01\tcharge\t${i % 100000}\t2026-10-31\tbilling\tbill:2026-10:electricity:charge`,
      );
      if (chunk.length === 10_000 || i === rows) {
        if (!source.write(`${chunk.join("\n")}\n`)) await new Promise((r) => source.once("drain", r));
        chunk.length = 0;
      }
    }
    source.end();
    await done;
    const seconds = (performance.now() - started) / 1000;
    await client.query("drop table bench_copy");
    return seconds;
  } finally {
    client.release();
  }
}

async function pgliteDemo(): Promise<{ accounts: number; seconds: number }> {
  const database = await openDatabase({});
  try {
    await migrate(database);
    await seedRegion(database, { accounts: 2000, seed: 42, asOf: AS_OF });
    const r = await billAll(database, period);
    return { accounts: r.accounts, seconds: r.seconds };
  } finally {
    await database.close();
  }
}

// Each provider's run holds a session (its lock) and two batch connections.
const database = await openDatabase({ databaseUrl: url, poolSize: 8 });
if (args.fresh || !(await seeded(database, accounts))) {
  await resetDatabase(database);
  await migrate(database);
  console.log(`seeding ${accounts} accounts (12 months of history)…`);
  const s = await seedRegion(database, { accounts, seed: 1, asOf: AS_OF });
  console.log(`seeded in ${s.seconds} s`);
}
await migrate(database);
const firstMonth = await warmUp(database, period);
if (firstMonth !== null) console.log(`first month billed in ${firstMonth.toFixed(1)} s`);
const runs: Awaited<ReturnType<typeof billAll>>[] = [];
resetStepTimes();
for (let i = 0; i < Number(args.runs); i++) {
  await forgetPeriod(database, period);
  console.log(`billing ${period} on PostgreSQL (run ${i + 1} of ${args.runs})…`);
  const r = await billAll(database, period);
  console.log(`  ${r.seconds.toFixed(1)} s; ${cpuText(r.cpu)}; WAL ${r.walMb} MB`);
  runs.push(r);
}
const steps = new Map(stepTimes());
// The median run is the one reported (the JSON lists them all).
const run = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)]!;
const copy = await copySeconds(database, run.entries);
console.log("measuring the floor: the month's rows written into fresh tables, its inputs read by COPY…");
const floorCpuBefore = cpuNow();
const floor = await measureFloor(database, period);
const floorCpu = cpuSince(floorCpuBefore);
const floorSeconds = floor.writeSeconds + floor.readSeconds;
await database.close();
const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
let demo: { accounts: number; seconds: number } | null = null;
if (!args["skip-pglite"]) {
  console.log("billing the demo region on PGlite…");
  demo = await pgliteDemo();
}
const accountsPerS = Math.round(run.accounts / run.seconds);
console.log(
  `${run.accounts} accounts in ${run.seconds.toFixed(1)} s (${accountsPerS}/s), ${run.entries} ledger entries, ` +
    `${(run.totalKop / 100).toFixed(2)} UAH; COPY of ${run.entries} rows: ${copy.toFixed(2)} s; ` +
    `ratio ${(copy / run.seconds).toFixed(3)}; peak RSS of the billing process (PostgreSQL part) ${rssMb} MB`,
);
console.log(
  `floor: the month's ${floor.rows.written} rows written bare in ${floor.writeSeconds.toFixed(2)} s, ` +
    `its ${floor.rows.read} input rows read by COPY in ${floor.readSeconds.toFixed(2)} s (two connections each); ` +
    `floor ${floorSeconds.toFixed(2)} s, ratio ${(floorSeconds / run.seconds).toFixed(3)}; ${cpuText(floorCpu)}`,
);
if (demo) console.log(`PGlite demo: ${demo.accounts} accounts in ${demo.seconds.toFixed(2)} s`);
if (args.path === "in-process") {
  console.log(
    `lane-seconds per step of the batches in the process, summed over the ${runs.length} measured runs:`,
  );
  for (const [step, ms] of steps) console.log(`  ${step.padEnd(40)} ${(ms / 1000).toFixed(1).padStart(7)}`);
}
console.log(
  JSON.stringify({
    bench: "billing",
    path: args.path,
    accounts: run.accounts,
    seconds: Math.round(run.seconds * 100) / 100,
    runs_seconds: runs.map((r) => Math.round(r.seconds * 100) / 100),
    first_month_seconds: firstMonth === null ? null : Math.round(firstMonth * 100) / 100,
    accounts_per_s: accountsPerS,
    in_process_accounts: args.path === "in-process" ? run.inProcess : null,
    ledger_entries: run.entries,
    copy_seconds: Math.round(copy * 100) / 100,
    ratio: Math.round((copy / run.seconds) * 1000) / 1000,
    floor_write_seconds: Math.round(floor.writeSeconds * 100) / 100,
    floor_read_seconds: Math.round(floor.readSeconds * 100) / 100,
    floor_ratio: Math.round((floorSeconds / run.seconds) * 1000) / 1000,
    floor_cpu_seconds: floorCpu,
    peak_rss_mb: rssMb,
    cpu_seconds: run.cpu,
    wal_mb: run.walMb,
    pglite_demo_accounts: demo?.accounts ?? null,
    pglite_demo_seconds: demo ? Math.round(demo.seconds * 100) / 100 : null,
  }),
);
process.exit(0);
