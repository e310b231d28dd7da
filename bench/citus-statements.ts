// bench:citus-statements — what a reading's statements cost on a Citus coordinator against a plain PostgreSQL
// server, below the application: pgbench replays them, so neither Node nor HTTP is in the figures
// (docs/scale-out.md, "Where a reading's time goes on Citus"). Usage:
//   DATABASE_URL=postgres://…coordinator… PLAIN_URL=postgres://…plain… npm run bench:citus-statements --
//     [--seconds 8] [--clients 8]
// Both databases must hold a seeded region (`abonent seed`; 2,000 accounts is plenty). Each is measured the same
// way, and the ratio printed is Citus's rate over the plain server's:
// - one row by its key: `select … from accounts where id = $1`, the floor of any statement;
// - the reading's statements as the application sends them, one transaction: the meter found and locked, its
//   history read, the reading inserted (the readings' trigger runs as in production);
// - the same three statements inside one PL/pgSQL function, distributed by the account on Citus
//   (`create_distributed_function`, colocated with the accounts), so the coordinator hands the whole call to the
//   account's worker in one round trip, where PL/pgSQL keeps the plans.
// Each transaction first picks its target (an account's meter) from a small table of its own with pgbench's
// `\gset`, the same on both servers. Each shape at one client (its latency) and at --clients (its rate). The
// readings it inserts are rejected ones of a month to come, with receipts of their own; they and its helpers are
// removed at the end.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { sql } from "kysely";
import { isCitus } from "../src/db/citus/is-citus.ts";
import { type Database, openDatabase } from "../src/db/database.ts";

const { values: args } = parseArgs({
  options: { seconds: { type: "string", default: "8" }, clients: { type: "string", default: "8" } },
});
const urls = { citus: process.env["DATABASE_URL"], plain: process.env["PLAIN_URL"] };
if (!urls.citus?.startsWith("postgres") || !urls.plain?.startsWith("postgres")) {
  console.error(
    "bench:citus-statements needs DATABASE_URL=postgres://… (a Citus coordinator) and PLAIN_URL=postgres://… (a plain " +
      "PostgreSQL server), each with a seeded region",
  );
  process.exit(2);
}
const run = promisify(execFile);
const RECEIPT = "bench-citus-";

// The submission's statements, cut down to what each costs the server: the context statement's accounts and
// meters (reference tables left out: a function forced onto a worker may not join them), the history, the insert.
const LOCK = `select a.id, a.provider_id, a.number, m.id as meter_id, m.serial, m.zones
  from accounts a join meters m on m.account_id = a.id
  where a.id = $A and m.account_id = $A and m.id = $M for update of m`;
const HISTORY = `select r.id, r.zone, r.kind, r.value, r.deemed_on, r.period, r.receipt from readings r
  where r.account_id = $A and r.meter_id = $M and r.status in ('accepted', 'pending_review')
  order by r.deemed_on, r.id`;
const INSERT = `insert into readings (account_id, provider_id, meter_id, zone, value, kind, taken_at, deemed_on, period,
    channel, submission_id, receipt, status)
  values ($A, $P, $M, 1, 1, 'regular', now(), date '2027-01-10', date '2027-01-01', 'api', gen_random_uuid(),
    '${RECEIPT}' || gen_random_uuid(), 'rejected')`;
const withParams = (text: string, a: string, m: string, p: string) =>
  text.replaceAll("$A", a).replaceAll("$M", m).replaceAll("$P", p);

// One statement each: on Citus, a function's creation may not follow a parallel read of a distributed table in one
// transaction, which a multi-statement string would be.
const SETUP = [
  "drop table if exists bench_citus_targets",
  `create table bench_citus_targets as
    select (row_number() over (order by m.account_id, m.id) - 1)::int as n, m.account_id, m.id as meter_id,
      a.provider_id
    from meters m join accounts a on a.id = m.account_id where m.removed_on is null`,
  "create unique index on bench_citus_targets (n)",
  `create or replace function bench_citus_submission(p_account bigint, p_meter bigint, p_provider int)
    returns int language plpgsql as $$
  declare found int; begin
    perform 1 from (${withParams(LOCK, "p_account", "p_meter", "p_provider")}) x;
    select count(*) into found from (${withParams(HISTORY, "p_account", "p_meter", "p_provider")}) h;
    ${withParams(INSERT, "p_account", "p_meter", "p_provider")};
    return found;
  end $$`,
];

const TARGET = (n: number) =>
  `\\set i random(0, ${n - 1})\nselect account_id as a, meter_id as m, provider_id as p from bench_citus_targets where n = :i \\gset\n`;
