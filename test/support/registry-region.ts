// A small region for registry tests: two providers with the demo's EDRPOU and IBAN (deu: electricity, voda: water),
// deu holding accounts T-1, T-2, T-3 and voda T-4, T-5 (BillingFixture's numbering).
import type { Database } from "../../src/db/database.ts";
import { BillingFixture } from "./billing-fixture.ts";

export const DEU = { code: "deu", edrpou: "42350012", iban: "UA483052990000026004000300001" };
export const VODA = { code: "voda", edrpou: "42350028", iban: "UA213052990000026004000300002" };

/** Ids by provider code and by account number. */
export async function registryRegion(database: Database): Promise<Record<string, number>> {
  const f = await BillingFixture.create(database);
  const ids: Record<string, number> = {};
  for (const p of [DEU, VODA]) {
    const id = await f.provider(p.code, []);
    await database.db
      .updateTable("providers")
      .set({ edrpou: p.edrpou, iban: p.iban })
      .where("id", "=", id)
      .execute();
    ids[p.code] = id;
  }
  const owners = ["deu", "deu", "deu", "voda", "voda"];
  for (const [i, code] of owners.entries()) ids[`T-${i + 1}`] = await f.account(ids[code]!);
  return ids;
}
