// The account as the contact centre sees it: number, holder, address, provider, when it was opened (and closed),
// and the services its meters measure. Reached through the one scope check: another provider's account is
// "not found".

import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

type Names = { uk: string; ru: string; en: string };

export interface AccountDetails {
  id: number;
  number: string;
  holderName: string;
  provider: { id: number; code: string; name: Names };
  address: {
    settlement: Names;
    street: string;
    building: string;
    apartment: string | null;
    postalCode: string | null;
  };
  openedOn: string;
  closedOn: string | null;
  services: string[];
}

export async function viewAccount(
  deps: Deps,
  options: { actor: Actor; accountId: number },
): Promise<AccountDetails> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const [row, meters] = await Promise.all([
    db
      .selectFrom("accounts as a")
      .innerJoin("providers as pr", "pr.id", "a.provider_id")
      .innerJoin("premises as p", "p.id", "a.premise_id")
      .innerJoin("settlements as s", "s.id", "p.settlement_id")
      .select([
        "a.opened_on",
        "a.closed_on",
        "pr.code",
        "pr.name_uk",
        "pr.name_ru",
        "pr.name_en",
        "s.name_uk as s_uk",
        "s.name_ru as s_ru",
        "s.name_en as s_en",
        "p.street",
        "p.building",
        "p.apartment",
        "p.postal_code",
      ])
      .where("a.id", "=", account.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("meters")
      .select("service_code")
      .distinct()
      .where("account_id", "=", account.id)
      .where("removed_on", "is", null)
      .orderBy("service_code")
      .execute(),
  ]);
  return {
    id: account.id,
    number: account.number,
    holderName: account.holderName,
    provider: {
      id: account.providerId,
      code: row.code,
      name: { uk: row.name_uk, ru: row.name_ru, en: row.name_en },
    },
    address: {
      settlement: { uk: row.s_uk, ru: row.s_ru, en: row.s_en },
      street: row.street,
      building: row.building,
      apartment: row.apartment,
      postalCode: row.postal_code,
    },
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    services: meters.map((m) => m.service_code),
  };
}