/** A statement as one line of a pgbench script, on the target's variables. */
const scriptLine = (text: string) => `${withParams(text, ":a", ":m", ":p").replaceAll("\n", " ")};\n`;
const scripts = (n: number): Record<string, string> => ({
  "one row by its key": `${TARGET(n)}select id, number from accounts where id = :a;\n`,
  "the reading's statements": `${TARGET(n)}begin;\n${scriptLine(LOCK)}${scriptLine(HISTORY)}${scriptLine(INSERT)}commit;\n`,
  "one function call": `${TARGET(n)}select bench_citus_submission(:a, :m, :p);\n`,
});

interface Figures {
  latencyMs: number;
  perS: number;
}

async function prepare(database: Database, citus: boolean): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from meters`.execute(database.db);
  if ((rows[0]?.n ?? 0) === 0)
    throw new Error("no meters: seed the region first (abonent seed --accounts 2000)");
  for (const statement of SETUP) await database.exec(statement);
  if (citus) {
    await sql`select create_distributed_function('bench_citus_submission(bigint,bigint,int)', 'p_account',
      colocate_with := 'accounts')`.execute(database.db);
  }
  const { rows: targets } = await sql<{
    n: number;
  }>`select count(*)::int as n from bench_citus_targets`.execute(database.db);
  return targets[0]!.n;
}

async function cleanUp(database: Database, citus: boolean): Promise<void> {
  // The readings' triggers are row triggers on Citus, which refuses them in a modification unless told.
  if (citus) await database.exec("set citus.enable_unsafe_triggers = on");
  await sql`delete from readings where receipt like ${`${RECEIPT}%`} and status = 'rejected'`.execute(
    database.db,
  );
  await database.exec("drop function if exists bench_citus_submission");
  await database.exec("drop table if exists bench_citus_targets");
}

async function pgbench(url: string, script: string, clients: number, seconds: number): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), "abonent-citus-"));
  try {
    const file = join(dir, "script.sql");
    writeFileSync(file, script);
    const { stdout } = await run(
      "pgbench",
      [
        "-n",
        "-M",
        "prepared",
        "-c",
        `${clients}`,
        "-j",
        `${Math.min(clients, 2)}`,
        "-T",
        `${seconds}`,
        "-f",
        file,
        url,
      ],
      { maxBuffer: 16 << 20 },
    );
    const latency = /latency average = ([\d.]+) ms/.exec(stdout);
    const tps = /tps = ([\d.]+)/.exec(stdout);
    const failed = /number of failed transactions: (\d+)/.exec(stdout);
    if (!latency || !tps) throw new Error(`pgbench said:\n${stdout}`);
    if (failed && Number(failed[1]) > 0)
      throw new Error(`pgbench: ${failed[1]} transactions failed\n${stdout}`);
    return { latencyMs: Number(latency[1]), perS: Math.round(Number(tps[1])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = Number(args.seconds);
const clients = Number(args.clients);
/** Per step and server: at one client, and at --clients. */
const results: Record<string, Partial<Record<"plain" | "citus", { one: Figures; many: Figures }>>> = {};
for (const side of ["plain", "citus"] as const) {
  const database = await openDatabase({ databaseUrl: urls[side]!, poolSize: 1 });
  const citus = await isCitus(database);
  if ((side === "citus") !== citus) {
    console.error(
      `${side === "citus" ? "DATABASE_URL" : "PLAIN_URL"} ${citus ? "has" : "lacks"} the citus extension`,
    );
    process.exit(2);
  }
  try {
    const targets = await prepare(database, citus);
    for (const [step, script] of Object.entries(scripts(targets))) {
      const one = await pgbench(urls[side]!, script, 1, seconds);
      const many = await pgbench(urls[side]!, script, clients, seconds);
      results[step] = { ...results[step], [side]: { one, many } };
      console.log(
        `${side.padEnd(6)} ${step.padEnd(26)} 1 client ${one.latencyMs.toFixed(2)} ms (${one.perS}/s), ` +
          `${clients} clients ${many.perS}/s`,
      );
    }
  } finally {
    await cleanUp(database, citus);
    await database.close();
  }
}

console.log(`\n${"".padEnd(28)}${"plain, /s".padStart(12)}${"Citus, /s".padStart(12)}${"ratio".padStart(8)}`);
const json: Record<string, unknown> = {};
for (const [step, r] of Object.entries(results)) {
  const plain = r.plain!.many;
  const citus = r.citus!.many;
  const ratio = Math.round((citus.perS / plain.perS) * 100) / 100;
  console.log(
    `${step.padEnd(28)}${String(plain.perS).padStart(12)}${String(citus.perS).padStart(12)}${ratio.toFixed(2).padStart(8)}`,
  );
  json[step] = {
    plain_per_s: plain.perS,
    citus_per_s: citus.perS,
    ratio,
    plain_ms_one_client: r.plain!.one.latencyMs,
    citus_ms_one_client: r.citus!.one.latencyMs,
  };
}
console.log(JSON.stringify({ bench: "citus-statements", clients, seconds, steps: json }));
