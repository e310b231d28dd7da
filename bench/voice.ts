// bench:voice — the phone voice bot under many calls at once. Each call is a whole reading submission as a PBX makes
// it: announced over HTTP with the PBX key, then AudioSocket from the caller's first frame to the bot's hang-up —
// half of the calls on the keypad alone (a bot with no recogniser), half by voice (espeak-ng speech, uk and ru,
// through the whisper-http adapter to a local stand-in Whisper server that answers with the caller's line). Every
// concurrent call has an account of its own (one meter, electricity) and submits values just above its last ones.
// The bot (its HTTP routes, both AudioSocket servers, the database when it is PGlite) runs in this process, so
// process.cpuUsage and the pacer's stats are its own; the callers and the stand-in Whisper run in a forked process
// (bench/voice-callers.ts). Per level of concurrency N: N calls at once; calls that end "submitted" in voice_calls;
// the share of outbound 20 ms frames the pacer sent late (> 10 ms after due, see audio/pacer.ts) and the worst
// lateness; the bot's CPU per call (this process, and espeak-ng's prompt renders in its child processes); wall time.
// Baseline, per level: N bare AudioSocket legs that only play one prompt as long as a bot call's audio on average —
// no dialogue, no database, no recognition — for the pacer's late share and CPU per call of bare audio.
// "Most concurrent calls per core that keep audio on time" = the largest level with late share ≤ 1 % and every call
// submitted, divided by os.availableParallelism() (the callers' process shares the machine's cores).
//   npm run bench:voice [-- --levels 5,10,20,40] [-- --quick]     (--quick: one level of 4 calls)
//   DATABASE_URL=postgres://… npm run bench:voice     (a scratch database: it seeds a small region if empty)
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pino from "pino";
import { buildApp } from "../src/channels/http/app.ts";
import { type PacingStats, sharedPacer } from "../src/channels/voice/audio/pacer.ts";
import type { Pcm } from "../src/channels/voice/audio/pcm.ts";
import { startAudioSocketServer } from "../src/channels/voice/audiosocket/server.ts";
import { startVoiceBot } from "../src/channels/voice/voice-bot.ts";
import { voiceSettings } from "../src/config.ts";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { hasRegion, seedRegion } from "../src/demo/seed-region.ts";
import { speakAccount } from "../src/domain/voice/spoken-account.ts";
import { speakNumber } from "../src/domain/voice/spoken-number.ts";
import { noneRecognizer } from "../src/gateways/speech/none/none-recognizer.ts";
import { createSpeechRecognizer } from "../src/gateways/speech/speech-recognizer.ts";
import { makeDeps } from "../src/services/deps.ts";
import type { CallerStep, CallPlan, CallResult, FromCallers, ToCallers } from "./voice-protocol.ts";

