// The named sign-ins the README lists: a resident with accounts at several providers, staff of the
// electricity supplier, and a platform administrator.
import { sql } from "kysely";
import type { Tx } from "../db/database.ts";
import { hashPassword } from "../services/auth/password.ts";
import type { ReferenceIds } from "./load-reference.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "./region.ts";

export async function createDemoPeople(trx: Tx, ids: ReferenceIds): Promise<void> {
  // Generated residents took ids equal to their premises; named people come after them.
  await sql`select setval(pg_get_serial_sequence('users', 'id'), greatest((select max(id) from users), 1))`.execute(
    trx,
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  const add = async (email: string, fullName: string, phone: string | null = null) =>
    (
      await trx
        .insertInto("users")
        .values({ email, full_name: fullName, phone, password_hash: hash, locale: "uk" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

  const r = DEMO_PEOPLE.resident;
  const residentId = await add(r.email, r.fullName, r.phone);
  // The household with the most accounts (electricity, water, heat…), preferring a multi-zone meter.
  const premise = await trx
    .selectFrom("accounts as a")
    .innerJoin("meters as m", "m.account_id", "a.id")
    .select(["a.premise_id"])
    .groupBy("a.premise_id")
    .orderBy(sql`count(distinct a.id)`, "desc")
    .orderBy(sql`max(m.zones)`, "desc")
    .orderBy("a.premise_id")
    .limit(1)
    .executeTakeFirst();
  if (premise) {
    // Her household's accounts are in her name, as the bills print it: surname first.
    await trx
      .updateTable("accounts")
      .set({ holder_name: r.holderName })
      .where("premise_id", "=", premise.premise_id)
      .execute();
    await trx
      .insertInto("user_accounts")
      .columns(["account_id", "user_id", "provider_id"])
      .expression((eb) =>
        eb
          .selectFrom("accounts")
          .select(["id", eb.val(residentId).as("user_id"), "provider_id"])
          .where("premise_id", "=", premise.premise_id),
      )
      .execute();
  }

  const deu = ids.providerIds.get(DEMO_PEOPLE.operator.provider)!;
  const operatorId = await add(DEMO_PEOPLE.operator.email, DEMO_PEOPLE.operator.fullName);
  const adminId = await add(DEMO_PEOPLE.administrator.email, DEMO_PEOPLE.administrator.fullName);
  const platformId = await add(DEMO_PEOPLE.platformAdmin.email, DEMO_PEOPLE.platformAdmin.fullName);
  await trx
    .insertInto("staff_roles")
    .values([
      { user_id: operatorId, provider_id: deu, role: "operator" },
      { user_id: adminId, provider_id: deu, role: "administrator" },
      { user_id: platformId, provider_id: null, role: "platform_admin" },
    ])
    .execute();
}
