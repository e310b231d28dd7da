// The database's consumption per meter and zone for a period equals what domain/consumption.ts computes from
// the same readings, for every meter of a generated region (roll-overs and replacements included).
import assert from "node:assert/strict";
import { test } from "node:test";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { consumptionBetween } from "../../src/domain/consumption.ts";
import { quantityFromNumeric, quantityToNumeric } from "../../src/domain/quantity.ts";
import { periodUsage } from "../../src/services/billing/period-usage.ts";
import { forEachDatabase } from "../support/databases.ts";

const AS_OF = "2026-11-25";

forEachDatabase(
  "period usage",
  (get) => {
    test("matches the domain's consumption for every meter and zone of every provider, month by month", async () => {
      const { db } = get().database;
      const providers = await db.selectFrom("providers").select("id").execute();
      const meters = new Map(
        (await db.selectFrom("meters").select(["account_id", "id", "digits", "decimals"]).execute()).map(
          (m) => [`${m.account_id}:${m.id}`, m],
        ),
      );
      let compared = 0;
      let rollovers = 0;
      const periods = [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
        "2026-09",
        "2026-10",
      ];
      for (const period of periods) {
        for (const p of providers) {
          const rows = await periodUsage(db, { providerId: p.id, period, accountFrom: 0, accountTo: 1e12 });
          for (const r of rows) {
            if (r.from_value === null) {
              assert.equal(r.used, null);
              continue;
            }
            const m = meters.get(`${r.account_id}:${r.meter_id}`)!;
            const c = consumptionBetween(
              quantityFromNumeric(r.from_value),
              quantityFromNumeric(r.to_value),
              m,
            );
            if (c.kind === "decrease") assert.equal(r.used, null);
            else {
              assert.equal(
                r.used === null ? null : quantityToNumeric(quantityFromNumeric(r.used)),
                quantityToNumeric(c.used),
              );
              assert.equal(r.rollover, c.kind === "rollover");
              if (r.rollover) rollovers++;
            }
            compared++;
          }
        }
      }
      assert.ok(compared > 500, `compared ${compared}`);
      assert.ok(rollovers > 0, "the region has meters that roll over");
    });
  },
  async ({ database }) => {
    await seedRegion(database, { accounts: 400, seed: 3, asOf: AS_OF });
  },
);
