// A small, hand-made region for the readings tests: two providers, windows with known edges, meters of every
// kind the rules care about, and people with passwords.
import type { Database } from "../../src/db/database.ts";
import { openAccount } from "../../src/services/accounts/open-account.ts";
import { hashPassword } from "../../src/services/auth/password.ts";

export const PASSWORD = "correct horse battery";

export interface ReadingsFixture {
  power: number;
  water: number;
  town: number;
  accounts: { olena: number; petro: number; water: number };
  meters: {
    single: number;
    twoZone: number;
    rollover: number;
    removed: number;
    overdue: number;
    replacement: number;
    water: number;
  };
  users: { olena: string; petro: string; operatorPower: string; operatorWater: string };
}

export async function createReadingsFixture(database: Database): Promise<ReadingsFixture> {
  const { db } = database;
  const hash = await hashPassword(PASSWORD);
  const town = (
    await db
      .insertInto("settlements")
      .values({ code: "dobropillia", name_uk: "Добропілля", name_ru: "Доброполье", name_en: "Dobropillia" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const provider = async (code: string, service: "electricity" | "cold_water") => {
    const id = (
      await db
        .insertInto("providers")
        .values({
          code,
          name_uk: code,
          name_ru: code,
          name_en: code,
          edrpou: "00032129",
          iban: "UA213223130000026007233566001",
          channels: ["web", "contact_centre"],
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto("provider_services")
      .values({ provider_id: id, service_code: service, settlement_id: town })
      .execute();
    return id;
  };
  const power = await provider("power", "electricity");
  const water = await provider("water", "cold_water");
  // Electricity: last 3 days of the month + 1st–2nd, deemed the 1st, late readings refused.
  // Water: 10th–25th, counted on the day, late readings accepted for the next window.
  await db
    .insertInto("submission_windows")
    .values([
      {
        provider_id: power,
        service_code: "electricity",
        settlement_id: null,
        opens_day: -3,
        closes_day: 2,
        deemed_date_rule: "first_of_month",
        late_policy: "refuse",
        rule_source: "NEURC No. 311",
      },
      {
        provider_id: water,
        service_code: "cold_water",
        settlement_id: null,
        opens_day: 10,
        closes_day: 25,
        deemed_date_rule: "submission_day",
        late_policy: "next_period",
        rule_source: "provider",
      },
    ])
    .execute();
  const premise = async () =>
    (
      await db
        .insertInto("premises")
        .values({ settlement_id: town, street: "вул. Миру", building: "1", area_m2: "50.00" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const account = async (providerId: number, number: string, normalized: string) =>
    openAccount(db, {
      provider_id: providerId,
      number,
      number_normalized: normalized,
      premise_id: await premise(),
      holder_name: "Абонент",
      opened_on: "2015-01-01",
    });
  const olenaAccount = await account(power, "12-345/6", "123456");
  const petroAccount = await account(power, "77-777/7", "777777");
  const waterAccount = await account(water, "ВК0000001", "BK0000001");

  const meter = async (
    accountId: number,
    providerId: number,
    serial: string,
    extra: Partial<{
      zones: number;
      digits: number;
      decimals: number;
      verification_due: string;
      installed_on: string;
      removed_on: string;
      replaces_meter_id: number;
      service_code: "electricity" | "cold_water";
    }> = {},
  ) =>
    (
      await db
        .insertInto("meters")
        .values({
          account_id: accountId,
          provider_id: providerId,
          service_code: "electricity",
          serial,
          digits: 5,
          installed_on: "2015-01-01",
          verification_due: "2030-01-01",
          ...extra,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const single = await meter(olenaAccount, power, "SINGLE", { decimals: 1 });
  const twoZone = await meter(olenaAccount, power, "TWOZONE", { zones: 2 });
  const rollover = await meter(olenaAccount, power, "ROLL");
  const removed = await meter(olenaAccount, power, "OLD", { removed_on: "2019-06-15" });
  const replacement = await meter(olenaAccount, power, "NEW", {
    installed_on: "2019-06-15",
    replaces_meter_id: removed,
  });
  const overdue = await meter(olenaAccount, power, "OVERDUE", { verification_due: "2019-01-01" });
  const waterMeter = await meter(waterAccount, water, "WATER", { service_code: "cold_water", decimals: 3 });

  let n = 0;
  const reading = async (
    accountId: number,
    providerId: number,
    meterId: number,
    zone: number,
    value: string,
    deemedOn: string,
    kind: "initial" | "regular" | "final" = "regular",
  ) => {
    n++;
    await db
      .insertInto("readings")
      .values({
        account_id: accountId,
        provider_id: providerId,
        meter_id: meterId,
        zone,
        value,
        kind,
        taken_at: new Date(`${deemedOn}T09:00:00Z`),
        submitted_at: new Date(`${deemedOn}T09:00:00Z`),
        deemed_on: deemedOn,
        period: kind === "regular" ? `${addMonths(deemedOn, -1)}-01` : `${deemedOn.slice(0, 7)}-01`,
        channel: "import",
        actor_user_id: null,
        submission_id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
        receipt: "SEED-0000",
        raw_input: value,
        status: "accepted",
      })
      .execute();
  };
  // Monthly history: about 150 kWh a month on the single meter, ending 12 345.0 on 1 July 2019.
  for (let m = 0; m < 6; m++) {
    const date = `2019-0${m + 2}-01`;
    await reading(olenaAccount, power, single, 1, String(12345 - (5 - m) * 150), date);
    await reading(olenaAccount, power, twoZone, 1, String(5000 + m * 100), date);
    await reading(olenaAccount, power, twoZone, 2, String(3000 + m * 50), date);
    await reading(olenaAccount, power, rollover, 1, String(99450 + m * 100), date);
  }
  await reading(olenaAccount, power, removed, 1, "12000", "2019-06-15", "final");
  await reading(olenaAccount, power, replacement, 1, "5", "2019-06-15", "initial");
  await reading(waterAccount, water, waterMeter, 1, "100.000", "2019-06-15", "initial");

  const user = async (
    email: string,
    fullName: string,
    accounts: { id: number; provider: number }[],
    role?: { provider: number },
  ) => {
    const id = (
      await db
        .insertInto("users")
        .values({ email, full_name: fullName, password_hash: hash })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    for (const a of accounts)
      await db
        .insertInto("user_accounts")
        .values({ account_id: a.id, user_id: id, provider_id: a.provider })
        .execute();
    if (role)
      await db
        .insertInto("staff_roles")
        .values({ user_id: id, provider_id: role.provider, role: "operator" })
        .execute();
    return email;
  };
  return {
    power,
    water,
    town,
    accounts: { olena: olenaAccount, petro: petroAccount, water: waterAccount },
    meters: { single, twoZone, rollover, removed, overdue, replacement, water: waterMeter },
    users: {
      olena: await user("olena@example.org", "Олена", [
        { id: olenaAccount, provider: power },
        { id: waterAccount, provider: water },
      ]),
      petro: await user("petro@example.org", "Петро", [{ id: petroAccount, provider: power }]),
      operatorPower: await user("operator@power.example.org", "Оператор", [], { provider: power }),
      operatorWater: await user("operator@water.example.org", "Оператор води", [], { provider: water }),
    },
  };
}

function addMonths(date: string, n: number): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** A fixture user's id, by the e-mail it was made with. */
export async function userIdByEmail(database: Database, email: string): Promise<number> {
  const row = await database.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return row.id;
}
