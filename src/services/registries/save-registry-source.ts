// Creates a registry source or changes one: its provider, file format and column mapping. The result must be a
// valid format (domain/registry/registry-format.ts), else nothing changes. A source's name is its identity in the
// ledger (source_ref "<source>:<reference>"), so it is never renamed.
import {
  type ColumnMapping,
  type ColumnRef,
  DEFAULT_MAX_AMOUNT_KOP,
  type RegistryField,
  type RegistryFormat,
  registryFormatProblems,
} from "../../domain/registry/registry-format.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { SOURCE_NAME } from "./find-registry-source.ts";
import { loadRegistrySources, type RegistrySourceView } from "./registry-source-view.ts";

export interface SaveRegistrySourceOptions {
  name: string;
  description?: string;
  /** A provider's id; null unbinds the source (lines name their provider). */
  providerId?: number | null;
  encoding?: RegistryFormat["encoding"];
  delimiter?: string;
  decimalSeparator?: RegistryFormat["decimalSeparator"];
  dateFormat?: RegistryFormat["dateFormat"];
  header?: boolean;
  /** The largest amount one line may bring, in kopiykas. */
  maxAmountKop?: number;
  /** Lines at the top of each file that are not its table (a preamble), and lines at the bottom (a totals line). */
  skipFirstLines?: number;
  skipLastLines?: number;
  /** Changes to the mapping: a field to a column, or null to drop the field. */
  columns?: Partial<Record<RegistryField, ColumnRef | null>>;
}

const DEFAULT_FORMAT: RegistryFormat = {
  encoding: "auto",
  delimiter: ",",
  decimalSeparator: ".",
  dateFormat: "YYYY-MM-DD",
  header: true,
  columns: {},
  maxAmountKop: DEFAULT_MAX_AMOUNT_KOP,
  skipFirstLines: 0,
  skipLastLines: 0,
};

export async function saveRegistrySource(
  deps: Deps,
  options: SaveRegistrySourceOptions,
): Promise<{ source: RegistrySourceView; created: boolean }> {
  const name = options.name.trim();
  return deps.database.db.transaction().execute(async (trx) => {
    const [existing] = await loadRegistrySources(trx, name);
    const base = existing?.format ?? DEFAULT_FORMAT;
    const columns: ColumnMapping = { ...base.columns };
    for (const [field, ref] of Object.entries(options.columns ?? {})) {
      if (ref === null) delete columns[field as RegistryField];
      else columns[field as RegistryField] = ref;
    }
    const format: RegistryFormat = {
      encoding: options.encoding ?? base.encoding,
      delimiter: options.delimiter ?? base.delimiter,
      decimalSeparator: options.decimalSeparator ?? base.decimalSeparator,
      dateFormat: options.dateFormat ?? base.dateFormat,
      header: options.header ?? base.header,
      columns,
      maxAmountKop: options.maxAmountKop ?? base.maxAmountKop,
      skipFirstLines: options.skipFirstLines ?? base.skipFirstLines,
      skipLastLines: options.skipLastLines ?? base.skipLastLines,
    };
    const problems = registryFormatProblems(format);
    if (!SOURCE_NAME.test(name))
      problems.unshift("a name is 1 to 40 lowercase Latin letters, digits and '-', starting with a letter");
    if (problems.length > 0)
      throw new AppError(
        "registry_source_invalid",
        { source: name, problems: problems.join("; ") },
        { problems },
      );
    const row = {
      description: options.description ?? existing?.description ?? "",
      provider_id: options.providerId === undefined ? (existing?.provider?.id ?? null) : options.providerId,
      encoding: format.encoding,
      delimiter: format.delimiter,
      decimal_separator: format.decimalSeparator,
      date_format: format.dateFormat,
      header: format.header,
      columns: JSON.stringify(columns),
      max_amount_kop: format.maxAmountKop,
      skip_first_lines: format.skipFirstLines,
      skip_last_lines: format.skipLastLines,
    };
    if (existing) {
      await trx
        .updateTable("registry_sources")
        .set({ ...row, updated_at: deps.now() })
        .where("id", "=", existing.id)
        .execute();
    } else {
      await trx
        .insertInto("registry_sources")
        .values({ name, ...row, created_at: deps.now(), updated_at: deps.now() })
        .execute();
    }
    const [saved] = await loadRegistrySources(trx, name);
    return { source: saved!, created: !existing };
  });
}
