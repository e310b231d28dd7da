// A registry source as services hand it out: its name, the provider it is bound to, and its file format.
import type { Db, Tx } from "../../db/database.ts";
import type { RegistrySource } from "../../db/tables/registries.table.ts";
import type { ColumnMapping, RegistryFormat } from "../../domain/registry/registry-format.ts";

export interface RegistrySourceView {
  id: number;
  name: string;
  description: string;
  /** null: each line names its provider by EDRPOU or IBAN. */
  provider: { id: number; code: string } | null;
  format: RegistryFormat;
  updatedAt: Date;
}

export function formatOf(row: RegistrySource): RegistryFormat {
  return {
    encoding: row.encoding,
    delimiter: row.delimiter,
    decimalSeparator: row.decimal_separator,
    dateFormat: row.date_format,
    header: row.header,
    columns: row.columns as ColumnMapping,
    maxAmountKop: row.max_amount_kop,
    skipFirstLines: row.skip_first_lines,
    skipLastLines: row.skip_last_lines,
  };
}

/** Every source (or the one named), by name, with its provider's code. */
export async function loadRegistrySources(db: Db | Tx, name?: string): Promise<RegistrySourceView[]> {
  let q = db
    .selectFrom("registry_sources as s")
    .leftJoin("providers as p", "p.id", "s.provider_id")
    .selectAll("s")
    .select("p.code as provider_code")
    .orderBy("s.name");
  if (name !== undefined) q = q.where("s.name", "=", name);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    provider:
      r.provider_id === null ? null : { id: r.provider_id, code: r.provider_code ?? String(r.provider_id) },
    format: formatOf(r),
    updatedAt: r.updated_at,
  }));
}
