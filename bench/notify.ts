// bench:notify — a window opening for a whole region on PostgreSQL: the time to enqueue every notification (one
// per person, by the channel each chose: notifications log + outbox), against a baseline of a plain INSERT … SELECT
// of as many outbox-shaped rows into a scratch table of the same database; then the send rate of the outbox's
// Telegram sender over a fixed sample against a local fake Bot API (a real HTTP server), next to the rate limit it
// keeps (the ceiling), and the same sender unpaced (what the machinery itself could do).
// Usage: DATABASE_URL=postgres://… npm run bench:notify -- [--accounts 1000000] [--sample-seconds 15] [--fresh]
//   [--telegram-share 0.1]
// It uses the region the database holds (migrated first); an empty database, or --fresh (a scratch database: it is
// reset), gets one of --accounts. The window is the largest provider's next electricity window; a share of its
// residents (--telegram-share) are given a verified Telegram chat as their choice, the rest keep their phones
// (SMS). Each run forgets the window's earlier notifications first, so it can be run again.
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { resetDatabase } from "../src/db/reset.ts";
import { seedRegion } from "../src/demo/seed-region.ts";
import { kyivDateOf, kyivDateTime } from "../src/domain/kyiv-time.ts";
import { nextWindowOccurrence } from "../src/domain/submission-window.ts";
import { telegramClient } from "../src/gateways/chat/telegram-api.ts";
import { chatDelivery, DEFAULT_CHAT_RATES } from "../src/jobs/notification-senders.ts";
import { makeDeps } from "../src/services/deps.ts";
import { notifyWindows } from "../src/services/notifications/window-notifications.ts";
import { deliverOutbox } from "../src/services/outbox/deliver-outbox.ts";
import { findWindowRule } from "../src/services/readings/find-window-rule.ts";
import { FakeTelegram } from "../test/support/fake-telegram.ts";

const { values: args } = parseArgs({
  options: {
    accounts: { type: "string", default: "1000000" },
    "sample-seconds": { type: "string", default: "15" },
    "telegram-share": { type: "string", default: "0.1" },
    fresh: { type: "boolean", default: false },
  },
});
const url = process.env["DATABASE_URL"];
if (!url?.startsWith("postgres")) {
  console.error("bench:notify needs DATABASE_URL=postgres://… (a scratch database: it may be reset)");
  process.exit(2);
}
const wanted = Number(args.accounts);
const sampleSeconds = Number(args["sample-seconds"]);
const telegramShare = Number(args["telegram-share"]);
const AS_OF = "2026-11-25";

