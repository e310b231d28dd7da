// A registry's text to rows, as it streams: CSV by csv-parse, each row's fields picked by the source's column
// mapping, with the line numbers and the raw text an operator sees in the file. A source may skip lines above the
// header (a bank's preamble) and lines below the payments (a totals line). A file whose CSV is broken (a quote
// never closed) or whose header lacks a required column cannot be read at all; a line with a bad value is still a
// row (the import reports it). Memory holds one record at a time, plus the few held back as possible totals lines.
import { finished } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { MAX_LINE_BYTES } from "./decode-registry.ts";
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

/** A line the source's settings say is not part of the table (a preamble, a totals line). */
export interface SkippedLine {
  line: number;
  /** Its text, cut to SKIPPED_RAW_CHARS. */
  raw: string;
}

export interface RegistrySummary {
  /** Lines with nothing in them (or only delimiters): not payments, counted, not kept. */
  blankLines: number;
  /** Our fields the file has a column for. */
  fields: RegistryField[];
  skipped: SkippedLine[];
}

const SKIPPED_RAW_CHARS = 300;

/** Header text compared as people see it: trimmed, spaces collapsed, any case. */
function headerKey(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("uk");
}

function describeRef(ref: ColumnRef): string {
  return typeof ref === "number" ? `#${ref}` : `"${ref}"`;
}

const countBreaks = (text: string) => {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
};

/**
 * One kind of line break (CRLF and a lone CR become LF), so the parser's line count matches the lines people
 * count; and the first `skip` lines taken off, whatever they hold.
 */
async function* plainLines(
  text: AsyncIterable<string> | Iterable<string>,
  skip: number,
  skipped: SkippedLine[],
): AsyncGenerator<string> {
  let carriageReturn = false;
  let pending = "";
  for await (const chunk of text) {
    let t = chunk;
    if (carriageReturn) t = `\r${t}`;
    carriageReturn = t.endsWith("\r");
    if (carriageReturn) t = t.slice(0, -1);
    t = t.replace(/\r\n?/g, "\n");
    while (skipped.length < skip && t !== "") {
      const end = t.indexOf("\n");
      if (end < 0) {
        pending += t.slice(0, SKIPPED_RAW_CHARS - pending.length);
        t = "";
      } else {
        skipped.push({
          line: skipped.length + 1,
          raw: (pending + t.slice(0, end)).slice(0, SKIPPED_RAW_CHARS),
        });
        pending = "";
        t = t.slice(end + 1);
      }
    }
    if (t !== "") yield t;
  }
  if (carriageReturn && skipped.length >= skip) yield "\n";
}

/** Reads one registry file in a source's format; `rows` yields its payment rows, then `summary` is complete. */
export class RegistryParser {
  readonly summary: RegistrySummary = { blankLines: 0, fields: [], skipped: [] };

  /**
   * @param needProvider the import knows no provider for its lines, so the file must have a column with the
   *   provider's EDRPOU or IBAN.
   */
  constructor(
    private readonly format: RegistryFormat,
    private readonly needProvider: boolean,
  ) {}

