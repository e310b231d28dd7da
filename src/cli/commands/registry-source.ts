// `abonent registry-source list|set`: the sources bank registries come from, and the format of each one's files
// (encoding, delimiter, decimal separator, date format, header row, which column holds which field).
import { type Command, InvalidArgumentError, Option } from "commander";
import { parseScaledDecimal } from "../../domain/decimal.ts";
import { formatUah, kop } from "../../domain/money.ts";
import {
  type ColumnRef,
  columnRef,
  DATE_FORMATS,
  DECIMAL_SEPARATORS,
  isRegistryField,
  MAX_SKIPPED_LINES,
  REGISTRY_ENCODINGS,
  REGISTRY_FIELDS,
  type RegistryField,
  type RegistryFormat,
} from "../../domain/registry/registry-format.ts";
import { AppError } from "../../services/errors.ts";
import type { RegistrySourceView } from "../../services/registries/registry-source-view.ts";
import { callUseCase } from "../../services/registry.ts";
import { cliContext } from "../cli-context.ts";
import { UsageError } from "../usage-error.ts";
import { withDeps } from "../with-deps.ts";

type ColumnChanges = Partial<Record<RegistryField, ColumnRef | null>>;

interface SetOptions {
  description?: string;
  provider?: string | false;
  encoding?: RegistryFormat["encoding"];
  delimiter?: string;
  decimalSeparator?: RegistryFormat["decimalSeparator"];
  dateFormat?: RegistryFormat["dateFormat"];
  header?: boolean;
  maxAmount?: number;
  skipFirst?: number;
  skipLast?: number;
  column: ColumnChanges;
}

