// Adds a tariff of a service (in one settlement, or everywhere the provider supplies it) for a span of dates.
// Spans of one service and settlement never overlap (the tariffs_no_overlap trigger): an overlap is refused
// with tariff_overlap naming the existing tariff's dates, both when this check finds it and when the trigger
// catches a tariff added meanwhile. The current open-ended tariff is ended the day before the new one starts
// only when the administrator asks (endCurrent), in the same transaction. Billed months are not touched.

import { sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { addDays, compareLocalDates, type LocalDate, parseLocalDate } from "../../domain/local-date.ts";
import { firstDay, nextPeriod, type Period } from "../../domain/period.ts";
import { formatDate } from "../../i18n/format.ts";
import { defineMessages, format, inEveryLocale } from "../../i18n/messages.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { monthName } from "../documents/render/format.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { checkServed } from "../providers/served-services.ts";
import { dateParam } from "../windows/date-param.ts";
import { type BlockInput, checkTariffInput, ZONE_NAMES, type ZoneInput, zoneNames } from "./tariff-input.ts";
import { loadTariffViews, type TariffView } from "./tariff-view.ts";

export interface AddTariffInput {
  service: ServiceCode;
  settlementId: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  fixedFeeKop: number;
  normPerResident?: string | null;
  normPerM2?: string | null;
  blocks: BlockInput[];
  zones: ZoneInput[];
  source: string;
  /** End the current open-ended tariff the day before this one starts. */
  endCurrent?: boolean;
}

export interface AddedTariff {
  tariff: TariffView;
  /** The tariff ended the day before, when asked. */
  ended: { id: number; lastDay: string } | null;
}

const SPAN = defineMessages("tariffs: a span in a refusal", {
  open: { uk: "з {from}, безстроково", ru: "с {from}, бессрочно", en: "from {from}, with no end date" },
  closed: { uk: "з {from} по {last}", ru: "с {from} по {last}", en: "from {from} to {last}" },
});

interface Span {
  id: number;
  effective_from: string;
  effective_to: string | null;
}

function overlapError(existing: Span): AppError {
  const period = inEveryLocale((locale) => {
    const from = formatDate(String(existing.effective_from), locale);
    if (existing.effective_to === null) return format(SPAN.open, locale, { from });
    const last = formatDate(addDays(String(existing.effective_to) as LocalDate, -1), locale);
    return format(SPAN.closed, locale, { from, last });
  });
  return new AppError(
    "tariff_overlap",
    { period },
    {
      field: "effectiveFrom",
      tariffId: existing.id,
      existingFrom: String(existing.effective_from),
      existingTo: existing.effective_to === null ? null : String(existing.effective_to),
    },
  );
}

/** The tariffs of the same service and settlement whose spans meet [from, to). */
async function overlapping(
  db: Db | Tx,
  key: { providerId: number; service: ServiceCode; settlementId: number | null },
  from: LocalDate,
  to: LocalDate | null,
): Promise<Span[]> {
  let q = db
    .selectFrom("tariffs")
    .select(["id", "effective_from", "effective_to"])
    .where("provider_id", "=", key.providerId)
    .where("service_code", "=", key.service)
    .where((eb) =>
      key.settlementId === null
        ? eb("settlement_id", "is", null)
        : eb("settlement_id", "=", key.settlementId),
    )
    .where((eb) => eb.or([eb("effective_to", "is", null), eb("effective_to", ">", from)]));
  if (to !== null) q = q.where("effective_from", "<", to);
  return q.orderBy("effective_from").execute();
}

const TARIFF_LOCK = 7301;

const isOverlapViolation = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23P01";

export async function addTariff(
  deps: Deps,
  options: { actor: Actor; provider: string | number; tariff: AddTariffInput },
): Promise<AddedTariff> {
  const provider = await findProviderForActor(deps, options.actor, options.provider);
  const input = options.tariff;
  const { db } = deps.database;
  const from = parseLocalDate(input.effectiveFrom);
  const to = input.effectiveTo === null ? null : parseLocalDate(input.effectiveTo);
  if (to !== null && compareLocalDates(to, from) <= 0) {
    throw new AppError("tariff_dates_invalid", {}, { field: "effectiveTo" });
  }
  const source = input.source.trim();
  if (source === "") throw new AppError("tariff_source_missing", {}, { field: "source" });
  const checked = checkTariffInput(input);
  const key = { providerId: provider.id, service: input.service, settlementId: input.settlementId };
  await checkServed(db, key);
  await checkNotBilled(db, provider.id, from);
  await checkZonesCovered(db, provider.id, input.service, checked.zones);

  try {
    return await db.transaction().execute(async (trx) => {
      // One addition per provider at a time: the trigger cannot see another transaction's uncommitted tariff, so
      // without this two overlapping ones could both pass. Its key: this file's class number and the provider.
      await sql`select pg_advisory_xact_lock(${TARIFF_LOCK}, ${provider.id})`.execute(trx);
      const found = await overlapping(trx, key, from, to);
      let ended: AddedTariff["ended"] = null;
      const current = found[0];
      if (
        current &&
        input.endCurrent &&
        found.length === 1 &&
        current.effective_to === null &&
        String(current.effective_from) < from
      ) {
        await trx.updateTable("tariffs").set({ effective_to: from }).where("id", "=", current.id).execute();
        ended = { id: current.id, lastDay: addDays(from, -1) };
      } else if (current) {
        throw overlapError(current);
      }
      const { id } = await trx
        .insertInto("tariffs")
        .values({
          provider_id: provider.id,
          service_code: input.service,
          settlement_id: input.settlementId,
          effective_from: from,
          effective_to: to,
          fixed_fee_kop: input.fixedFeeKop,
          norm_per_resident: checked.normPerResident,
          norm_per_m2: checked.normPerM2,
          illustrative: false,
          source,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("tariff_blocks")
        .values(checked.blocks.map((b) => ({ tariff_id: id, ...b })))
        .execute();
      if (checked.zones.length > 0) {
        await trx
          .insertInto("tariff_zones")
          .values(checked.zones.map((z) => ({ tariff_id: id, ...z })))
          .execute();
      }
      const [tariff] = await loadTariffViews(trx, {
        providerId: provider.id,
        today: kyivDateOf(deps.now()),
        id,
      });
      return { tariff: tariff!, ended };
    });
  } catch (e) {
    if (!isOverlapViolation(e)) throw e;
    // The trigger saw a tariff this check did not (added meanwhile): the same refusal, naming it.
    const [existing] = await overlapping(db, key, from, to);
    throw existing
      ? overlapError(existing)
      : new AppError("tariff_overlap", { period: dateParam(from) }, { field: "effectiveFrom" });
  }
}

/** A tariff may not start in a month already billed and closed: its bills are issued and stay as they are. */
async function checkNotBilled(db: Db | Tx, providerId: number, from: LocalDate): Promise<void> {
  const last = await db
    .selectFrom("closed_periods")
    .select("period")
    .where("provider_id", "=", providerId)
    .orderBy("period", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!last) return;
  const closed = String(last.period).slice(0, 7) as Period;
  const open = firstDay(nextPeriod(closed));
  if (compareLocalDates(from, open) < 0) {
    const month = inEveryLocale((locale) => monthName(closed, locale));
    throw new AppError(
      "tariff_effective_closed",
      { month, from: dateParam(open) },
      { field: "effectiveFrom" },
    );
  }
}

/** The provider's multi-zone meters of the service need coefficients for their zones, or billing cannot price them. */
async function checkZonesCovered(
  db: Db | Tx,
  providerId: number,
  service: ServiceCode,
  zones: readonly ZoneInput[],
): Promise<void> {
  for (const kind of [2, 3] as const) {
    if (zones.some((z) => z.zones === kind)) continue;
    const meter = await db
      .selectFrom("meters")
      .select("id")
      .where("provider_id", "=", providerId)
      .where("service_code", "=", service)
      .where("zones", "=", kind)
      .where("removed_on", "is", null)
      .limit(1)
      .executeTakeFirst();
    if (meter) {
      throw new AppError(
        "tariff_zones_missing",
        { zones: kind, names: zoneNames(kind) },
        { field: `zones.${kind}.1`, expected: ZONE_NAMES[kind] },
      );
    }
  }
}
