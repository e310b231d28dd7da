// The readings of one batch of generated households, computed in the process and written with COPY (PostgreSQL) or
// inserts of a few thousand rows at a time (PGlite): a dozen per meter zone, most of a region's rows. This was one
// SQL statement; it drew the same numbers (demo-random.ts), so a region is the same as the SQL made it, and the
// same on both engines. Computed here, a 1,000,000-account region's 13 million readings take a fraction of the time:
// the statement sorted and windowed every meter zone's year and called the hash a dozen times a row.
import * as crypto from "node:crypto";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { sql } from "kysely";
import { from as copyFrom } from "pg-copy-streams";
import type { Database, Db } from "../db/database.ts";
import { kyivDateTime } from "../domain/kyiv-time.ts";
import { fromEpochDay, type LocalDate, toEpochDay } from "../domain/local-date.ts";
import { addPeriods, firstDay, nextPeriod, periodOf } from "../domain/period.ts";
import { demoRandom } from "./demo-random.ts";
import type { BatchParams } from "./generate-batch.ts";

/** When a provider's readings of a service came, relative to an anchor day (buildFragments). */
export interface ReadingWindow {
  /** The anchor is the 1st of the next month (a "first of month" window), else the period's 1st. */
  anchorNext: boolean;
  /** Days after the anchor, inclusive. */
  lo: number;
  hi: number;
}

/** What the readings of a region depend on besides the meters: windows and channels per provider. */
export interface ReadingPlan {
  /** By `${providerId}:${service}`. */
  windows: Map<string, ReadingWindow>;
  /** By provider: its reading channels with the upper edge of each one's draws, after the web cabinet's 0.7. */
  channels: Map<number, [string, number][]>;
}

/** The channel a reading came through, from one draw in [0, 1): the web cabinet below 0.7 and past the last edge. */
function channelOf(plan: ReadingPlan, providerId: number, r: number): string {
  if (r < 0.7) return "web";
  for (const [channel, edge] of plan.channels.get(providerId) ?? []) if (r < edge) return channel;
  return "web";
}

interface MeterRow {
  id: number;
  account_id: number;
  provider_id: number;
  service_code: string;
  zones: number;
  digits: number;
  decimals: number;
  installed_on: LocalDate;
  removed_on: LocalDate | null;
  replaced: boolean;
}

const COLUMNS = [
  "id",
  "account_id",
  "provider_id",
  "meter_id",
  "zone",
  "value",
  "kind",
  "taken_at",
  "submitted_at",
  "deemed_on",
  "period",
  "channel",
  "actor_user_id",
  "submission_id",
  "receipt",
  "raw_input",
  "status",
] as const;
/** The shares of a meter's use by zone, for one to three zones. */
const ZONE_SHARES: Record<number, number[]> = { 1: [1.0], 2: [0.65, 0.35], 3: [0.25, 0.45, 0.3] };

const BASE: Record<string, [number, number]> = {
  electricity: [90, 260],
  cold_water: [2.5, 6],
  gas: [40, 70],
};

/**
 * A float8 value as PostgreSQL turns it into numeric (15 significant digits), then `mod` by 10^capacityDigits when
 * given and truncated to `decimals` places: the text a reading's value has. Non-negative values only.
 */
