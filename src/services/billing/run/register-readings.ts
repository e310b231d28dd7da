// The readings a batch bills its registers (meter zones, `bzz`) on: for a register with a usable state
// (register_states, docs/billing.md "Register state") only the readings deemed after what the state covers (`brd`),
// for every other register its history of the last months (`br`), as before register states.
import { sql } from "kysely";
import type { Tx } from "../../../db/database.ts";
import type { LocalDate } from "../../../domain/local-date.ts";
import { addPeriods, firstDay, type Period, prevPeriod } from "../../../domain/period.ts";
import { analyzeTemp } from "./analyze-temp.ts";
import type { BatchSources } from "./batch-sources.ts";

export interface RegisterReadingsInput {
  providerId: number;
  period: Period;
  accountFrom: number;
  accountTo: number;
  /** The longest history an estimation rule of the batch's services uses, in months. */
  longestMonths: number;
  /** False: every register from its history, and no state read or written (the reference path, for tests). */
  registerState: boolean;
  analyze: boolean;
  /** Where the registers' rows are read from (batch-sources.ts). */
  sources: BatchSources;
}

/** The first day of the history window: `longestMonths` before the period. */
export function historyFrom(input: Pick<RegisterReadingsInput, "period" | "longestMonths">): LocalDate {
  return firstDay(addPeriods(input.period, -input.longestMonths));
}

export async function readRegisterReadings(tx: Tx, input: RegisterReadingsInput): Promise<void> {
  const provider = input.providerId;
  const first = firstDay(input.period);
  const from = historyFrom(input);
  const src = input.sources;
  if (input.registerState) {
    // brs: the registers (bzz's columns: the planner's base for every register) with their states, read once, by
    // the batch's range of the key. seen_version and seen_late are what the state's upsert checks.
    // Usable: written by the run of the month before, no late reading since, and its pairs reach back far enough.
    await sql`
      create temp table brs on commit drop as
      select z.account_id, z.meter_id, z.zone, z.capacity, z.installed_in_period, z.history_months,
        coalesce(s.version, 0) as seen_version, coalesce(s.late_count, 0) as seen_late,
        coalesce(s.period = ${firstDay(prevPeriod(input.period))}::date and s.late_count = 0
          and s.provider_id = ${provider} and s.pairs_from <= ${from}::date, false) as usable,
        s.covered_on, s.basis_value, s.basis_period, s.last_id, s.last_value, s.last_kind, s.last_deemed_on,
        s.prev_value, s.prev_kind, s.prev_deemed_on, s.prev_period, s.pair_from, s.pair_to, s.pair_used,
        s.estimated_months
      from bzz z
      left join ${src.register_states} s on s.account_id = z.account_id and s.meter_id = z.meter_id and s.zone = z.zone
        and s.account_id >= ${input.accountFrom} and s.account_id < ${input.accountTo}`.execute(tx);
    await analyzeTemp(tx, "brs", input.analyze);
    // brd: for a usable state, the readings deemed after what it covers, of any period: those of later periods
    // tell whether the state written now covers exactly this period's readings (register-usage.ts). A reading
    // written between brs and brd has bumped the state's version, so that state is not overwritten.
    await sql`
      create temp table brd on commit drop as
      select z.account_id, z.meter_id, z.zone, r.id, r.v, r.kind, r.deemed_on, r.period
      from brs z
      cross join lateral (
        select r.id, (r.value * 1000)::bigint as v, r.kind, r.deemed_on, r.period
        from ${src.readings} r
        where r.account_id = z.account_id and r.meter_id = z.meter_id and r.zone = z.zone
          and r.deemed_on > z.covered_on and r.status in ('accepted', 'pending_review')
        -- Through readings_meter_history, register by register.
        offset 0
      ) r
      where z.usable`.execute(tx);
    await analyzeTemp(tx, "brd", input.analyze);
  } else {
    await sql`
      create temp table brs on commit drop as
      select account_id, meter_id, zone, capacity, installed_in_period, history_months, 0 as seen_version,
        0 as seen_late, false as usable
      from bzz`.execute(tx);
    await analyzeTemp(tx, "brs", input.analyze);
  }

  // br: the history of the accounts with a register to bill from it, account by account through the readings'
  // account-leading index (a lateral join keeps the planner from a scan of every reading of the provider). With
  // register states it also holds the next month's readings, which tell whether a state made from this history
  // covers exactly this period's readings.
  const periodFilter = input.registerState
    ? sql`(r.period <= ${first}::date or r.deemed_on <= ${firstDay(addPeriods(input.period, 2))}::date)`
    : sql`r.period <= ${first}::date`;
  await sql`
    create temp table br on commit drop as
    select r.*
    from (select distinct account_id from brs where not usable) a
    cross join lateral (
      select r.account_id, r.meter_id, r.zone::int as zone, r.id, (r.value * 1000)::bigint as v, r.kind,
        r.deemed_on, r.period
      from ${src.readings} r
      where r.account_id = a.account_id and r.provider_id = ${provider}
        and r.status in ('accepted', 'pending_review') and ${periodFilter}
        and r.deemed_on >= ${from}::date
      -- A fence: pulled up into a join, the planner scanned all 13 million readings of a region for each batch.
      offset 0
    ) r`.execute(tx);
  await analyzeTemp(tx, "br", input.analyze);
}
