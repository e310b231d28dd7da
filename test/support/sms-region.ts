// The readings region (readings-fixture.ts) made ready for texts to the short number: Olena's phone is a verified
// identity of hers, the water utility takes readings by SMS, the electricity supplier does not, and Olena's water
// account owes three months. The clock stands in the water utility's window (10th–25th).
import type { Database } from "../../src/db/database.ts";
import { ensurePeriodPartitions } from "../../src/db/period-partitions.ts";
import { createReadingsFixture, type ReadingsFixture } from "./readings-fixture.ts";

export const OLENA_PHONE = "+380671112233";
export const STRANGER_PHONE = "+380501234567";
export const SHORT_NUMBER = "7373";
/** 15 July 2019, noon in Kyiv: the water window is open, the electricity one closed. */
export const IN_WATER_WINDOW = new Date("2019-07-15T09:00:00Z");
export const WATER_ACCOUNT = "ВК0000001";

export async function createSmsRegion(database: Database): Promise<ReadingsFixture> {
  const fixture = await createReadingsFixture(database);
  const { db } = database;
  const olena = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", fixture.users.olena)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("identities")
    .values({
      user_id: olena.id,
      kind: "phone",
      external_id: OLENA_PHONE,
      verified_at: new Date("2019-01-01"),
    })
    .execute();
  await db
    .updateTable("providers")
    .set({ channels: ["web", "sms", "contact_centre"] })
    .where("id", "=", fixture.water)
    .execute();
  const periods = ["2019-04-01", "2019-05-01", "2019-06-01"];
  await ensurePeriodPartitions(db, "ledger_entries", periods);
  await db
    .insertInto("ledger_entries")
    .values(
      periods.map((period, i) => ({
        account_id: fixture.accounts.water,
        provider_id: fixture.water,
        service_code: "cold_water" as const,
        period,
        kind: "charge" as const,
        amount_kop: 10_000 + i * 1_050,
        entry_date: `2019-0${5 + i}-01`,
        source: "billing" as const,
        source_ref: `sms-test-${i}`,
      })),
    )
    .execute();
  return fixture;
}
