// A small region for registry tests: two providers with the demo's EDRPOU and IBAN (deu: electricity, voda: cold
// water and sewerage), deu holding accounts T-1, T-2, T-3 and voda T-4, T-5 (BillingFixture's numbering).
import { closeSync, openSync, writeSync } from "node:fs";
import type { Database } from "../../src/db/database.ts";
import { BillingFixture } from "./billing-fixture.ts";

export const DEU = {
  code: "deu",
  edrpou: "42350012",
  iban: "UA483052990000026004000300001",
  services: ["electricity"],
} as const;
export const VODA = {
  code: "voda",
  edrpou: "42350028",
  iban: "UA213052990000026004000300002",
  services: ["cold_water", "sewerage"],
} as const;

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
    await database.db
      .insertInto("provider_services")
      .values(p.services.map((service_code) => ({ provider_id: id, service_code, settlement_id: f.town })))
      .execute();
    ids[p.code] = id;
  }
  const owners = ["deu", "deu", "deu", "voda", "voda"];
  for (const [i, code] of owners.entries()) ids[`T-${i + 1}`] = await f.account(ids[code]!);
  return ids;
}

/**
 * A standard-format registry of `lines` payment lines to deu's T-1…T-3, written as it goes: the amount on line
 * `lines / 2 + 1` misspelt, and the last line repeating the first one's reference.
 */
export function writeLargeRegistry(path: string, lines: number): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, "reference,account,amount,paid_on,payer,provider_edrpou\n");
    let chunk = "";
    for (let i = 1; i < lines; i++) {
      const amount = i === lines / 2 ? "12.5O" : `${(i % 500) + 1}.25`;
      chunk += `L-${i},T-${(i % 3) + 1},${amount},2026-11-03,Платник ${i},${DEU.edrpou}\n`;
      if (chunk.length > 1 << 16) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, `${chunk}L-1,T-2,1.00,2026-11-03,Повтор,${DEU.edrpou}\n`);
  } finally {
    closeSync(fd);
  }
}