const { values: args } = parseArgs({
  options: {
    levels: { type: "string", default: "5,10,20,40" },
    quick: { type: "boolean", default: false },
  },
});
const levels = args.quick ? [4] : args.levels.split(",").map(Number);
if (levels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--levels: ${args.levels}`);
const url = process.env["DATABASE_URL"];
const cores = availableParallelism();
/** The machine's other load skews every figure here: printed with them. */
const loadAtStart = Number((loadavg()[0] ?? 0).toFixed(2));
const PBX_KEY = "bench-pbx-key-0123456789";
/** A morning when the electricity supplier's window and the voice line are open (as in the voice tests). */
const NOW = "2026-11-28T10:00:00+02:00";
/** On time: at most this share of outbound frames late, and every call submitted. */
const ON_TIME_SHARE = 0.01;
const log = pino({ level: process.env["VOICE_BENCH_LOG"] ?? "silent" });

const database: Database = await openDatabase(url ? { databaseUrl: url, poolSize: 20 } : {});
await migrate(database);
if (!(await hasRegion(database))) await seedRegion(database, { accounts: 400, seed: 11, asOf: "2026-11-25" });
// The services see the fixed morning, moving on with real time (a call's start and end stay apart).
const offset = Date.parse(NOW) - Date.now();
const deps = makeDeps(database, () => new Date(Date.now() + offset));

interface BenchAccount {
  number: string;
  settlementUk: string;
  settlementRu: string;
  /** The settlement's key on the keypad, when the provider has few enough to offer them by key. */
  settlementKey: string | null;
  /** Whole-number values the next call submits, per zone; raised after each use. */
  next: number[];
}

async function benchAccounts(): Promise<BenchAccount[]> {
  const { rows: settlements } = await sql<{ id: number }>`
    select s.id from settlements s
    where exists (select 1 from provider_services ps join providers p on p.id = ps.provider_id
                  where ps.settlement_id = s.id and p.code = 'deu')
    order by s.name_uk`.execute(database.db);
  // One electricity meter (no meter menu), dials far from rolling over, numbers a keypad can type.
  const { rows } = await sql<{
    number: string;
    settlement_id: number;
    name_uk: string;
    name_ru: string;
    zones: number;
    last: string[] | null;
  }>`
    select a.number, s.id as settlement_id, s.name_uk, s.name_ru, m.zones,
      (select array_agg(coalesce(floor(r.v), 0)::text order by z.zone)
         from generate_series(1, m.zones) as z(zone)
         left join lateral (select max(value) as v from readings x
                            where x.meter_id = m.id and x.zone = z.zone
                              and x.status in ('accepted', 'pending_review')) r on true) as last
    from accounts a
    join providers p on p.id = a.provider_id and p.code = 'deu'
    join premises pr on pr.id = a.premise_id
    join settlements s on s.id = pr.settlement_id
    join meters m on m.account_id = a.id and m.removed_on is null and m.service_code = 'electricity'
    where a.closed_on is null and a.number ~ '^[0-9./-]+$'
      and (select count(*) from meters x where x.account_id = a.id and x.removed_on is null) = 1
      and (m.verification_due is null or m.verification_due >= date '2026-11-28')
      and coalesce((select max(value) from readings x where x.meter_id = m.id), 0) < power(10, m.digits) - 1000
    order by a.id`.execute(database.db);
  const keyed = settlements.length > 1 && settlements.length <= 9;
  return rows.map((r) => ({
    number: r.number,
    settlementUk: r.name_uk,
    settlementRu: r.name_ru,
    settlementKey: keyed ? String(settlements.findIndex((s) => s.id === r.settlement_id) + 1) : null,
    next: (r.last ?? []).map((v) => Number(v) + 1),
  }));
}

/** A number's keys: digits, and * 1 / * 2 / * 3 for - / . (the documented keypad convention). */
const keysOf = (number: string) => number.replace(/-/g, "*1").replace(/\//g, "*2").replace(/\./g, "*3");

/** What a caller does for one submission; the account's values are raised so the next use is above them. */
function callSteps(account: BenchAccount, kind: CallPlan["kind"], voice: "uk" | "ru"): CallerStep[] {
  const values = account.next.map(String);
  account.next = account.next.map((v) => v + 1);
  if (kind === "keypad") {
    return [
      { keys: "1" },
      ...(account.settlementKey ? [{ keys: account.settlementKey }] : []),
      { keys: `${keysOf(account.number)}#` },
      { keys: "1" },
      ...values.flatMap((v) => [{ keys: `${v}#` }, { keys: "1" }]),
    ];
  }
  const yes = voice === "ru" ? "да" : "так";
  const lines = [
    voice === "ru" ? "показания" : "показання",
    voice === "ru" ? `город ${account.settlementRu}` : `у місті ${account.settlementUk}`,
    speakAccount(account.number, voice),
    yes,
    ...values.flatMap((v) => [speakNumber(v, voice), yes]),
  ];
  return lines.map((say) => ({ say, voice }));
}

// --- the callers' process ---------------------------------------------------------------------------------------

