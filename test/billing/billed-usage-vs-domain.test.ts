// What the set-based run bills each meter zone on equals what the domain computes from the same readings, for
// every meter of a generated region (roll-overs, replacements, meters with gaps in their history): real use by
// domain/consumption.ts, estimates by domain/billing/estimation-rules.ts (estimateMonth) and norms by norms.ts;
// sewerage on the same volume as the cold-water meter it rides on.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ServiceCode } from "../../src/db/tables/reference.table.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import type { HistoryReading } from "../../src/domain/average-consumption.ts";
import { estimateMonth } from "../../src/domain/billing/estimation-rules.ts";
import { type HeatingSeason, normUseForMonth } from "../../src/domain/billing/norms.ts";
import { consumptionBetween } from "../../src/domain/consumption.ts";
import { parseLocalDate } from "../../src/domain/local-date.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import type { UtilityService } from "../../src/domain/plausibility.ts";
import { quantityFromNumeric } from "../../src/domain/quantity.ts";
import { billPeriod } from "../../src/services/billing/bill-period.ts";
import {
  heatingSeason,
  type LoadedTariff,
  loadTariffs,
  tariffsFor,
} from "../../src/services/billing/run/tariff-parts.ts";
import { forEachDatabase } from "../support/databases.ts";

const AS_OF = "2026-11-25";
const PERIOD = "2026-09";
const FIRST = `${PERIOD}-01`;

forEachDatabase(
  "billed usage equals the domain",
  (get) => {
    test("every meter zone of a generated region, billed for the first time", async () => {
      const { db } = get().database;
      const billed = await db
        .selectFrom("billed_usage as b")
        .leftJoin("meters as m", (j) =>
          j.onRef("m.account_id", "=", "b.account_id").onRef("m.id", "=", "b.meter_id"),
        )
        .innerJoin("accounts as a", "a.id", "b.account_id")
        .innerJoin("premises as p", "p.id", "a.premise_id")
        .select([
          "b.account_id",
          "b.meter_id",
          "b.zone",
          "b.service_code",
          "b.method",
          "b.quantity",
          "m.service_code as meter_service",
          "m.digits",
          "m.decimals",
          "m.installed_on",
          "a.provider_id",
          "p.residents",
          "p.area_m2",
          "p.settlement_id",
        ])
        .where("b.period", "=", FIRST)
        .execute();
      const readings = await db
        .selectFrom("readings")
        .select(["account_id", "meter_id", "zone", "value", "kind", "deemed_on", "period", "id"])
        .where("status", "in", ["accepted", "pending_review"])
        .where("period", "<=", FIRST)
        .orderBy("deemed_on")
        .orderBy("id")
        .execute();
      const history = new Map<string, typeof readings>();
      for (const r of readings) {
        const key = `${r.account_id}:${r.meter_id}:${r.zone}`;
        history.set(key, [...(history.get(key) ?? []), r]);
      }
      const providers = await db.selectFrom("providers").select("id").execute();
      const tariffs = new Map<number, LoadedTariff[]>();
      const seasons = new Map<number, HeatingSeason>();
      for (const p of providers) {
        tariffs.set(p.id, await loadTariffs(db, p.id));
        seasons.set(p.id, await heatingSeason(db, p.id));
      }
      // The month's norm from the tariffs in force in the premise's settlement (normUseForMonth).
      const normOf = (b: (typeof billed)[number]) =>
        normUseForMonth(
          parsePeriod(PERIOD),
          tariffsFor(tariffs.get(b.provider_id)!, b.service_code, b.settlement_id).map((t) => t.tariff),
          b.service_code,
          seasons.get(b.provider_id)!,
          { residents: b.residents, areaM2: b.area_m2 },
        );

      const counts: Record<string, number> = {};
      for (const b of billed) {
        if (b.meter_id === null) {
          // Unmetered: the norm (heating's only in the heating season).
          const expected = normOf(b);
          assert.equal(
            quantityFromNumeric(b.quantity),
            expected,
            `unmetered ${b.account_id} ${b.service_code}`,
          );
          counts["unmetered"] = (counts["unmetered"] ?? 0) + 1;
          continue;
        }
        const zone = history.get(`${b.account_id}:${b.meter_id}:${b.zone}`) ?? [];
        const dial = { digits: b.digits!, decimals: b.decimals! };
        const closing = zone
          .filter((r) => r.period === FIRST && (r.kind === "regular" || r.kind === "final"))
          .at(-1);
        const previous = zone
          .filter((r) => r.kind === "initial" || (r.kind === "regular" && r.period < FIRST))
          .at(-1);
        const what = `${b.service_code} ${b.account_id}/${b.meter_id}/${b.zone} ${b.method}`;
        if (b.method === "actual") {
          assert.ok(closing, what);
          const c = previous
            ? consumptionBetween(
                quantityFromNumeric(previous.value),
                quantityFromNumeric(closing.value),
                dial,
              )
            : { kind: "normal" as const, used: 0n };
          assert.notEqual(c.kind, "decrease", what);
          assert.equal(quantityFromNumeric(b.quantity), c.kind === "decrease" ? -1n : c.used, what);
        } else {
          const norm = normOf(b);
          const estimate = estimateMonth({
            service: b.service_code as UtilityService,
            period: parsePeriod(PERIOD),
            history: zone.map(
              (r): HistoryReading => ({
                deemedOn: parseLocalDate(r.deemed_on),
                value: quantityFromNumeric(r.value),
                kind: r.kind,
              }),
            ),
            meter: dial,
            monthsWithoutReading: 0,
            // A multi-zone meter gets the norm on zone 1; with no norm at all its zones are 'none'.
            norm: b.zone > 1 && norm !== null ? 0n : norm,
          });
          if (b.installed_on! >= FIRST) {
            assert.equal(b.method, "none", what);
          } else {
            const method =
              estimate.method === "planned_monthly_volume"
                ? "average"
                : estimate.method === "average_daily"
                  ? "average"
                  : estimate.method;
            assert.equal(b.method, method, what);
            assert.equal(quantityFromNumeric(b.quantity), estimate.used, what);
          }
        }
        counts[b.method] = (counts[b.method] ?? 0) + 1;
      }
      // Sewerage is billed on the cold-water meter's own rows, quantity for quantity.
      const water = new Map(
        billed
          .filter((b) => b.service_code === "cold_water" && b.meter_id !== null)
          .map((b) => [`${b.account_id}:${b.meter_id}:${b.zone}`, b]),
      );
      for (const s of billed.filter(
        (b) => b.service_code === ("sewerage" as ServiceCode) && b.meter_id !== null,
      )) {
        const w = water.get(`${s.account_id}:${s.meter_id}:${s.zone}`);
        assert.equal(s.quantity, w?.quantity);
        assert.equal(s.method, w?.method);
      }
      assert.ok((counts["actual"] ?? 0) > 300, JSON.stringify(counts));
      assert.ok((counts["average"] ?? 0) > 10, JSON.stringify(counts));
      assert.ok((counts["unmetered"] ?? 0) > 50, JSON.stringify(counts));
    });
  },
  async ({ database, deps, setNow }) => {
    await seedRegion(database, { accounts: 400, seed: 3, asOf: AS_OF });
    setNow("2026-11-29T10:00:00+02:00");
    for (const p of await database.db.selectFrom("providers").select("id").execute()) {
      await billPeriod(deps, { providerId: p.id, period: parsePeriod(PERIOD), startedBy: "test" });
    }
  },
);
