// bench:console-statistics — the console's statistics on a large region: refreshMonthlyStatistics for the largest
// provider's latest billed month (every figure of the month, set-based, then the month's rows replaced) and
// getMonthlyStatistics for the twelve months up to it (stored aggregates), each timed several times, next to a bare
// baseline in the same run: `select count(*) from readings where provider_id = $1 and period = $2`, the cheapest
// look at the same month. Prints the figures, then one JSON line. Usage:
//   DATABASE_URL=postgres://… npm run bench:console-statistics [-- --runs 5]
// The database must hold a region (e.g. the 1,000,000-account one bench:views seeds). The bench writes nothing but
// monthly_statistics: when the database's migrations predate that table (0028), it makes one in a schema of its own,
// bench_statistics, put before public on the search path, and drops it at the end.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { type Database, openDatabase } from "../src/db/database.ts";
import { kyivMidnight } from "../src/domain/kyiv-time.ts";
import { addDays } from "../src/domain/local-date.ts";
import {
  addPeriods,
  firstDay,
  nextPeriod,
  type Period,
  parsePeriod,
  periodsBetween,
} from "../src/domain/period.ts";
import { findProvider } from "../src/services/billing/find-provider.ts";
import { makeDeps } from "../src/services/deps.ts";
import { getMonthlyStatistics } from "../src/services/statistics/get-monthly-statistics.ts";
import { refreshMonthlyStatistics } from "../src/services/statistics/refresh-monthly-statistics.ts";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Math.max(1, Number(args.runs));
const url = process.env["DATABASE_URL"];
if (!url?.startsWith("postgres")) {
  console.error("bench:console-statistics needs DATABASE_URL=postgres://… holding a region");
  process.exit(2);
}

const BENCH_SCHEMA = "bench_statistics";
const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
const { rows: found } = await sql<{
  t: string | null;
}>`select to_regclass('monthly_statistics')::text as t`.execute(admin.db);
const ownSchema = found[0]?.t === null;
if (ownSchema) {
  const ddl = readFileSync(
    new URL("../src/db/migrations/0028_monthly_statistics.sql", import.meta.url),
    "utf8",
  );
  await admin.exec(`create schema if not exists ${BENCH_SCHEMA}; set search_path = ${BENCH_SCHEMA}, public;
    drop table if exists ${BENCH_SCHEMA}.monthly_statistics; ${ddl}; reset search_path;`);
}
const database: Database = await openDatabase({
  databaseUrl: url,
  poolSize: 8,
  ...(ownSchema ? { searchPath: `${BENCH_SCHEMA},public` } : {}),
});

// The largest provider, and its latest billed (closed) month.
const { rows: largest } = await sql<{ provider_id: number; accounts: number; period: string }>`
  select a.provider_id, count(*)::bigint as accounts,
         (select to_char(max(c.period), 'YYYY-MM') from closed_periods c where c.provider_id = a.provider_id) as period
  from accounts a group by a.provider_id order by count(*) desc limit 1`.execute(database.db);
const top = largest[0];
if (!top?.period) {
  console.error("no billed month: the database holds no billed region");
  process.exit(2);
}
const provider = (await findProvider(makeDeps(database), Number(top.provider_id)))!;
const period: Period = parsePeriod(top.period);
// The clock stands in the middle of the month after: the measured month is a past one, its figures stored.
const now = kyivMidnight(addDays(firstDay(nextPeriod(period)), 14));
const deps = makeDeps(database, () => now);
const months = periodsBetween(addPeriods(period, -11), period);

const { rows: sizes } = await sql<{ readings: number; ledger: number; billed: number }>`
  select (select count(*) from readings where provider_id = ${provider.id} and period = ${firstDay(period)})::bigint
           as readings,
         (select count(*) from ledger_entries where provider_id = ${provider.id} and period = ${firstDay(period)})::bigint
           as ledger,
         (select count(*) from billed_usage where provider_id = ${provider.id} and period = ${firstDay(period)})::bigint
           as billed`.execute(database.db);
const size = sizes[0]!;
console.log(
  `provider ${provider.code}: ${Number(top.accounts).toLocaleString("en")} accounts; ${period}: ` +
    `${Number(size.readings).toLocaleString("en")} readings, ${Number(size.ledger).toLocaleString("en")} ledger ` +
    `entries, ${Number(size.billed).toLocaleString("en")} billed-usage rows`,
);

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

const baseline = () =>
  sql`select count(*) from readings where provider_id = ${provider.id} and period = ${firstDay(period)}`.execute(
    database.db,
  );

// Warm-up: the caches hold the month as they would for the nightly job's second provider.
await baseline();
await refreshMonthlyStatistics(deps, { providers: [provider], period });

const baselineMs: number[] = [];
const refreshMs: number[] = [];
let rowsStored = 0;
for (let i = 0; i < runs; i++) {
  baselineMs.push((await time(baseline))[0]);
  const [t, done] = await time(() => refreshMonthlyStatistics(deps, { providers: [provider], period }));
  refreshMs.push(t);
  rowsStored = done.providers[0]?.rows ?? 0;
}
console.log(
  `refreshMonthlyStatistics (${rowsStored} rows): median ${ms(median(refreshMs))} of ${refreshMs.map(ms).join(", ")}`,
);
console.log(`baseline count(*) of the month's readings: median ${ms(median(baselineMs))}`);

// The eleven months before, stored once, as the nightly job's backfill would.
const [backfillMs] = await time(async () => {
  for (const p of months.slice(0, -1))
    await refreshMonthlyStatistics(deps, { providers: [provider], period: p });
});
console.log(`backfill of the 11 months before: ${ms(backfillMs)}`);

const getMs: number[] = [];
let figures = 0;
for (let i = 0; i < runs; i++) {
  const [t, out] = await time(() => getMonthlyStatistics(deps, { provider, periods: months }));
  getMs.push(t);
  figures = out.reduce((n, m) => n + m.rows.length, 0);
}
console.log(
  `getMonthlyStatistics, 12 months (${figures} figures): median ${ms(median(getMs))} of ${getMs.map(ms).join(", ")}`,
);
const ratio = median(refreshMs) / median(baselineMs);
console.log(`refresh / baseline: ${ratio.toFixed(1)}×`);

if (ownSchema) await admin.exec(`drop schema ${BENCH_SCHEMA} cascade`);
await database.close();
await admin.close();

console.log(
  JSON.stringify({
    bench: "console-statistics",
    provider: provider.code,
    accounts: Number(top.accounts),
    period,
    readings: Number(size.readings),
    ledgerEntries: Number(size.ledger),
    billedUsage: Number(size.billed),
    runs,
    refreshMedianMs: Math.round(median(refreshMs)),
    refreshMs: refreshMs.map(Math.round),
    baselineMedianMs: Math.round(median(baselineMs) * 10) / 10,
    ratio: Math.round(ratio * 10) / 10,
    backfill11MonthsMs: Math.round(backfillMs),
    get12MonthsMedianMs: Math.round(median(getMs) * 10) / 10,
    rowsStored,
  }),
);
