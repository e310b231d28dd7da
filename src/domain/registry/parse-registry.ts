// A registry's text to rows, as it streams: CSV by csv-parse, each row's fields picked by the source's column
// mapping, with the line numbers and the raw text an operator sees in the file. A source may skip lines above the
// header (a bank's preamble) and lines below the payments (a totals line). A file whose CSV is broken (a quote
// never closed) or whose header lacks a required column cannot be read at all; a line with a bad value is still a
// row (the import reports it). Memory holds one record at a time, plus the few held back as possible totals lines.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, type Info, parse } from "csv-parse";
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

  async *rows(text: AsyncIterable<string> | Iterable<string>): AsyncGenerator<RegistryRow> {
    const { format } = this;
    const skipFirst = format.skipFirstLines;
    // Where the last whole record ended, as the parser read it (records it read before failing may never reach
    // the loop below): a broken one starts on the next line.
    let lastLine = 0;
    const parser = parse({
      delimiter: format.delimiter,
      record_delimiter: "\n",
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
      max_record_size: MAX_LINE_BYTES,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    });
    const feeding = pipeline(
      Readable.from(plainLines(text, skipFirst, this.summary.skipped), { objectMode: false }),
      parser,
    );
    feeding.catch(() => {}); // the same error reaches the loop below
    let index: Partial<Record<RegistryField, number>> | null = format.header ? null : this.positions();
    let anything = false;
    const held: RegistryRow[] = [];
    try {
      for await (const { record, raw, info } of parser as AsyncIterable<{
        record: string[];
        raw: string;
        info: Info;
      }>) {
        const breaks = record.reduce((n, f) => n + countBreaks(f), 0);
        const line = info.lines - breaks + skipFirst;
        if (record.every((f) => f.trim() === "")) {
          this.summary.blankLines += breaks + 1;
          continue;
        }
        anything = true;
        const text = raw.endsWith("\n") ? raw.slice(0, -1) : raw;
        if (index === null) {
          index = this.header(record, line);
          continue;
        }
        const values: Partial<Record<RegistryField, string>> = {};
        for (const f of this.summary.fields) values[f] = (record[index[f]!] ?? "").trim();
        held.push({ line, raw: text, values });
        if (held.length > format.skipLastLines) yield held.shift()!;
      }
      await feeding;
    } catch (e) {
      if (e instanceof CsvError) {
        const tooLong = e.code === "CSV_MAX_RECORD_SIZE";
        throw new RegistryFileError("registry_not_csv", {
          kind: tooLong ? "line_too_long" : "syntax",
          line: lastLine + skipFirst + 1,
        });
      }
      throw e;
    }
    if (!anything) throw new RegistryFileError("registry_empty");
    for (const row of held)
      this.summary.skipped.push({ line: row.line, raw: row.raw.slice(0, SKIPPED_RAW_CHARS) });
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
