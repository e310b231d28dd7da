// Writes the region's reference data (towns, providers, windows, tariffs, news) and returns the ids it got.
import type { Tx } from "../db/database.ts";
import { kyivDateTime } from "../domain/kyiv-time.ts";
import { addDays, type LocalDate } from "../domain/local-date.ts";
import { demoNewsFor } from "./news.ts";
import { PROVIDERS, SETTLEMENTS, TARIFFS } from "./region.ts";

export interface ReferenceIds {
  settlementIds: Map<string, number>;
  providerIds: Map<string, number>;
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

/** `asOf`: the region's day (YYYY-MM-DD), which the news items are dated back from. */
export async function loadReference(trx: Tx, asOf: string): Promise<ReferenceIds> {
  const settlementIds = new Map<string, number>();
  for (const s of SETTLEMENTS) {
    const row = await trx
      .insertInto("settlements")
      .values({ code: s.code, name_uk: s.uk, name_ru: s.ru, name_en: s.en, spoken_aliases: s.aliases })
      .returning("id")
      .executeTakeFirstOrThrow();
    settlementIds.set(s.code, row.id);
  }
  const providerIds = new Map<string, number>();
  for (const p of PROVIDERS) {
    const { id } = await trx
      .insertInto("providers")
      .values({
        code: p.code,
        name_uk: p.uk,
        name_ru: p.ru,
        name_en: p.en,
        edrpou: p.edrpou,
        iban: p.iban,
        contact_phones: p.phones,
        channels: p.channels,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    providerIds.set(p.code, id);
    const hours: { line: "contact_centre" | "voice"; weekday: number; opens: string; closes: string }[] = [];
    for (const d of WEEKDAYS)
      hours.push({
        line: "contact_centre",
        weekday: d,
        opens: p.hours.weekdays[0],
        closes: p.hours.weekdays[1],
      });
    if (p.hours.saturday)
      hours.push({
        line: "contact_centre",
        weekday: 6,
        opens: p.hours.saturday[0],
        closes: p.hours.saturday[1],
      });
    if (p.hours.sunday)
      hours.push({ line: "contact_centre", weekday: 7, opens: p.hours.sunday[0], closes: p.hours.sunday[1] });
    if (p.voiceHours) {
      for (let d = 1; d <= 7; d++)
        hours.push({ line: "voice", weekday: d, opens: p.voiceHours[0], closes: p.voiceHours[1] });
    }
    await trx
      .insertInto("provider_hours")
      .values(hours.map((h) => ({ provider_id: id, ...h })))
      .execute();
    await trx
      .insertInto("provider_services")
      .values(
        p.services.flatMap((service) =>
          p.settlements.map((town) => ({
            provider_id: id,
            service_code: service,
            settlement_id: settlementIds.get(town)!,
          })),
        ),
      )
      .execute();
    await trx
      .insertInto("provider_news")
      .values(
        demoNewsFor(p).map((n, i) => ({
          provider_id: id,
          kind: n.kind,
          // Mid-morning in Kyiv.
          published_at: kyivDateTime(
            addDays(asOf as LocalDate, -n.daysBefore),
            `10:${String(i * 7).padStart(2, "0")}`,
          ),
          title_uk: n.title.uk,
          title_ru: n.title.ru,
          title_en: n.title.en,
          body_uk: n.body.uk,
          body_ru: n.body.ru,
          body_en: n.body.en,
        })),
      )
      .execute();
    await trx
      .insertInto("submission_windows")
      .values(
        p.windows.map((w) => ({
          provider_id: id,
          service_code: w.service,
          settlement_id: null,
          opens_day: w.opensDay,
          closes_day: w.closesDay,
          deemed_date_rule: w.deemedDateRule,
          late_policy: w.latePolicy,
          rule_source: w.source,
        })),
      )
      .execute();
  }
  for (const t of TARIFFS) {
    const { id } = await trx
      .insertInto("tariffs")
      .values({
        provider_id: providerIds.get(t.provider)!,
        service_code: t.service,
        settlement_id: null,
        effective_from: t.effectiveFrom,
        effective_to: null,
        fixed_fee_kop: t.fixedFeeKop ?? 0,
        norm_per_resident: t.normPerResident ?? null,
        norm_per_m2: t.normPerM2 ?? null,
        illustrative: t.illustrative,
        source: t.source,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("tariff_blocks")
      .values(
        t.blocks.map((b, i) => ({ tariff_id: id, position: i + 1, up_to: b.upTo, price_uah: b.priceUah })),
      )
      .execute();
    if (t.zones?.length) {
      await trx
        .insertInto("tariff_zones")
        .values(t.zones.map((z) => ({ tariff_id: id, ...z })))
        .execute();
    }
  }
  return { settlementIds, providerIds };
}
