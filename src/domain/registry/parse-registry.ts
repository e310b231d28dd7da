// A registry's text to rows: CSV by csv-parse, each row's fields picked by the source's column mapping, with the
// line numbers and the raw text an operator sees in the file. A file whose CSV is broken (a quote never closed) or
// whose header lacks a required column cannot be read at all; a line with a bad value is still a row (the import
// reports it).
import { CsvError, parse } from "csv-parse/sync";
import { RegistryFileError } from "./registry-file-error.ts";
import {
  type ColumnRef,
  REGISTRY_FIELDS,
  REQUIRED_FIELDS,
  type RegistryField,
  type RegistryFormat,
} from "./registry-format.ts";

export interface RegistryRow {
  /** The 1-based line of the file the row starts on (the header, if any, is line 1). */
  line: number;
  /** The row's text as in the file (several lines when a quoted field holds a line break). */
  raw: string;
  /** Our fields, trimmed; a mapped column the row does not reach reads as "". */
  values: Partial<Record<RegistryField, string>>;
}

export interface ParsedRegistry {
  rows: RegistryRow[];
  /** Lines with nothing in them (or only delimiters): not payments, counted, not kept. */
  blankLines: number;
  /** Our fields the file has a column for. */
  fields: RegistryField[];
}

/** Header text compared as people see it: trimmed, spaces collapsed, any case. */
function headerKey(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("uk");
}

function describeRef(ref: ColumnRef): string {
  return typeof ref === "number" ? `#${ref}` : `"${ref}"`;
}

/**
 * @param needProvider the import knows no provider for its lines, so the file must have a column with the
 *   provider's EDRPOU or IBAN.
 */
export function parseRegistry(text: string, format: RegistryFormat, needProvider: boolean): ParsedRegistry {
  // One kind of line break, so the parser's line count matches the lines people count.
  const normalized = text.replace(/\r\n?/g, "\n");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true each record comes as { record, info }; the typings only know the plain form.
    records = parse(normalized, {
      delimiter: format.delimiter,
      record_delimiter: "\n",
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      // The broken record starts after the last one read (bytes_records counts UTF-8 bytes up to its end).
      const done = Buffer.from(normalized)
        .subarray(0, Number(e["bytes_records"] ?? 0))
        .toString();
      const line = (done.match(/\n/g)?.length ?? 0) + 1;
      throw new RegistryFileError("registry_not_csv", { kind: "syntax", line });
    }
    throw e;
  }
  const physical = normalized.split("\n");
  let blankLines = 0;
  const data: { line: number; raw: string; record: string[] }[] = [];
  for (const { record, info } of records) {
    const breaks = record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    const line = info.lines - breaks;
    if (record.every((f) => f.trim() === "")) {
      blankLines += breaks + 1;
      continue;
    }
    data.push({ line, raw: physical.slice(line - 1, info.lines).join("\n"), record });
  }
  if (data.length === 0) throw new RegistryFileError("registry_empty");

  const index: Partial<Record<RegistryField, number>> = {};
  let body = data;
  if (format.header) {
    const [header, ...rest] = data;
    body = rest;
    const keys = header!.record.map(headerKey);
    const missing: string[] = [];
    for (const field of REGISTRY_FIELDS) {
      const ref = format.columns[field];
      if (ref === undefined) continue;
      const at = typeof ref === "number" ? ref - 1 : keys.indexOf(headerKey(ref));
      if (at >= 0 && at < keys.length) index[field] = at;
      else if ((REQUIRED_FIELDS as readonly string[]).includes(field))
        missing.push(`${field} (${describeRef(ref)})`);
    }
    if (needProvider && index.provider_edrpou === undefined && index.provider_iban === undefined) {
      const names = (["provider_edrpou", "provider_iban"] as const)
        .filter((f) => format.columns[f] !== undefined)
        .map((f) => `${f} (${describeRef(format.columns[f]!)})`);
      missing.push(names.length ? names.join(" / ") : "provider_edrpou / provider_iban");
    }
    if (missing.length > 0) {
      throw new RegistryFileError("registry_header_invalid", {
        missing: missing.join(", "),
        header: header!.record
          .map((c) => c.trim())
          .join(format.delimiter === "\t" ? " | " : format.delimiter),
        line: header!.line,
      });
    }
  } else {
    for (const field of REGISTRY_FIELDS) {
      const ref = format.columns[field];
      if (typeof ref === "number") index[field] = ref - 1;
    }
    if (needProvider && index.provider_edrpou === undefined && index.provider_iban === undefined) {
      throw new RegistryFileError("registry_header_invalid", {
        missing: "provider_edrpou / provider_iban",
        header: "—",
        line: 1,
      });
    }
  }

  const fields = REGISTRY_FIELDS.filter((f) => index[f] !== undefined);
  const rows = body.map(({ line, raw, record }) => {
    const values: Partial<Record<RegistryField, string>> = {};
    for (const f of fields) values[f] = (record[index[f]!] ?? "").trim();
    return { line, raw, values };
  });
  return { rows, blankLines, fields };
}
