// How a source's registry files are laid out (docs/registries.md): our fields, where each one is in the file, and
// how the file writes text, numbers and dates. A source's format is configuration; this module says what a valid
// one is.
import { MAX_PAYMENT_KOP } from "../payments/order-status.ts";

/** What a registry line can tell us. The first four are required; the provider's EDRPOU or IBAN is required when
 * the source is not bound to one provider. */
export const REGISTRY_FIELDS = [
  "reference",
  "account",
  "amount",
  "paid_on",
  "payer",
  "provider_edrpou",
  "provider_iban",
  "period",
  "service",
] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];
export const REQUIRED_FIELDS = [
  "reference",
  "account",
  "amount",
  "paid_on",
] as const satisfies RegistryField[];

export const REGISTRY_ENCODINGS = ["utf-8", "windows-1251", "auto"] as const;
export type RegistryEncoding = (typeof REGISTRY_ENCODINGS)[number];
export const REGISTRY_DELIMITERS = [",", ";", "|", "\t"] as const;
export const DECIMAL_SEPARATORS = [".", ","] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];
export const DATE_FORMATS = ["YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "DD-MM-YYYY"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** A household pays no more at once: the limit card payments have too (100,000 UAH). */
export const DEFAULT_MAX_AMOUNT_KOP = MAX_PAYMENT_KOP;
/** How many lines a source may skip above the header or below the payments. */
export const MAX_SKIPPED_LINES = 100;

/** A column by its header text (compared trimmed and case-insensitively) or by its 1-based position. */
export type ColumnRef = string | number;
export type ColumnMapping = Partial<Record<RegistryField, ColumnRef>>;

export interface RegistryFormat {
  encoding: RegistryEncoding;
  delimiter: string;
  decimalSeparator: DecimalSeparator;
  dateFormat: DateFormat;
  /** The first line names the columns. Without one, every column is given by position. */
  header: boolean;
  columns: ColumnMapping;
  /** The largest amount one line may bring; a line above it is malformed (amount_too_large). */
  maxAmountKop: number;
  /** Lines at the top that are not the file's table (a bank's preamble: its name, the day), whatever they hold. */
  skipFirstLines: number;
  /** Lines with something in them at the bottom that are not payments (a totals line). */
  skipLastLines: number;
}

export function isRegistryField(name: string): name is RegistryField {
  return (REGISTRY_FIELDS as readonly string[]).includes(name);
}

/** What is wrong with a format, one sentence each (English: for administrators and logs); empty when valid. */
export function registryFormatProblems(format: RegistryFormat): string[] {
  const problems: string[] = [];
  if (!(REGISTRY_ENCODINGS as readonly string[]).includes(format.encoding))
    problems.push(`encoding must be one of ${REGISTRY_ENCODINGS.join(", ")}`);
  if (!(REGISTRY_DELIMITERS as readonly string[]).includes(format.delimiter))
    problems.push(`delimiter must be one of , ; | or a tab`);
  if (!(DECIMAL_SEPARATORS as readonly string[]).includes(format.decimalSeparator))
    problems.push(`decimal separator must be "." or ","`);
  if (format.decimalSeparator === format.delimiter)
    problems.push("the decimal separator cannot be the delimiter");
  if (!(DATE_FORMATS as readonly string[]).includes(format.dateFormat))
    problems.push(`date format must be one of ${DATE_FORMATS.join(", ")}`);
  if (!Number.isSafeInteger(format.maxAmountKop) || format.maxAmountKop < 1)
    problems.push("the amount limit must be a positive amount of hryvnias");
  for (const [name, n] of [
    ["lines to skip at the top", format.skipFirstLines],
    ["lines to skip at the bottom", format.skipLastLines],
  ] as const) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_SKIPPED_LINES)
      problems.push(`${name}: 0 to ${MAX_SKIPPED_LINES}`);
  }
  for (const [field, ref] of Object.entries(format.columns)) {
    if (ref === undefined) continue;
    if (!isRegistryField(field)) {
      problems.push(`unknown field "${field}" (fields: ${REGISTRY_FIELDS.join(", ")})`);
      continue;
    }
    if (typeof ref === "number") {
      if (!Number.isInteger(ref) || ref < 1 || ref > 500) problems.push(`${field}: a position is 1 to 500`);
    } else if (typeof ref !== "string" || ref.trim() === "") {
      problems.push(`${field}: a column is a header name or a position`);
    } else if (!format.header) {
      problems.push(`${field}: a file without a header row names its columns by position, not "${ref}"`);
    }
  }
  for (const field of REQUIRED_FIELDS)
    if (format.columns[field] === undefined) problems.push(`${field} is required`);
  return problems;
}

/** Reads "3" as the position 3 and anything else as a header name: how the CLI and the API take a mapping. */
export function columnRef(text: string): ColumnRef {
  const t = text.trim();
  return /^[1-9]\d{0,2}$/.test(t) ? Number(t) : t;
}
