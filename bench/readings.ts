// bench:readings — accepted meter readings per second over HTTP on PostgreSQL, against the ceiling of a bare
// endpoint that only inserts one row into the same database. Usage:
//   DATABASE_URL=postgres://… npm run bench:readings -- [--accounts 20000] [--seconds 10] [--connections 50] [--rate 1000]
//   [--rounds 3]
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
import type { JsonPost } from "./post-json.ts";
import { type SteadyFigures, steadyLoad } from "./steady-load.ts";

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

function run(opts: { build: () => JsonPost }) {
  return new Promise<Figures>((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
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

const submission = (): JsonPost => {
  const { t, value } = nextReading();
  return {
    path: `/api/accounts/${t.accountId}/readings`,
    headers: { authorization: `Bearer ${t.token}` },
    body: JSON.stringify({ meterId: t.meterId, value }),
  };
};
const runSubmissions = () => run({ build: submission });

const bareInsert = (): JsonPost => {
  const { t, value } = nextReading();
  return { path: "/bench/insert", headers: {}, body: JSON.stringify({ accountId: t.accountId, value }) };
};
const runCeiling = () => run({ build: bareInsert });
const rate = Number(args.rate);
const steady = (build: () => JsonPost) => steadyLoad({ port, rate, seconds, connections, build });

// Warm-up, then the measured rounds. This machine's speed drifts by a third within minutes, so the loads take
// turns, round after round, and each figure is the median of its rounds: the ratio compares like with like. The
// offered rate is a steady open-loop load (steady-load.ts), the bare insert under the same load its baseline; its
// rounds come first, since for half a minute after a flat-out round the kernel writes back what that round
// dirtied, and the WAL's flushes then wait behind it (a hundred milliseconds and more, the bare insert's too).
await steady(submission);
const steadyRounds: { atRate: SteadyFigures; bareAtRate: SteadyFigures }[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  const atRate = await steady(submission);
  const bareAtRate = await steady(bareInsert);
  steadyRounds.push({ atRate, bareAtRate });
  console.log(
    `at a steady ${rate}/s, round ${r + 1}: submitReading p99 ${atRate.p99} ms, bare insert p99 ${bareAtRate.p99} ms`,
  );
}
const rounds: { max: Figures; ceiling: Figures }[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  const max = await runSubmissions();
  const ceiling = await runCeiling();
  rounds.push({ max, ceiling });
  console.log(
    `flat out, round ${r + 1}: submitReading ${max.perSecond}/s, bare insert ${ceiling.perSecond}/s`,
  );
}
server.kill("SIGTERM");

const median = <T>(runs: T[], by: (f: T) => number) =>
  [...runs].sort((a, b) => by(a) - by(b))[(runs.length - 1) >> 1]!;
const max = median(
  rounds.map((r) => r.max),
  (f) => f.perSecond,
);
const ceiling = median(
  rounds.map((r) => r.ceiling),
  (f) => f.perSecond,
);
const atRate = median(
  steadyRounds.map((r) => r.atRate),
  (f) => f.p99,
);
const bareAtRate = median(
  steadyRounds.map((r) => r.bareAtRate),
  (f) => f.p99,
);

const table = [
  ["submitReading, as fast as it goes (median)", max],
  ["bare insert endpoint (ceiling, median)", ceiling],
  [`submitReading at a steady ${rate}/s (median p99)`, atRate],
  [`bare insert at a steady ${rate}/s (median p99)`, bareAtRate],
] as const;
for (const [name, f] of table) {
  const p90 = "p90" in f ? `  p90 ${f.p90} ms` : "";
  const worst = "max" in f ? `  max ${f.max} ms` : "";
  console.log(
    `${name.padEnd(48)} ${String(f.perSecond).padStart(6)} /s  p50 ${f.p50} ms${p90}  p99 ${f.p99} ms${worst}  non-2xx ${f.non2xx}  errors ${f.errors}`,
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
    rate,
    per_s_at_rate: atRate.perSecond,
    p50_ms_at_rate: atRate.p50,
    p90_ms_at_rate: atRate.p90,
    p99_ms_at_rate: atRate.p99,
    ceiling_per_s: ceiling.perSecond,
    ceiling_p99_ms: ceiling.p99,
    ceiling_p50_ms_at_rate: bareAtRate.p50,
    ceiling_p99_ms_at_rate: bareAtRate.p99,
    ratio,
    rounds: rounds.map((r) => [r.max.perSecond, r.ceiling.perSecond]),
    rounds_p99_ms_at_rate: steadyRounds.map((r) => [r.atRate.p99, r.bareAtRate.p99]),
  }),
);
process.exit(0);
