// People for the linking and money-view tests on the documents region: residents with passwords (Taras holds
// the single power account; the others hold nothing yet) and an operator of each of two providers.
import type { Database } from "../../src/db/database.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import type { DocumentsRegion } from "./documents-region.ts";

export const PEOPLE_PASSWORD = "household-of-four-2019";

export const PEOPLE = {
  taras: "taras@links.test",
  oksana: "oksana@links.test",
  guesser: "guesser@links.test",
  guesser2: "guesser2@links.test",
  guesser3: "guesser3@links.test",
  caller: "caller@links.test",
  powerOperator: "operator@power.test",
  heatOperator: "operator@heat.test",
} as const;

export type PersonIds = Record<keyof typeof PEOPLE, number>;

export async function addMoneyPeople(database: Database, region: DocumentsRegion): Promise<PersonIds> {
  const { db } = database;
  const hash = await hashPassword(PEOPLE_PASSWORD);
  const ids = {} as PersonIds;
  for (const [key, email] of Object.entries(PEOPLE) as [keyof typeof PEOPLE, string][]) {
    const row = await db
      .insertInto("users")
      .values({ email, phone: null, full_name: key, password_hash: hash })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[key] = row.id;
  }
  await db
    .insertInto("user_accounts")
    .values({ user_id: ids.taras, account_id: region.single, provider_id: region.power })
    .execute();
  await db
    .insertInto("staff_roles")
    .values([
      { user_id: ids.powerOperator, provider_id: region.power, role: "operator" },
      { user_id: ids.heatOperator, provider_id: region.heat, role: "operator" },
    ])
    .execute();
  return ids;
}
