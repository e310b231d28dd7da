// Who a document is between: the provider (name, EDRPOU, IBAN) and the account (number, holder, address), read
// once per document after the access check.
import type { Db, Tx } from "../../db/database.ts";
import type { Translated } from "../../i18n/locale.ts";

export interface DocumentProvider {
  id: number;
  code: string;
  name: Translated;
  edrpou: string;
  iban: string;
}

export interface DocumentAccount {
  id: number;
  number: string;
  holderName: string;
  settlementId: number;
  address: {
    settlement: Translated;
    street: string;
    building: string;
    apartment: string | null;
    postalCode: string | null;
  };
}

export interface DocumentParties {
  provider: DocumentProvider;
  account: DocumentAccount;
}

export async function loadDocumentParties(db: Db | Tx, accountId: number): Promise<DocumentParties> {
  const r = await db
    .selectFrom("accounts as a")
    .innerJoin("providers as pr", "pr.id", "a.provider_id")
    .innerJoin("premises as p", "p.id", "a.premise_id")
    .innerJoin("settlements as s", "s.id", "p.settlement_id")
    .select([
      "a.id",
      "a.number",
      "a.holder_name",
      "p.settlement_id",
      "p.street",
      "p.building",
      "p.apartment",
      "p.postal_code",
      "s.name_uk as s_uk",
      "s.name_ru as s_ru",
      "s.name_en as s_en",
      "pr.id as provider_id",
      "pr.code",
      "pr.name_uk",
      "pr.name_ru",
      "pr.name_en",
      "pr.edrpou",
      "pr.iban",
    ])
    .where("a.id", "=", accountId)
    .executeTakeFirstOrThrow();
  return {
    provider: {
      id: r.provider_id,
      code: r.code,
      name: { uk: r.name_uk, ru: r.name_ru, en: r.name_en },
      edrpou: r.edrpou,
      iban: r.iban,
    },
    account: {
      id: r.id,
      number: r.number,
      holderName: r.holder_name,
      settlementId: r.settlement_id,
      address: {
        settlement: { uk: r.s_uk, ru: r.s_ru, en: r.s_en },
        street: r.street,
        building: r.building,
        apartment: r.apartment,
        postalCode: r.postal_code,
      },
    },
  };
}
