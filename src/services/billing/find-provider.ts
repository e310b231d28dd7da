// A provider named the way people name it: by its code ("deu") or its id ("1"). The CLI, the scheduler and the
// billing API take either.
import type { Translated } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";

export interface ProviderRef {
  id: number;
  code: string;
  name: Translated;
}

/** The provider with this code or id, or null when there is none. */
export async function findProvider(deps: Deps, codeOrId: string | number): Promise<ProviderRef | null> {
  const text = String(codeOrId).trim();
  let q = deps.database.db.selectFrom("providers").select(["id", "code", "name_uk", "name_ru", "name_en"]);
  q = /^\d{1,9}$/.test(text) ? q.where("id", "=", Number(text)) : q.where("code", "=", text);
  const row = await q.executeTakeFirst();
  return row
    ? { id: row.id, code: row.code, name: { uk: row.name_uk, ru: row.name_ru, en: row.name_en } }
    : null;
}