export function readingValueText(x: number, decimals: number, capacityDigits?: number): string {
  const text = x.toPrecision(15);
  let int: string;
  let frac: string;
  const e = text.indexOf("e");
  const dot = text.indexOf(".");
  const i = dot < 0 ? (e < 0 ? text : text.slice(0, e)) : text.slice(0, dot);
  const f = dot < 0 ? "" : e < 0 ? text.slice(dot + 1) : text.slice(dot + 1, e);
  const digits = i + f;
  const point = i.length + (e < 0 ? 0 : Number(text.slice(e + 1)));
  if (e < 0) {
    // The usual case: plain notation.
    int = i;
    frac = f;
  } else if (point <= 0) {
    int = "0";
    frac = "0".repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + "0".repeat(point - digits.length);
    frac = "";
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  if (capacityDigits !== undefined) int = int.slice(-capacityDigits);
  int = int.replace(/^0+(?=\d)/, "");
  return decimals > 0 ? `${int}.${frac.padEnd(decimals, "0").slice(0, decimals)}` : int;
}

/** The day a month starts on, as the SQL's date_trunc('month', …). */
const monthOf = (d: LocalDate): LocalDate => firstDay(periodOf(d));

export async function generateReadings(database: Database, plan: ReadingPlan, p: BatchParams): Promise<void> {
  const context = batchContext(plan, p);
  // Account ids are premise × 4 + slot.
  const range = [p.firstPremise * 4, p.lastPremise * 4] as const;
  if (database.engine === "postgres" && database.pool) {
    const meters = await batchMeters(database.db, range);
    const client = await database.pool.connect();
    try {
      await client.query("begin");
      // A seed cut short is loaded again with --reset: the batch need not wait for the disk.
      await client.query("set local synchronous_commit = off");
      const stream = client.query(copyFrom(`copy readings (${COLUMNS.join(", ")}) from stdin`));
      const done = finished(stream);
      let lines: string[] = [];
      for (const m of meters) {
        meterReadings(m, context, lines);
        if (lines.length >= 2000) {
          if (!stream.write(lines.join(""))) await Promise.race([once(stream, "drain"), done]);
          lines = [];
        }
      }
      stream.end(lines.join(""));
      await done;
      await client.query("commit");
    } catch (e) {
      await client.query("rollback").catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    return;
  }
  // PGlite (the small demo region): the same lines, inserted a few thousand at a time.
  await database.db.transaction().execute(async (trx) => {
    const meters = await batchMeters(trx, range);
    let lines: string[] = [];
    const flush = async () => {
      const rows = lines.map((l) =>
        l
          .slice(0, -1)
          .split("\t")
          .map((v) => (v === "\\N" ? null : v)),
      );
      const col = (i: number) => rows.map((r) => r[i]);
      await sql`
        insert into readings (${sql.raw(COLUMNS.join(", "))})
        select * from unnest(${col(0)}::bigint[], ${col(1)}::bigint[], ${col(2)}::int[], ${col(3)}::bigint[],
          ${col(4)}::smallint[], ${col(5)}::numeric[], ${col(6)}::text[], ${col(7)}::timestamptz[],
          ${col(8)}::timestamptz[], ${col(9)}::date[], ${col(10)}::date[], ${col(11)}::text[], ${col(12)}::bigint[],
          ${col(13)}::uuid[], ${col(14)}::text[], ${col(15)}::text[], ${col(16)}::text[])`.execute(trx);
      lines = [];
    };
    for (const m of meters) {
      meterReadings(m, context, lines);
      if (lines.length >= 4000) await flush();
    }
    if (lines.length > 0) await flush();
  });
}

/** The meters of a batch's accounts (account ids in [from, to)), in key order. */
async function batchMeters(db: Db, [from, to]: readonly [number, number]): Promise<MeterRow[]> {
  const { rows } = await sql<MeterRow>`
    select id::int, account_id::int, provider_id, service_code, zones::int, digits::int, decimals::int,
      installed_on::text as installed_on, removed_on::text as removed_on, replaces_meter_id is not null as replaced
    from meters where account_id >= ${from} and account_id < ${to} order by account_id, id`.execute(db);
  return rows;
}

/** A Kyiv calendar day by its epoch day, and its wall-clock hours as instants: computed once each. */
const dayTexts = new Map<number, LocalDate>();
function dayText(epochDay: number): LocalDate {
  let d = dayTexts.get(epochDay);
  if (d === undefined) {
    d = fromEpochDay(epochDay);
    dayTexts.set(epochDay, d);
  }
  return d;
}
const instants = new Map<number, string>();
function kyivAt(epochDay: number, hour: number, minusHours = 0): string {
  const key = (epochDay * 24 + hour) * 4 + minusHours;
  let at = instants.get(key);
  if (at === undefined) {
    const t = kyivDateTime(dayText(epochDay), `${String(hour).padStart(2, "0")}:00`).getTime();
    at = new Date(t - minusHours * 3_600_000).toISOString();
    instants.set(key, at);
  }
  return at;
}

// crypto.hash (Node 20.12) is the one-shot digest, a third quicker than a Hash object per row.
const md5: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("md5", text)
    : (text) => crypto.createHash("md5").update(text).digest("hex");
const uuidOf = (h: string) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
const receiptOf = (h: string) => `${h.slice(0, 4)}-${h.slice(4, 8)}`.toUpperCase();

/** What every meter of a batch shares: the draws and the 12 months of the history with their seasons. */
interface BatchContext {
  seed: number;
  rand: (key: number, salt: number) => number;
  plan: ReadingPlan;
  /** The 12 months before the as-of month, oldest first: first day, its epoch day, the next month's epoch day. */
  months: { first: LocalDate; epoch: number; nextEpoch: number; cos: number }[];
}

function batchContext(plan: ReadingPlan, p: BatchParams): BatchContext {
  const asOf = periodOf(p.asOf as LocalDate);
  const months = [];
  for (let j = 1; j <= 12; j++) {
    const period = addPeriods(asOf, j - 13);
    const month = Number(period.slice(5, 7));
    months.push({
      first: firstDay(period) as LocalDate,
      epoch: toEpochDay(firstDay(period) as LocalDate),
      nextEpoch: toEpochDay(firstDay(nextPeriod(period)) as LocalDate),
      // As the SQL had it: 2 * pi() * (month - 1) / 12, left to right.
      cos: Math.cos((2 * Math.PI * (month - 1)) / 12),
    });
  }
  return { seed: p.seed, rand: demoRandom(p.seed), plan, months };
}

/**
 * A month's submission of a meter, shared by its zones: its j, and the fields from `kind` to the receipt (when and
 * how it came, who sent it, its ids) as COPY text.
 */
function submissionOf(
  m: MeterRow,
  c: BatchContext,
  window: ReadingWindow,
  j: number,
  month: BatchContext["months"][number],
): { j: number; rest: string } {
  const { rand, seed } = c;
  const key = m.id * 16 + j;
  const anchor = window.anchorNext ? month.nextEpoch : month.epoch;
  const day = anchor + window.lo + Math.floor(rand(key, 54) * (window.hi - window.lo + 1));
  const hour = 8 + Math.floor(rand(key, 55) * 13);
  const channel = channelOf(c.plan, m.provider_id, rand(key, 31));
  // The household's resident when it has one (users.id is the premise's, account ids are premise × 4 + slot).
  const user = Math.floor(m.account_id / 4);
  const actor = channel === "web" && rand(user, 20) < 0.6 ? String(user) : "\\N";
  const h = md5(`${seed}:r:${m.id}:${j}`);
  return {
    j,
    rest: `${kyivAt(day, hour, 3)}\t${kyivAt(day, hour)}\t${dayText(window.anchorNext ? anchor : day)}\t${month.first}\t${channel}\t${actor}\t${uuidOf(h)}\t${receiptOf(h)}`,
  };
}

/**
 * One meter's readings, per zone, as COPY text lines: its initial reading at installation, one a month for the 12
 * months before the as-of month (8 % of months missing, the oldest never), and its final one when it was removed.
 * Every field is digits, dates or fixed words, so none needs COPY's escapes. Ids are explicit (the meter's id, zone
 * and month), so the region is the same whatever order the batches land in.
 */
function meterReadings(m: MeterRow, c: BatchContext, out: string[]): void {
  const { rand, seed } = c;
  const historyStart = c.months[0]!.epoch;
  const window = c.plan.windows.get(`${m.provider_id}:${m.service_code}`);
  const capacity = 10 ** m.digits;
  const [lo, spread] = BASE[m.service_code] ?? [1, 3];
  const base = lo + rand(m.id, 50) * spread;
  const installed = toEpochDay(m.installed_on);
  const installedMonth = monthOf(m.installed_on);
  const removed = m.removed_on ? toEpochDay(m.removed_on) : null;
  const removedMonth = m.removed_on ? monthOf(m.removed_on) : null;
  const shares = ZONE_SHARES[m.zones]!;
  const ih = md5(`${seed}:i:${m.id}`);
  const initialIds = `${uuidOf(ih)}\t${receiptOf(ih)}`;
  // The months the meter was on the wall, with their draws (shared by its zones).
  const live = [];
  for (let j = 1; j <= 12; j++) {
    const month = c.months[j - 1]!;
    if (month.first < installedMonth || (removedMonth !== null && month.first >= removedMonth)) continue;
    const key = m.id * 16 + j;
    // 8 % of months have no reading (billed by average); the oldest always has one: it is the opening basis
    // billing starts from (opening-position.ts). A service without a window gets none.
    const kept = window !== undefined && (rand(key, 56) >= 0.08 || j === 1);
    live.push({ month, r53: rand(key, 53), submission: kept ? submissionOf(m, c, window, j, month) : null });
  }
  for (let zone = 1; zone <= m.zones; zone++) {
    const share = shares[zone - 1]!;
    // A replacing meter starts at zero; three in a hundred start just below their capacity, so they roll over to
    // zero in the year.
    const startValue = m.replaced
      ? 0
      : rand(m.id, 51) < 0.03
        ? capacity - base * share * 2
        : rand(m.id * 4 + zone, 52) * 0.5 * capacity;
    const idBase = m.id * 64 + (zone - 1) * 16;
    const head = `${m.account_id}\t${m.provider_id}\t${m.id}\t${zone}\t`;

    // Worn down by the months between installation and the start of the history.
    const initial = Math.max(0, startValue - (base * share * Math.max(0, historyStart - installed)) / 30.4);
    const iv = readingValueText(initial, m.decimals);
    out.push(
      `${idBase}\t${head}${iv}\tinitial\t${kyivAt(installed, 10)}\t${kyivAt(installed, 12)}\t${m.installed_on}\t${installedMonth}\timport\t\\N\t${initialIds}\t${iv.replace(".", ",")}\taccepted\n`,
    );

    let total = 0;
    for (const { month, r53, submission: t } of live) {
      const season =
        m.service_code === "electricity"
          ? 1 + 0.25 * month.cos
          : m.service_code === "gas"
            ? 0.35 + 1.3 * Math.max(0, month.cos)
            : 1;
      total += base * share * (0.8 + 0.4 * r53) * season;
      if (t === null) continue;
      const value = readingValueText(startValue + total, m.decimals, m.digits);
      out.push(
        `${idBase + t.j}\t${head}${value}\tregular\t${t.rest}\t${value.replace(".", ",")}\taccepted\n`,
      );
    }
    if (removed !== null && live.length > 0) {
      const value = readingValueText(startValue + total + base * share * 0.1, m.decimals, m.digits);
      const h = md5(`${seed}:f:${m.id}`);
      out.push(
        `${idBase + 13}\t${head}${value}\tfinal\t${kyivAt(removed, 10)}\t${kyivAt(removed, 12)}\t${m.removed_on}\t${removedMonth}\tcontact_centre\t\\N\t${uuidOf(h)}\t${receiptOf(h)}\t${value.replace(".", ",")}\taccepted\n`,
      );
    }
  }
}