const callers: ChildProcess = fork(new URL("./voice-callers.ts", import.meta.url), {
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const waiting: Array<(m: FromCallers) => void> = [];
callers.on("message", (m: FromCallers) => waiting.shift()?.(m));
callers.once("exit", (code) => {
  if (waiting.length > 0) {
    console.error(`the callers' process exited (${code}) with a job under way`);
    process.exit(1);
  }
});
function ask<T extends FromCallers["type"]>(
  message: ToCallers | null,
  answer: T,
): Promise<Extract<FromCallers, { type: T }>> {
  return new Promise((resolve, reject) => {
    waiting.push((m) =>
      m.type === answer ? resolve(m as Extract<FromCallers, { type: T }>) : reject(new Error(m.type)),
    );
    if (message) callers.send(message);
  });
}
const { whisperUrl } = await ask(null, "ready");

// --- the bot -----------------------------------------------------------------------------------------------------

const config = { ...voiceSettings({}), host: "127.0.0.1", provider: undefined };
const app = await buildApp({
  deps,
  config: { logLevel: "silent", production: true, voice: { ...config, pbxKey: PBX_KEY } },
  logger: false,
});
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
if (!address || typeof address !== "object") throw new Error("not listening");
const announceUrl = `http://127.0.0.1:${address.port}`;
// Short waits, as in the voice tests: a scripted caller that lost step (see the report) fails fast instead of
// holding a level for the production timeouts; a call that keeps step never waits for them.
const timing = { noInputMs: 3000, maxSpeechMs: 8000, interDigitMs: 2000 };
const common = { deps, config, port: 0, logger: log, cacheDir: null, timing } as const;
const keypadBot = await startVoiceBot({ ...common, recognizer: noneRecognizer() });
const speechBot = await startVoiceBot({
  ...common,
  recognizer: await createSpeechRecognizer({
    engine: "whisper-http",
    url: whisperUrl,
    modelDir: "/nonexistent",
    logger: log,
  }),
});
/** The baseline's legs play this, set before each baseline round. */
let barePrompt: Pcm = { rate: 8000, samples: new Int16Array(0) };
const bare = await startAudioSocketServer({
  port: 0,
  host: "127.0.0.1",
  logger: log,
  onCall: async (leg) => {
    await leg.say([barePrompt]);
  },
});

// --- plans: every level's calls, so all their speech is rendered before the first one --------------------------

const accounts = await benchAccounts();
const warmUp = 2;
const widest = Math.max(warmUp, ...levels);
if (accounts.length < widest)
  throw new Error(
    `the region has ${accounts.length} accounts the bench can use (deu, one electricity meter); ${widest} are needed`,
  );
let callerNumbers = Math.floor(Math.random() * 9_000_000);
const plan = (n: number): CallPlan[] =>
  Array.from({ length: n }, (_, i) => {
    const kind = i % 2 === 0 ? "keypad" : "voice";
    return {
      callId: randomUUID(),
      kind,
      // Ten lookups an hour per calling number (CALL_LOOKUPS): one shared number would be refused by the 11th call.
      caller: `+38067${String(callerNumbers++).padStart(7, "0")}`,
      port: kind === "keypad" ? keypadBot.port : speechBot.port,
      steps: callSteps(accounts[i] as BenchAccount, kind, i % 4 === 1 ? "uk" : "ru"),
    };
  });
const warmUpPlan = plan(warmUp);
const levelPlans = levels.map(plan);
const lines = new Map<string, { text: string; voice: "uk" | "ru" }>();
for (const call of [warmUpPlan, ...levelPlans].flat())
  for (const step of call.steps)
    if ("say" in step) lines.set(`${step.voice}:${step.say}`, { text: step.say, voice: step.voice });
const prepared = await ask({ type: "prepare", lines: [...lines.values()] }, "prepared");

// --- measuring -----------------------------------------------------------------------------------------------

/** CPU of reaped child processes (espeak-ng's renders): /proc/self/stat's cutime + cstime, in ms. */
const ticksPerSecond = 100;
function childrenCpuMs(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of stat(5); after the name, index 0 is field 3.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

interface Round {
  calls: number;
  /** The bot's event loop: the longest and the 99th-percentile delay, ms (what makes frames late). */
  loopDelayMs: { p99: number; max: number };
  wallMs: number;
  cpuMs: number;
  espeakMs: number;
  pacing: PacingStats;
  results: CallResult[];
}

async function measured(job: () => Promise<{ results: CallResult[] }>, calls: number): Promise<Round> {
  sharedPacer.resetStats();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu = process.cpuUsage();
  const children = childrenCpuMs();
  const started = performance.now();
  const { results } = await job();
  // The bot closes each call's record before its socket; what is left is the legs' own ending.
  const idleBy = performance.now() + 5000;
  while ((keypadBot.calls() > 0 || speechBot.calls() > 0) && performance.now() < idleBy)
    await new Promise((r) => setTimeout(r, 20));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  loop.disable();
  return {
    calls,
    loopDelayMs: { p99: round1(loop.percentile(99) / 1e6), max: round1(loop.max / 1e6) },
    wallMs,
    cpuMs: (used.user + used.system) / 1000,
    espeakMs: childrenCpuMs() - children,
    pacing: sharedPacer.stats(),
    results,
  };
}

const share = (p: PacingStats) => (p.framesSent === 0 ? 0 : p.framesLate / p.framesSent);
const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (n: number) => `${(n * 100).toFixed(2)} %`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
};

async function outcomes(ids: string[]): Promise<Record<string, number>> {
  const rows = await database.db
    .selectFrom("voice_calls")
    .select(["outcome"])
    .where("id", "in", ids)
    .execute();
  const counted: Record<string, number> = {};
  for (const r of rows) counted[r.outcome ?? "open"] = (counted[r.outcome ?? "open"] ?? 0) + 1;
  return counted;
}

await measured(() => ask({ type: "run", calls: warmUpPlan, announceUrl, pbxKey: PBX_KEY }, "ran"), warmUp);

const figures = [];
for (const [index, calls] of levelPlans.entries()) {
  const n = calls.length;
  const level = await measured(() => ask({ type: "run", calls, announceUrl, pbxKey: PBX_KEY }, "ran"), n);
  const seen = await outcomes(calls.map((c) => c.callId));
  const submitted = seen["submitted"] ?? 0;
  const stuck = level.results.filter((r) => r.timedOut || r.error);
  // The baseline: as many legs, each playing as much audio as a bot call sent on average.
  const framesPerLeg = Math.max(1, Math.round(level.pacing.framesSent / n));
  barePrompt = {
    rate: 8000,
    samples: new Int16Array(framesPerLeg * 160).map((_, i) => ((i % 40) - 20) * 200),
  };
  const baseline = await measured(() => ask({ type: "bare", port: bare.port, legs: n }, "bared"), n);
  const durations = level.results.map((r) => r.durationMs);
  figures.push({
    calls: n,
    submitted,
    outcomes: seen,
    callerErrors: stuck.map((r) => ({
      callId: r.callId,
      kind: r.kind,
      timedOut: r.timedOut,
      error: r.error,
    })),
    framesSent: level.pacing.framesSent,
    framesLate: level.pacing.framesLate,
    lateShare: Number(share(level.pacing).toFixed(5)),
    worstLateMs: round1(level.pacing.worstLateMs),
    loopDelayMs: level.loopDelayMs,
    cpuMsPerCall: round1(level.cpuMs / Math.max(1, submitted)),
    espeakCpuMsPerCall: round1(level.espeakMs / Math.max(1, submitted)),
    wallMs: Math.round(level.wallMs),
    callMs: { p50: percentile(durations, 0.5), max: Math.max(...durations) },
    onTime: share(level.pacing) <= ON_TIME_SHARE && submitted === n,
    baseline: {
      legs: n,
      framesPerLeg,
      completed: baseline.results.filter((r) => r.botHungUp).length,
      framesSent: baseline.pacing.framesSent,
      lateShare: Number(share(baseline.pacing).toFixed(5)),
      worstLateMs: round1(baseline.pacing.worstLateMs),
      loopDelayMs: baseline.loopDelayMs,
      cpuMsPerCall: round1(baseline.cpuMs / n),
      wallMs: Math.round(baseline.wallMs),
    },
  });
  const f = figures[index]!;
  console.log(
    `${String(n).padStart(3)} calls: ${f.submitted}/${n} submitted, wall ${(f.wallMs / 1000).toFixed(1)} s ` +
      `(a call p50 ${(f.callMs.p50 / 1000).toFixed(1)} s, max ${(f.callMs.max / 1000).toFixed(1)} s)\n` +
      `   bot : ${pct(f.lateShare)} of ${f.framesSent} frames late, worst ${f.worstLateMs} ms, ` +
      `loop delay p99 ${f.loopDelayMs.p99} ms, CPU ${f.cpuMsPerCall} ms/call + espeak-ng ${f.espeakCpuMsPerCall} ms/call\n` +
      `   bare: ${pct(f.baseline.lateShare)} of ${f.baseline.framesSent} frames late, worst ${f.baseline.worstLateMs} ms, ` +
      `loop delay p99 ${f.baseline.loopDelayMs.p99} ms, CPU ${f.baseline.cpuMsPerCall} ms/call  → bot/bare CPU ×${(f.cpuMsPerCall / Math.max(0.1, f.baseline.cpuMsPerCall)).toFixed(1)}` +
      (f.callerErrors.length ? `\n   ${f.callerErrors.length} calls failed on the caller's side` : "") +
      (Object.keys(f.outcomes).length > 1 ? `\n   outcomes ${JSON.stringify(f.outcomes)}` : ""),
  );
}

const best = figures.filter((f) => f.onTime).reduce((n, f) => Math.max(n, f.calls), 0);
const maxPerCore = Math.round((best / cores) * 10) / 10;
console.log(
  `most concurrent calls per core that keep audio on time (largest level with ≤ ${ON_TIME_SHARE * 100} % late frames ` +
    `and every call submitted ÷ ${cores} cores): ${maxPerCore}` +
    (best === 0 ? " (no level was on time)" : ` (${best} calls)`),
);
console.log(
  `${url ? "PostgreSQL (its CPU is not in the bot's)" : "PGlite (in this process: its CPU is in the bot's)"}; ` +
    `speech for the callers rendered once before the levels: ${prepared.lines} lines in ${(prepared.ms / 1000).toFixed(1)} s; ` +
    `load average at start ${loadAtStart} on ${cores} cores`,
);

callers.send({ type: "exit" } satisfies ToCallers);
await keypadBot.close();
await speechBot.close();
await bare.close();
await app.close();
await database.close();
console.log(
  JSON.stringify({
    bench: "voice",
    database: url ? "postgres" : "pglite",
    cores,
    loadAverageAtStart: loadAtStart,
    definition:
      "maxPerCore = largest level with late share <= 1% and all calls submitted, / os.availableParallelism()",
    levels: figures.map(({ baseline, ...f }) => ({
      ...f,
      cpuRatioToBare: Number((f.cpuMsPerCall / Math.max(0.1, baseline.cpuMsPerCall)).toFixed(2)),
    })),
    baseline: figures.map((f) => f.baseline),
    maxOnTimeLevel: best,
    maxPerCore,
    speechLinesRendered: prepared.lines,
  }),
);