  /** The file's payment rows in file order, a chunk of text's worth at a time. */
  async *batches(text: AsyncIterable<string> | Iterable<string>): AsyncGenerator<RegistryRow[]> {
    const { format } = this;
    // Without csv-parse's per-record info (it costs as much as the parsing): a record starts on the line after
    // the one the previous record ended on, and its raw text says how many lines it spans.
    const parser = parse({
      delimiter: format.delimiter,
      record_delimiter: "\n",
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
      max_record_size: MAX_LINE_BYTES,
    });
    // Records arrive synchronously while a piece of text is written, so each piece's rows are complete when
    // write() returns, and a failure is known then too (parser.errored).
    const records: { record: string[]; raw: string }[] = [];
    parser.on("data", (r) => records.push(r));
    parser.on("error", () => {});
    let nextLine = format.skipFirstLines + 1;
    let index: Partial<Record<RegistryField, number>> | null = format.header ? null : this.positions();
    let anything = false;
    const held: RegistryRow[] = [];
    const failed = () => {
      const e = parser.errored;
      if (!e) return;
      if (!(e instanceof CsvError)) throw e;
      throw new RegistryFileError("registry_not_csv", {
        kind: e.code === "CSV_MAX_RECORD_SIZE" ? "line_too_long" : "syntax",
        line: nextLine,
      });
    };
    const take = (): RegistryRow[] => {
      const rows: RegistryRow[] = [];
      for (const { record, raw } of records) {
        const line = nextLine;
        nextLine += countBreaks(raw);
        if (record.every((f) => f.trim() === "")) {
          this.summary.blankLines += Math.max(1, countBreaks(raw));
          continue;
        }
        anything = true;
        if (index === null) {
          index = this.header(record, line);
          continue;
        }
        const values: Partial<Record<RegistryField, string>> = {};
        for (const f of this.summary.fields) values[f] = (record[index[f]!] ?? "").trim();
        held.push({ line, raw: raw.endsWith("\n") ? raw.slice(0, -1) : raw, values });
        if (held.length > format.skipLastLines) rows.push(held.shift()!);
      }
      records.length = 0;
      return rows;
    };
    for await (const piece of plainLines(text, format.skipFirstLines, this.summary.skipped)) {
      parser.write(piece);
      failed();
      const rows = take();
      if (rows.length > 0) yield rows;
    }
    parser.end();
    await finished(parser, { readable: false }).catch(() => {});
    failed();
    const rows = take();
    if (rows.length > 0) yield rows;
    if (!anything) throw new RegistryFileError("registry_empty");
    for (const row of held)
      this.summary.skipped.push({ line: row.line, raw: row.raw.slice(0, SKIPPED_RAW_CHARS) });
  }

  /** The file's payment rows one by one (tests, small files). */
  async *rows(text: AsyncIterable<string> | Iterable<string>): AsyncGenerator<RegistryRow> {
    for await (const batch of this.batches(text)) yield* batch;
  }

  /** Without a header row, every column is given by position. */
  private positions(): Partial<Record<RegistryField, number>> {
    const index: Partial<Record<RegistryField, number>> = {};
    for (const field of REGISTRY_FIELDS) {
      const ref = this.format.columns[field];
      if (typeof ref === "number") index[field] = ref - 1;
    }
    if (this.needProvider && index.provider_edrpou === undefined && index.provider_iban === undefined) {
      throw new RegistryFileError("registry_header_invalid", {
        missing: "provider_edrpou / provider_iban",
        header: "—",
        line: 1,
      });
    }
    this.summary.fields = REGISTRY_FIELDS.filter((f) => index[f] !== undefined);
    return index;
  }

  /** Where each of our fields is, by the header's names; refuses a header without the columns needed. */
  private header(record: string[], line: number): Partial<Record<RegistryField, number>> {
    const { format } = this;
    const keys = record.map(headerKey);
    const index: Partial<Record<RegistryField, number>> = {};
    const missing: string[] = [];
    for (const field of REGISTRY_FIELDS) {
      const ref = format.columns[field];
      if (ref === undefined) continue;
      const at = typeof ref === "number" ? ref - 1 : keys.indexOf(headerKey(ref));
      if (at >= 0 && at < keys.length) index[field] = at;
      else if ((REQUIRED_FIELDS as readonly string[]).includes(field))
        missing.push(`${field} (${describeRef(ref)})`);
    }
    if (this.needProvider && index.provider_edrpou === undefined && index.provider_iban === undefined) {
      const names = (["provider_edrpou", "provider_iban"] as const)
        .filter((f) => format.columns[f] !== undefined)
        .map((f) => `${f} (${describeRef(format.columns[f]!)})`);
      missing.push(names.length ? names.join(" / ") : "provider_edrpou / provider_iban");
    }
    if (missing.length > 0) {
      throw new RegistryFileError("registry_header_invalid", {
        missing: missing.join(", "),
        header: record.map((c) => c.trim()).join(format.delimiter === "\t" ? " | " : format.delimiter),
        line,
      });
    }
    this.summary.fields = REGISTRY_FIELDS.filter((f) => index[f] !== undefined);
    return index;
  }
}

/** A whole text at once (tests, small files): its rows and its summary. */
export async function parseRegistry(
  text: string,
  format: RegistryFormat,
  needProvider: boolean,
): Promise<RegistrySummary & { rows: RegistryRow[] }> {
  const parser = new RegistryParser(format, needProvider);
  const rows: RegistryRow[] = [];
  for await (const row of parser.rows([text])) rows.push(row);
  return { ...parser.summary, rows };
}