/** "100000", "2 500.50": hryvnias to kopiykas, a positive amount. */
function hryvnias(raw: string): number {
  const value = parseScaledDecimal(raw.replace(/[ _\u00A0]/g, ""), 2);
  if (value === null || value <= 0n || value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new InvalidArgumentError("expected a positive amount of hryvnias, e.g. 100000 or 2500.50.");
  return Number(value);
}

function lineCount(raw: string): number {
  if (!/^\d{1,3}$/.test(raw.trim()) || Number(raw) > MAX_SKIPPED_LINES)
    throw new InvalidArgumentError(`expected a number of lines from 0 to ${MAX_SKIPPED_LINES}.`);
  return Number(raw);
}

/** "amount=Сума", "paid_on=4", "payer=" (drops the field). */
function columnChange(raw: string, previous: ColumnChanges): ColumnChanges {
  const at = raw.indexOf("=");
  const field = (at < 0 ? raw : raw.slice(0, at)).trim();
  if (at < 0 || !isRegistryField(field)) {
    throw new InvalidArgumentError(`expected FIELD=COLUMN with FIELD one of ${REGISTRY_FIELDS.join(", ")}.`);
  }
  const value = raw.slice(at + 1).trim();
  return { ...previous, [field]: value === "" ? null : columnRef(value) };
}

const DELIMITER_NAMES: Record<string, string> = { ",": ",", ";": ";", "|": "|", tab: "\t" };

function describe(s: RegistrySourceView): string {
  const f = s.format;
  const columns = REGISTRY_FIELDS.filter((field) => f.columns[field] !== undefined)
    .map((field) => {
      const ref = f.columns[field]!;
      return `${field}=${typeof ref === "number" ? ref : JSON.stringify(ref)}`;
    })
    .join(" ");
  const delimiter = f.delimiter === "\t" ? "tab" : f.delimiter;
  return [
    `${s.name}${s.description ? ` — ${s.description}` : ""}`,
    `  provider: ${s.provider ? s.provider.code : "per line (EDRPOU / IBAN)"}; encoding ${f.encoding}; ` +
      `delimiter ${delimiter}; decimal ${f.decimalSeparator}; dates ${f.dateFormat}; ` +
      `${f.header ? "header row" : "no header row"}`,
    `  at most ${formatUah(kop(f.maxAmountKop), "en")} a line` +
      (f.skipFirstLines ? `; skip ${f.skipFirstLines} line(s) at the top` : "") +
      (f.skipLastLines ? `; skip ${f.skipLastLines} line(s) at the bottom` : ""),
    `  columns: ${columns}`,
  ].join("\n");
}

export function registerRegistrySource(program: Command) {
  const command = program
    .command("registry-source")
    .description(
      "The sources bank payment registries come from, and the format of their files (docs/registries.md).",
    );

  command
    .command("list")
    .description("List the registry sources and their formats.")
    .option("--json", "one JSON object per source", false)
    .action(async (opts: { json: boolean }) => {
      const sources = await withDeps((deps) =>
        callUseCase(deps, "listRegistrySources", cliContext("en"), {}),
      );
      for (const s of sources) console.log(opts.json ? JSON.stringify(s) : describe(s));
    });

  command
    .command("set")
    .description("Create a registry source, or change one: only the options given change.")
    .argument("<name>", "the source's name: lowercase Latin letters, digits and '-'")
    .option("--description <text>", "what the source is (a bank, a payment service)")
    .option("--provider <code-or-id>", "every line of this source pays this provider")
    .option("--no-provider", "lines name their provider (EDRPOU or IBAN column)")
    .addOption(new Option("--encoding <encoding>", "the files' encoding").choices(REGISTRY_ENCODINGS))
    .addOption(new Option("--delimiter <char>", "the field delimiter").choices(Object.keys(DELIMITER_NAMES)))
    .addOption(new Option("--decimal-separator <char>", "in amounts").choices(DECIMAL_SEPARATORS))
    .addOption(new Option("--date-format <format>", "of the payment date").choices(DATE_FORMATS))
    .option("--header", "the first line names the columns")
    .option("--no-header", "no header row: columns are given by position")
    .option(
      "--max-amount <uah>",
      "the largest payment one line may bring, in hryvnias; a line above it is malformed (new sources: 100000)",
      hryvnias,
    )
    .option(
      "--skip-first <n>",
      "lines at the top of each file that are not its table, whatever they hold (a bank's preamble)",
      lineCount,
    )
    .option(
      "--skip-last <n>",
      "lines with something in them at the bottom of each file that are not payments (a totals line)",
      lineCount,
    )
    .option(
      "--column <field=column>",
      `which column holds a field, by header text or 1-based position; empty drops the field (repeatable). Fields: ${REGISTRY_FIELDS.join(", ")}`,
      columnChange,
      {},
    )
    .addHelpText(
      "after",
      `
Example: a bank's files in Windows-1251 with semicolons, for one provider:
  abonent registry-source set oschad-deu --provider deu --encoding windows-1251 --delimiter ";" \\
    --decimal-separator , --date-format DD.MM.YYYY --column reference="Номер документа" \\
    --column account="Особовий рахунок" --column amount="Сума" --column paid_on="Дата оплати"`,
    )
    .action(async (name: string, opts: SetOptions) => {
      await withDeps(async (deps) => {
        try {
          const { source, created } = await callUseCase(deps, "saveRegistrySource", cliContext("en"), {
            name,
            columns: opts.column,
            ...(opts.description === undefined ? {} : { description: opts.description }),
            ...(opts.provider === undefined
              ? {}
              : { provider: opts.provider === false ? null : opts.provider }),
            ...(opts.encoding ? { encoding: opts.encoding } : {}),
            ...(opts.delimiter ? { delimiter: DELIMITER_NAMES[opts.delimiter]! } : {}),
            ...(opts.decimalSeparator ? { decimalSeparator: opts.decimalSeparator } : {}),
            ...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}),
            ...(opts.header === undefined ? {} : { header: opts.header }),
            ...(opts.maxAmount === undefined ? {} : { maxAmountKop: opts.maxAmount }),
            ...(opts.skipFirst === undefined ? {} : { skipFirstLines: opts.skipFirst }),
            ...(opts.skipLast === undefined ? {} : { skipLastLines: opts.skipLast }),
          });
          console.log(`${created ? "created" : "updated"} ${describe(source)}`);
        } catch (e) {
          if (e instanceof AppError && e.code === "not_found" && typeof opts.provider === "string")
            throw new UsageError(`--provider: there is no provider "${opts.provider}"`);
          if (e instanceof AppError && e.code === "registry_source_invalid")
            throw new UsageError(e.messageIn("en"));
          throw e;
        }
      });
    });
}
