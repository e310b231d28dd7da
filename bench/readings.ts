// bench:readings — accepted meter readings per second over HTTP on PostgreSQL, against the ceiling of a bare
// endpoint that only inserts one row into the same database. Usage:
//   DATABASE_URL=postgres://… npm run bench:readings -- [--accounts 20000] [--seconds 10] [--connections 50] [--rounds 3]
// It seeds its own region (resets the database's current schema), so point it at a scratch database.
import { fork } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "kysely";
import { openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { resetDatabase } from "../src/db/reset.ts";
import { seedRegion } from "../src/demo/seed-region.ts";
import { createApiToken } from "../src/services/auth/create-api-token.ts";
import { makeDeps } from "../src/services/deps.ts";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "20000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    rate: { type: "string", default: "1000" },
    rounds: { type: "string", default: "3" },
    reuse: { type: "boolean", default: false },
  },
});
const url = process.env["DATABASE_URL"];
if (!url?.startsWith("postgres")) {
  console.error("bench:readings needs DATABASE_URL=postgres://… (a scratch database: it is reset)");
  process.exit(2);
}
const accounts = Number(args.accounts);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const AS_OF = "2026-11-25";
// Inside the electricity window of November 2026 (28 Nov – 2 Dec), Kyiv time.
const BENCH_NOW = "2026-11-29T10:00:00+02:00";

const database = await openDatabase({ databaseUrl: url });
if (!args.reuse) {
  await resetDatabase(database);
  await migrate(database);
  console.log(`seeding ${accounts} accounts…`);
  const seeded = await seedRegion(database, { accounts, seed: 1, asOf: AS_OF });
  console.log(`seeded in ${seeded.seconds} s`);
}

// Targets: single-zone electricity meters of residents with a cabinet, each with a personal API token.
const rows = await sql<{ user_id: number; account_id: number; meter_id: number; last: string }>`
  select ua.user_id, m.account_id, m.id as meter_id,
    (select r.value from readings r where r.account_id = m.account_id and r.meter_id = m.id
       order by r.deemed_on desc, r.id desc limit 1) as last
  from meters m
  join user_accounts ua on ua.account_id = m.account_id
  where m.service_code = 'electricity' and m.zones = 1 and m.removed_on is null and m.verification_due > ${AS_OF}::date
  order by m.account_id limit 2000`.execute(database.db);
const deps = makeDeps(database);
const targets: { token: string; accountId: number; meterId: number; value: number }[] = [];
const tokens = new Map<number, string>();
for (const r of rows.rows) {
  let token = tokens.get(r.user_id);
  if (!token) {
    await sql`update api_tokens set revoked_at = now() where user_id = ${r.user_id}`.execute(database.db);
    token = (
      await createApiToken(deps, {
        actor: { kind: "resident", userId: r.user_id, locale: "uk" },
        name: "bench",
      })
    ).token;
    tokens.set(r.user_id, token);
  }
  targets.push({
    token,
    accountId: r.account_id,
    meterId: r.meter_id,
    value: Math.floor(Number(r.last)) + 150,
  });
}
await database.close();
console.log(`${targets.length} meters, ${tokens.size} API tokens`);

const server = fork(new URL("./readings-server.ts", import.meta.url).pathname, [], {
  env: { ...process.env, BENCH_NOW },
  execArgv: [
    "--import",
    "tsx",
    ...(process.env["BENCH_PROFILE"] ? ["--cpu-prof", "--cpu-prof-dir=scratch/prof-server"] : []),
  ],
});
const port = await new Promise<number>((resolve, reject) => {
  server.once("message", (message: { port: number }) => resolve(message.port));
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

let i = 0;
let step = 0;
function nextReading() {
  const t = targets[i % targets.length]!;
  if (i % targets.length === 0) step++;
  i++;
  // Each round adds a little to every meter: a new value is a correction, accepted like a first reading.
  return { t, value: String(t.value + step) };
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Built {
  path: string;
  headers: Record<string, string>;
  body: string;
}

function run(opts: { build: () => Built; rate?: number | undefined }) {
  return new Promise<Figures>((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        ...(opts.rate ? { overallRate: opts.rate } : {}),
        requests: [
          {
            method: "POST",
            setupRequest: (req) => {
              const { path, headers, body } = opts.build();
              return { ...req, path, headers: { ...headers, "content-type": "application/json" }, body };
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          perSecond: Math.round(result["2xx"] / seconds),
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
  });
}

const submission = (): Built => {
  const { t, value } = nextReading();
  return {
    path: `/api/accounts/${t.accountId}/readings`,
    headers: { authorization: `Bearer ${t.token}` },
    body: JSON.stringify({ meterId: t.meterId, value }),
  };
};
const runSubmissions = (rate?: number) => run({ build: submission, rate });

const runCeiling = () =>
  run({
    build: () => {
      const { t, value } = nextReading();
      return { path: "/bench/insert", headers: {}, body: JSON.stringify({ accountId: t.accountId, value }) };
    },
  });

// Warm-up, then the measured runs. This machine's speed drifts by a third within minutes, so the two flat-out
// loads take turns, round after round, and each is the median of its rounds: the ratio compares like with like.
await runSubmissions(200);
const at1000 = await runSubmissions(Number(args.rate));
const rounds: { max: Figures; ceiling: Figures }[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  const max = await runSubmissions();
  const ceiling = await runCeiling();
  rounds.push({ max, ceiling });
  console.log(`round ${r + 1}: submitReading ${max.perSecond}/s, bare insert ${ceiling.perSecond}/s`);
}
server.kill("SIGTERM");

const median = (runs: Figures[]) =>
  [...runs].sort((a, b) => a.perSecond - b.perSecond)[(runs.length - 1) >> 1]!;
const max = median(rounds.map((r) => r.max));
const ceiling = median(rounds.map((r) => r.ceiling));

const table = [
  ["submitReading, as fast as it goes (median)", max],
  [`submitReading at ${args.rate}/s`, at1000],
  ["bare insert endpoint (ceiling, median)", ceiling],
] as const;
for (const [name, f] of table) {
  console.log(
    `${name.padEnd(44)} ${String(f.perSecond).padStart(6)} /s  p50 ${f.p50} ms  p99 ${f.p99} ms  non-2xx ${f.non2xx}  errors ${f.errors}`,
  );
}
const ratio = Math.round((max.perSecond / ceiling.perSecond) * 100) / 100;
console.log(`submitReading reaches ${Math.round(ratio * 100)} % of the bare insert's rate`);
console.log(
  JSON.stringify({
    bench: "readings",
    accounts,
    connections,
    accepted_per_s: max.perSecond,
    p50_ms: max.p50,
    p99_ms: max.p99,
    rate: Number(args.rate),
    p50_ms_at_rate: at1000.p50,
    p99_ms_at_rate: at1000.p99,
    ceiling_per_s: ceiling.perSecond,
    ceiling_p99_ms: ceiling.p99,
    ratio,
    rounds: rounds.map((r) => [r.max.perSecond, r.ceiling.perSecond]),
  }),
);
process.exit(0);
