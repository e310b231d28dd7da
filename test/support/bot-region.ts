// The region the bots' tests talk about: the console's small billed region on 28 November 2026, when the
// electricity supplier's window is open; an account of it with a two-zone meter and nobody linked (a chat links
// it with the proof from the bill), and the demo resident (who links a chat by the cabinet's code).
import { sql } from "kysely";
import { DEMO_PEOPLE } from "../../src/demo/region.ts";
import type { Actor } from "../../src/services/actor.ts";
import type { Deps } from "../../src/services/deps.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { seedConsoleRegion } from "./console-region.ts";
import type { DbFixture } from "./databases.ts";

export const BOT_NOW = "2026-11-28T10:00:00+02:00";

export interface BotRegion {
  /** An unlinked account with a two-zone meter, open for readings. */
  account: { id: number; number: string; provider: string; amountDue: string; meterId: number };
  /** The two zones' last values. */
  lastValues: [string, string];
  resident: Actor;
  operator: Actor;
}

export async function seedBotRegion(fixture: DbFixture): Promise<BotRegion> {
  const { database, deps } = fixture;
  await seedConsoleRegion(database, deps);
  fixture.setNow(BOT_NOW);
  const { rows } = await sql<{ id: number; number: string; meter_id: number }>`
    select a.id, a.number, m.id as meter_id
    from accounts a
    join providers p on p.id = a.provider_id and p.code = 'deu'
    join meters m on m.account_id = a.id and m.zones = 2 and m.removed_on is null
    where not exists (select 1 from user_accounts ua where ua.account_id = a.id)
      and (select count(*) from meters x where x.account_id = a.id and x.removed_on is null) = 1
    order by a.id limit 1`.execute(database.db);
  const found = rows[0];
  if (!found) throw new Error("the region has no unlinked account with a single two-zone meter");
  const operator = await staffActor(deps, DEMO_PEOPLE.operator.email);
  const context = { actor: operator, channel: "contact_centre" as const, locale: "uk" as const };
  const bill = await callUseCase(deps, "lastBill", context, { accountId: found.id });
  const meters = await callUseCase(deps, "listAccountMeters", context, { accountId: found.id });
  const last = meters[0]!.lastReadings;
  const value = (zone: number) => last.find((r) => r.zone === zone)?.value ?? "0";
  const resident = await database.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_PEOPLE.resident.email)
    .executeTakeFirstOrThrow();
  return {
    account: {
      id: found.id,
      number: found.number,
      provider: "deu",
      amountDue: bill.amountDue.uah,
      meterId: found.meter_id,
    },
    lastValues: [value(1), value(2)],
    resident: { kind: "resident", userId: resident.id, locale: "uk" },
    operator,
  };
}

async function staffActor(deps: Deps, email: string): Promise<Actor> {
  const row = await deps.database.db
    .selectFrom("users as u")
    .innerJoin("staff_roles as r", "r.user_id", "u.id")
    .select(["u.id", "r.provider_id", "r.role"])
    .where("u.email", "=", email)
    .executeTakeFirstOrThrow();
  return {
    kind: "staff",
    userId: row.id,
    providerId: row.provider_id!,
    role: row.role as "operator" | "administrator",
    locale: "uk",
  };
}

/** A whole number a little above a dial's value (for a plausible reading). */
export function above(value: string, by: number): string {
  return String(Math.floor(Number(value)) + by);
}
