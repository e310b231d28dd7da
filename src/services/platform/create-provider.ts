// The platform administrator adds a provider: its code (in URLs and commands), its name in three languages, and
// the EDRPOU code and IBAN its residents pay to (checked: a wrong check digit would send money nowhere). Its
// first administrator is then invited (staff/invite-staff.ts).
import { isValidEdrpou } from "../../domain/edrpou.ts";
import { isValidUaIban, normalizeIban } from "../../domain/iban.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";

export interface NewProvider {
  code: string;
  nameUk: string;
  nameRu: string;
  nameEn: string;
  edrpou: string;
  iban: string;
}

const CODE = /^[a-z][a-z0-9-]{1,29}$/;

function name(text: string, field: string): string {
  const value = text.trim().replace(/\s+/g, " ");
  if (value.length === 0 || [...value].length > 200)
    throw new AppError("provider_name_invalid", {}, { field });
  return value;
}

export async function createProvider(deps: Deps, input: NewProvider): Promise<{ id: number; code: string }> {
  const code = input.code.trim().toLowerCase();
  if (!CODE.test(code)) throw new AppError("provider_code_invalid", {}, { field: "code" });
  const names = {
    uk: name(input.nameUk, "nameUk"),
    ru: name(input.nameRu, "nameRu"),
    en: name(input.nameEn, "nameEn"),
  };
  const edrpou = input.edrpou.trim();
  if (!isValidEdrpou(edrpou)) throw new AppError("edrpou_invalid", {}, { field: "edrpou" });
  const iban = normalizeIban(input.iban);
  // The account part may hold letters elsewhere; the providers table (and the NBU QR of bills) take digits only.
  if (!isValidUaIban(iban) || !/^UA\d{27}$/.test(iban))
    throw new AppError("iban_invalid", {}, { field: "iban" });
  const row = await deps.database.db
    .insertInto("providers")
    .values({ code, name_uk: names.uk, name_ru: names.ru, name_en: names.en, edrpou, iban })
    .onConflict((oc) => oc.column("code").doNothing())
    .returning(["id", "code"])
    .executeTakeFirst();
  if (!row) throw new AppError("provider_code_taken", { code }, { field: "code" });
  return row;
}
