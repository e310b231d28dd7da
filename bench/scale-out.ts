// bench:scale-out — the operator's and the resident's paths end to end on one database, timed, with a digest of
// the ledger at the end, so that a Citus cluster and a plain PostgreSQL server can be compared row for row
// (docs/scale-out.md). Usage:
//   DATABASE_URL=postgres://… npm run bench:scale-out -- [--accounts 20000]
// It resets the database's current schema, so point it at a scratch database. Through the command line, as an
// operator would: `abonent migrate`, `abonent seed` (12 months of readings, the last 6 billed and paid), `abonent
// bill` of the month after. Through HTTP, as a resident would, on `abonent serve`: a reading, and a card payment
// through the demo gateway (its callback a real POST). Then `abonent import payments` of a bank registry file.
// Each step's seconds, then the ledger's row count and digest; the last line is JSON.
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { sql } from "kysely";
import { openDatabase } from "../src/db/database.ts";
import { resetDatabase } from "../src/db/reset.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../src/demo/region.ts";

const { values: args } = parseArgs({ options: { accounts: { type: "string", default: "20000" } } });
const url = process.env["DATABASE_URL"];
if (!url?.startsWith("postgres")) {
  console.error("bench:scale-out needs DATABASE_URL=postgres://… (a scratch database: it is reset)");
  process.exit(2);
}
const AS_OF = "2026-11-25";
const BILLED = "2026-11";
const bin = new URL("../bin/abonent.js", import.meta.url).pathname;
const run = promisify(execFile);
const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn", DEMO: "off" };

const seconds: Record<string, number> = {};
async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  seconds[step] = Math.round((performance.now() - started) / 10) / 100;
  console.log(`${step.padEnd(28)} ${seconds[step]!.toFixed(2)} s`);
  return result;
}
const cli = (...argv: string[]) => run(process.execPath, [bin, ...argv], { env, maxBuffer: 64 << 20 });

{
  const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
  await resetDatabase(database);
  await database.close();
}
await timed("migrate", () => cli("migrate"));
await timed(`seed --accounts ${args.accounts}`, () =>
  cli("seed", "--accounts", args.accounts, "--as-of", AS_OF),
);
await timed(`bill --period ${BILLED}`, () => cli("bill", "--period", BILLED));

// The resident's side, over HTTP on the real server.
const port = 3600 + Math.floor(Math.random() * 300);
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [bin, "serve"], {
  env: { ...env, PORT: String(port), HOST: "127.0.0.1", DEMO_GATEWAY: "on" },
  stdio: ["ignore", "inherit", "inherit"],
});
try {
  await waitFor(`${base}/health`);
  let token = "";
  // biome-ignore lint/suspicious/noExplicitAny: the API's answers, read as the JSON they are
  type Json = any;
  const call = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json: Json = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  token = (await call("POST", "/api/session", { login: DEMO_PEOPLE.resident.email, password: DEMO_PASSWORD }))
    .token;
  const accounts: { id: number }[] = await call("GET", "/api/accounts");
  await timed("a reading (HTTP)", async () => {
    for (const account of accounts) {
      const meters: { id: number; lastReadings: { zone: number; value: string }[] }[] = await call(
        "GET",
        `/api/accounts/${account.id}/meters`,
      );
      const meter = meters.find((m) => m.lastReadings.length > 0);
      if (!meter) continue;
      const values = meter.lastReadings.map((r) => ({
        zone: r.zone,
        value: String(Math.floor(Number(r.value)) + 3),
      }));
      const answer = await call("POST", `/api/accounts/${account.id}/readings`, {
        meterId: meter.id,
        values,
      });
      console.log(`  ${answer["status"]}, receipt ${answer["receipt"]}`);
      return;
    }
    throw new Error("no meter with readings among the demo resident's accounts");
  });
  await timed("a card payment (HTTP)", async () => {
    const started = await call("POST", `/api/accounts/${accounts[0]!.id}/payments`, { amount: "123,45" });
    const paid = await fetch(`${base}/demo-gateway/pay`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        ...started["checkout"].fields,
        card_number: "4242 4242 4242 4242",
        expiry: "12/30",
        cvc: "123",
      }),
      redirect: "manual",
    });
    if (paid.status !== 303) throw new Error(`the demo gateway answered ${paid.status}`);
    const status = await call("GET", `/api/payments/${started["orderId"]}`);
    if (status["status"] !== "success") throw new Error(`the order is ${status["status"]}`);
    console.log(`  order ${started["orderId"]}: ${status["status"]}`);
  });
} finally {
  server.kill("SIGTERM");
}

// A bank's registry: one payment for each of the first 200 accounts of the water utility, by their numbers.
const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
const { rows: payees } = await sql<{ number: string; edrpou: string }>`
  select a.number, p.edrpou from accounts a join providers p on p.id = a.provider_id
  where p.code = (select code from providers order by id offset 1 limit 1)
  order by a.id limit 200`.execute(database.db);
const dir = mkdtempSync(join(tmpdir(), "abonent-scale-out-"));
const file = join(dir, "registry.csv");
writeFileSync(
  file,
  [
    "reference,account,amount,paid_on,provider_edrpou",
    ...payees.map((p, i) => `R-${i + 1},${p.number},${(100 + i).toFixed(2)},2026-11-26,${p.edrpou}`),
  ].join("\n"),
);
await timed("a registry import (CLI)", async () => {
  const { stdout } = await cli("import", "payments", "--source", "standard", file);
  console.log(`  ${stdout.trim().split("\n").slice(0, 3).join("\n  ")}`);
});

// The ledger, every column that does not depend on when or in which order it was written (ids come from
// sequences, posted_at from the clock, a card order's id is random).
const { rows } = await sql<{ rows: number; digest: string }>`
  select count(*)::int as rows, md5(string_agg(concat_ws('|', account_id, provider_id, service_code, period, kind,
    amount_kop, entry_date, source, case when source = 'payment_gateway' then 'order' else source_ref end,
    case when source = 'payment_gateway' then null else details::text end), E'\n'
    order by account_id, period, source, source_ref, kind, service_code, amount_kop)) as digest
  from ledger_entries`.execute(database.db);
const { rows: engine } = await sql<{ citus: boolean }>`
  select exists (select 1 from pg_extension where extname = 'citus') as citus`.execute(database.db);
await database.close();
console.log(`ledger: ${rows[0]!.rows} rows, digest ${rows[0]!.digest}`);
console.log(
  JSON.stringify({
    bench: "scale-out",
    citus: engine[0]!.citus,
    accounts: Number(args.accounts),
    seconds,
    ledger_rows: rows[0]!.rows,
    ledger_digest: rows[0]!.digest,
  }),
);

async function waitFor(address: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(address)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${address} did not answer`);
}