async function regionSize(database: Database): Promise<number | null> {
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from accounts`.execute(database.db);
    return rows[0]?.n || null;
  } catch {
    return null;
  }
}

const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
let accounts = args.fresh ? null : await regionSize(database);
if (accounts === null) {
  await resetDatabase(database);
  await migrate(database);
  console.log(`seeding ${wanted} accounts…`);
  const s = await seedRegion(database, { accounts: wanted, seed: 1, asOf: AS_OF });
  console.log(`seeded in ${s.seconds} s`);
  accounts = wanted;
}
await migrate(database);
const { db } = database;

// The provider with the most accounts, and the day its next electricity window opens (10:00, outside quiet hours).
const { rows: largest } = await sql<{ provider_id: number; accounts: number }>`
  select a.provider_id, count(*)::int8 as accounts from accounts a
  where exists (select 1 from provider_services ps where ps.provider_id = a.provider_id and ps.service_code = 'electricity')
  group by a.provider_id order by 2 desc limit 1`.execute(db);
const provider = largest[0];
if (!provider) throw new Error("no electricity provider in the region");
const settlement = await db
  .selectFrom("provider_services")
  .select("settlement_id")
  .where("provider_id", "=", provider.provider_id)
  .where("service_code", "=", "electricity")
  .executeTakeFirstOrThrow();
const rule = await findWindowRule(db, {
  providerId: provider.provider_id,
  service: "electricity",
  settlementId: settlement.settlement_id,
  today: kyivDateOf(new Date(`${AS_OF}T12:00:00+02:00`)),
});
const occurrence = nextWindowOccurrence(rule, new Date(`${AS_OF}T12:00:00+02:00`));
const NOW = kyivDateTime(occurrence.opensOn, "10:00");
const deps = makeDeps(database, () => NOW);

// A share of the residents chose Telegram (a verified chat of their own); set once, kept for later runs.
await sql`
  insert into identities (user_id, kind, external_id, verified_at)
  select u.id, 'telegram', (100000000 + u.id)::text, now() from users u
  where u.password_hash is null and (u.id * 7919) % 1000 < ${Math.round(telegramShare * 1000)}
  on conflict (kind, external_id) do nothing`.execute(db);
await sql`
  update users set reminder_channel = 'telegram'
  where reminder_channel is null and id in (select user_id from identities where kind = 'telegram')`.execute(
  db,
);

// Forget the window's earlier notifications (an earlier run), so this one writes them all again.
await sql`delete from outbox where template = 'window_opens'`.execute(db);
await sql`delete from notifications where event_key like 'window_opens:%'`.execute(db);
await sql`vacuum analyze notifications`.execute(db);
await sql`vacuum analyze outbox`.execute(db);

console.log(
  `a window opening: provider ${provider.provider_id} (${provider.accounts} of ${accounts} accounts), electricity, ` +
    `${occurrence.opensOn}…${occurrence.closesOn}`,
);
let started = performance.now();
const queued = await notifyWindows(deps, { providerId: provider.provider_id });
const enqueueSeconds = (performance.now() - started) / 1000;
const { rows: byChannel } = await sql<{ channel: string; n: number }>`
  select channel, count(*)::int8 as n from outbox where template = 'window_opens' group by 1 order by 1`.execute(
  db,
);
console.log(
  `enqueued ${queued.opens} notifications for ${queued.windows} settlement windows in ${enqueueSeconds.toFixed(2)} s ` +
    `(${byChannel.map((c) => `${c.channel} ${c.n}`).join(", ")})`,
);

// Baseline: as many outbox-shaped rows by one INSERT … SELECT into a scratch table.
await sql`drop table if exists bench_notify_rows`.execute(db);
await sql`create table bench_notify_rows (like outbox including defaults including identity)`.execute(db);
started = performance.now();
await sql`
  insert into bench_notify_rows (channel, address, locale, template, subject, body, created_at)
  select 'sms', '+380' || lpad(g::text, 9, '0'), 'uk', 'window_opens', null,
    'Постачальник: прийом показників (електроенергія) відкрито до 2 грудня 2026 включно.' || chr(10) ||
      'Відписатися: STOP',
    now()
  from generate_series(1, ${queued.opens}) g`.execute(db);
const baselineSeconds = (performance.now() - started) / 1000;
await sql`drop table bench_notify_rows`.execute(db);
console.log(`baseline INSERT … SELECT of ${queued.opens} rows: ${baselineSeconds.toFixed(2)} s`);

// Sending: the Telegram rows through the outbox's sender to a local fake Bot API, paced, then unpaced.
const fake = await FakeTelegram.start();
const client = telegramClient({ token: "1:bench", apiBase: fake.apiBase });
const ceiling = DEFAULT_CHAT_RATES.telegram;
const sendFor = async (seconds: number, paced: boolean) => {
  const chats = chatDelivery(deps, { telegram: client });
  const options = paced ? chats.options : { ...chats.options, ratePerSecond: {} };
  const t0 = performance.now();
  const r = await deliverOutbox(deps, chats.senders, { ...options, budgetMs: seconds * 1000 });
  return { ...r, seconds: (performance.now() - t0) / 1000 };
};
console.log(`sending Telegram notifications for ${sampleSeconds} s at the limit of ${ceiling}/s…`);
const paced = await sendFor(sampleSeconds, true);
const pacedRate = paced.sent / paced.seconds;
console.log(`sending for 5 s unpaced (the sender's own capacity)…`);
const unpaced = await sendFor(5, false);
const unpacedRate = unpaced.sent / unpaced.seconds;
await fake.close();
const { rows: waiting } = await sql<{ n: number }>`
  select count(*)::int8 as n from outbox where channel = 'telegram' and sent_at is null`.execute(db);
await database.close();

console.log(
  `${queued.opens} notifications enqueued in ${enqueueSeconds.toFixed(2)} s (${Math.round(queued.opens / enqueueSeconds)}/s); ` +
    `INSERT … SELECT of as many rows: ${baselineSeconds.toFixed(2)} s; ratio ${(baselineSeconds / enqueueSeconds).toFixed(3)}`,
);
console.log(
  `Telegram: ${paced.sent} sent in ${paced.seconds.toFixed(1)} s = ${pacedRate.toFixed(1)}/s against the limit ` +
    `${ceiling}/s (ratio ${(pacedRate / ceiling).toFixed(3)}), ${paced.failed} failed; unpaced ${unpacedRate.toFixed(0)}/s; ` +
    `${waiting[0]?.n ?? 0} Telegram messages still waiting`,
);
console.log(
  JSON.stringify({
    bench: "notify",
    accounts,
    provider_accounts: provider.accounts,
    notifications: queued.opens,
    by_channel: Object.fromEntries(byChannel.map((c) => [c.channel, c.n])),
    enqueue_seconds: Math.round(enqueueSeconds * 100) / 100,
    baseline_insert_select_seconds: Math.round(baselineSeconds * 100) / 100,
    enqueue_ratio: Math.round((baselineSeconds / enqueueSeconds) * 1000) / 1000,
    telegram_sample_seconds: Math.round(paced.seconds * 10) / 10,
    telegram_sent: paced.sent,
    telegram_failed: paced.failed,
    telegram_per_s: Math.round(pacedRate * 10) / 10,
    telegram_limit_per_s: ceiling,
    send_ratio: Math.round((pacedRate / ceiling) * 1000) / 1000,
    telegram_unpaced_per_s: Math.round(unpacedRate),
  }),
);
process.exit(0);
