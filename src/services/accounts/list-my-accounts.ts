// The accounts a resident has linked, at every provider, with provider and address.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

export interface AccountSummary {
  id: number;
  number: string;
  holderName: string;
  provider: { id: number; code: string; name: { uk: string; ru: string; en: string } };
  address: {
    settlement: { uk: string; ru: string; en: string };
    street: string;
    building: string;
    apartment: string | null;
  };
  services: string[];
}

export async function listMyAccounts(deps: Deps, options: { actor: Actor }): Promise<AccountSummary[]> {
  const { actor } = options;
  let q = deps.database.db
    .selectFrom("accounts as a")
    .innerJoin("providers as pr", "pr.id", "a.provider_id")
    .innerJoin("premises as p", "p.id", "a.premise_id")
    .innerJoin("settlements as s", "s.id", "p.settlement_id")
    .select((eb) => [
      "a.id",
      "a.number",
      "a.holder_name",
      "pr.id as provider_id",
      "pr.code as provider_code",
      "pr.name_uk",
      "pr.name_ru",
      "pr.name_en",
      "s.name_uk as s_uk",
      "s.name_ru as s_ru",
      "s.name_en as s_en",
      "p.street",
      "p.building",
      "p.apartment",
      eb
        .selectFrom("meters as m")
        .select((e) => e.fn.agg<string[]>("array_agg", ["m.service_code"]).distinct().as("services"))
        .whereRef("m.account_id", "=", "a.id")
        .where("m.removed_on", "is", null)
        .as("services"),
    ]);
  if (actor.kind === "resident") {
    q = q.innerJoin("user_accounts as ua", "ua.account_id", "a.id").where("ua.user_id", "=", actor.userId);
  } else {
    // Staff look accounts up by number (the console's search); here they see none by default.
    return [];
  }
  const rows = await q.orderBy("pr.id").orderBy("a.id").execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    holderName: r.holder_name,
    provider: {
      id: r.provider_id,
      code: r.provider_code,
      name: { uk: r.name_uk, ru: r.name_ru, en: r.name_en },
    },
    address: {
      settlement: { uk: r.s_uk, ru: r.s_ru, en: r.s_en },
      street: r.street,
      building: r.building,
      apartment: r.apartment,
    },
    services: r.services ?? [],
  }));
}
