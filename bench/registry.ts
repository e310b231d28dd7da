// bench:registry — one bank payment registry of 1,000,000 lines imported on PostgreSQL: lines per second and the
// import's peak RSS, against the ceiling of a plain COPY of the same file into a table of its own columns in the
// same database, in the same run. Usage:
//   DATABASE_URL=postgres://… npm run bench:registry -- [--lines 1000000] [--accounts 20000] [--fresh]
// It seeds a demo region when the database does not hold one of that size (a scratch database: it is reset), and
// before each run removes what earlier runs imported (the ledger's append-only trigger off for that one statement —
// acceptable on a scratch database only). The file is the standard format: payments to the region's accounts as
// their bills print the numbers, with the recipient's EDRPOU, some naming a period and a service, and, as real
// files have, a few lines with an unknown account, a misspelt amount, or a reference repeated.
import { fork } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { from as copyFrom } from "pg-copy-streams";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { resetDatabase } from "../src/db/reset.ts";
import { seedRegion } from "../src/demo/seed-region.ts";

const { values: args } = parseArgs({
  options: {
    lines: { type: "string", default: "1000000" },
    accounts: { type: "string", default: "20000" },
    fresh: { type: "boolean", default: false },
  },
});
const url = process.env["DATABASE_URL"];
if (!url?.startsWith("postgres")) {
  console.error("bench:registry needs DATABASE_URL=postgres://… (a scratch database: it may be reset)");
  process.exit(2);
}
const lines = Number(args.lines);
const accounts = Number(args.accounts);
const AS_OF = "2026-11-25";
const NOW = "2026-11-26T10:00:00+02:00";
const PAID_ON = ["2026-11-23", "2026-11-24", "2026-11-25"];

async function seeded(database: Database, wanted: number): Promise<boolean> {
  try {
    const { rows } = await sql<{ accounts: number }>`select accounts from demo_region`.execute(database.db);
    return rows[0]?.accounts === wanted;
  } catch {
    return false;
  }
}

/** Removes what earlier runs imported, so that every run posts the same file into the same ledger. */
async function forgetRegistries(database: Database): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await sql`alter table ledger_entries disable trigger ledger_entries_append_only`.execute(tx);
    await sql`delete from ledger_entries where source = 'bank_registry'`.execute(tx);
    await sql`alter table ledger_entries enable trigger ledger_entries_append_only`.execute(tx);
    await sql`delete from registry_lines`.execute(tx);
    await sql`delete from payment_registries`.execute(tx);
  });
  await sql`vacuum analyze ledger_entries`.execute(database.db);
  await sql`vacuum analyze registry_lines`.execute(database.db);
}

/** A small deterministic generator: the same file on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the registry: about 1 % unknown accounts, 0.5 % misspelt amounts, 0.5 % repeated references. */
async function writeRegistry(path: string, database: Database): Promise<void> {
  const { rows } = await sql<{ number: string; edrpou: string; service: string | null }>`
    select a.number, p.edrpou,
           (select min(ps.service_code) from provider_services ps where ps.provider_id = p.id) as service
    from accounts a join providers p on p.id = a.provider_id order by a.id`.execute(database.db);
  const next = random(42);
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write("reference,account,amount,paid_on,payer,provider_edrpou,period,service\n");
  let chunk = "";
  for (let i = 1; i <= lines; i++) {
    const a = rows[Math.floor(next() * rows.length)]!;
    const roll = next();
    const reference = roll < 0.005 && i > 1 ? `BENCH-${Math.ceil(next() * (i - 1))}` : `BENCH-${i}`;
    const account = roll > 0.99 ? `99-${i}` : a.number;
    const kop = 5000 + Math.floor(next() * 300_000);
    const amount =
      roll > 0.985 && roll <= 0.99
        ? "12.5O"
        : `${Math.floor(kop / 100)}.${String(kop % 100).padStart(2, "0")}`;
    const named = next() < 0.3;
    chunk +=
      `${reference},${account},${amount},${PAID_ON[i % 3]},Платник ${i},${a.edrpou},` +
      `${named ? "2026-10" : ""},${named && a.service ? a.service : ""}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

interface ImportRun {
  seconds: number;
  peakRssMb: number;
  rssBeforeMb: number;
  lines: number;
  posted: number;
  postedKop: number;
  duplicates: number;
  unmatched: number;
  malformed: number;
}

/** The import in a process of its own (bench/registry-import.ts), for its own peak RSS. */
function importInChild(file: string): Promise<ImportRun> {
  const child = fork(new URL("./registry-import.ts", import.meta.url).pathname, [file, NOW], {
    env: { ...process.env, LOG_LEVEL: "silent" },
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split("\n").pop()!))
        : reject(new Error(`import exited ${code}`)),
    ),
  );
}

/** The ceiling: the same file by COPY (CSV, header) into a table of its columns, all text, in the same database. */
async function copySeconds(database: Database, file: string): Promise<number> {
  const client = await database.pool!.connect();
  try {
    await client.query("drop table if exists bench_registry_copy");
    await client.query(
      "create table bench_registry_copy (reference text, account text, amount text, paid_on text, payer text, " +
        "provider_edrpou text, period text, service text)",
    );
    const started = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 1 << 16 }),
      client.query(copyFrom("copy bench_registry_copy from stdin with (format csv, header true)")),
    );
    const seconds = (performance.now() - started) / 1000;
    await client.query("drop table bench_registry_copy");
    return seconds;
  } finally {
    client.release();
  }
}

const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
if (args.fresh || !(await seeded(database, accounts))) {
  await resetDatabase(database);
  await migrate(database);
  console.log(`seeding ${accounts} accounts…`);
  const s = await seedRegion(database, { accounts, seed: 1, asOf: AS_OF });
  console.log(`seeded in ${s.seconds} s`);
}
await migrate(database);
await forgetRegistries(database);
const dir = mkdtempSync(join(tmpdir(), "abonent-bench-registry-"));
const file = join(dir, "registry.csv");
try {
  console.log(`writing a registry of ${lines} lines…`);
  await writeRegistry(file, database);
  const megabytes = statSync(file).size / 1e6;
  console.log(`importing ${megabytes.toFixed(1)} MB on PostgreSQL…`);
  const run = await importInChild(file);
  const copy = await copySeconds(database, file);
  const linesPerS = Math.round(run.lines / run.seconds);
  const ratio = copy / run.seconds;
  console.log(
    `${run.lines} lines in ${run.seconds.toFixed(1)} s (${linesPerS}/s): ${run.posted} posted ` +
      `(${(run.postedKop / 100).toFixed(2)} UAH), ${run.duplicates} duplicates, ${run.unmatched} unmatched, ` +
      `${run.malformed} malformed; peak RSS of the import process ${run.peakRssMb} MB ` +
      `(${run.rssBeforeMb} MB before it began); COPY of the same file: ${copy.toFixed(2)} s; ratio ${ratio.toFixed(3)}`,
  );
  console.log(
    JSON.stringify({
      bench: "registry",
      lines: run.lines,
      megabytes: Math.round(megabytes * 10) / 10,
      seconds: Math.round(run.seconds * 100) / 100,
      lines_per_s: linesPerS,
      posted: run.posted,
      duplicates: run.duplicates,
      unmatched: run.unmatched,
      malformed: run.malformed,
      peak_rss_mb: run.peakRssMb,
      rss_before_mb: run.rssBeforeMb,
      copy_seconds: Math.round(copy * 100) / 100,
      ratio: Math.round(ratio * 1000) / 1000,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  await database.close();
}
