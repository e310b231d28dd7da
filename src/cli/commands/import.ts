// `abonent import payments FILE --source NAME`: a bank's payment registry into the ledger, in one transaction, with
// a report: what was posted, and every line that was not (duplicate, unmatched, malformed) with its reason.
import { accessSync, constants, createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { type Command, Option } from "commander";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { formatUah, kop, uahString } from "../../domain/money.ts";
import { REGISTRY_ENCODINGS, type RegistryEncoding } from "../../domain/registry/registry-format.ts";
import { LOCALES, type Locale } from "../../i18n/locale.ts";
import { bindMessages } from "../../i18n/messages.ts";
import { composeDeps } from "../../services/compose.ts";
import { AppError } from "../../services/errors.ts";
import type { RegistryReport } from "../../services/registries/import-payment-registry.ts";
import { callUseCase } from "../../services/registry.ts";
import { cliContext } from "../cli-context.ts";
import { CommandOutcome, EXIT } from "../exit-codes.ts";
import { CLI_LOCALE, CLI_MESSAGES } from "../messages.ts";
import { UsageError } from "../usage-error.ts";

interface ImportPaymentsOptions {
  source: string;
  provider?: string;
  encoding?: RegistryEncoding;
  again: boolean;
  json: boolean;
  lang: Locale;
}

export function registerImport(program: Command) {
  const command = program
    .command("import")
    .description("Import files from outside: bank payment registries.");

  command
    .command("payments")
    .description(
      "Import a bank payment registry (CSV) in one transaction: each line is posted to its account's ledger, or " +
        "kept and reported as a duplicate, unmatched or malformed line. Formats: docs/registries.md.",
    )
    .argument("<file>", "the registry file")
    .requiredOption("--source <name>", 'the registry source whose format the file is in (e.g. "standard")')
    .option(
      "--provider <code-or-id>",
      "import for this provider only: lines for another provider are unmatched",
    )
    .addOption(
      new Option(
        "--encoding <encoding>",
        "read the file in this encoding this once, instead of the source's",
      ).choices(REGISTRY_ENCODINGS),
    )
    .option(
      "--again",
      "import a file already imported from this source (what was posted is a duplicate now)",
      false,
    )
    .option("--json", "print the report as one JSON object on stdout", false)
    .addOption(
      new Option("--lang <lang>", "language of the report's messages (the command line speaks English)")
        .choices(LOCALES)
        .default("en"),
    )
    .addHelpText(
      "after",
      `
Exit codes:
  ${EXIT.ok}   the file was imported (lines not posted are in the report and kept in the database)
  ${EXIT.failed}   unexpected failure (e.g. the database is unreachable); nothing was imported
  ${EXIT.usage}   bad usage: no such file, an unknown source or provider
  ${EXIT.registryRefused}   the file was refused: empty, not CSV, a required column missing, not in the source's encoding
  ${EXIT.registryAlreadyImported}   this file was already imported from the source (use --again to import it again)
  ${EXIT.config}  bad configuration (an environment variable)
Nothing is written for a refused file; an imported file is written whole (one transaction).`,
    )
    .action(async (file: string, opts: ImportPaymentsOptions) => {
      // The file is streamed (twice: to check it, then to import it), never held whole in memory.
      try {
        accessSync(file, constants.R_OK);
        if (statSync(file).isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
      } catch (e) {
        throw new UsageError(
          `${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? "error"})`,
        );
      }
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      let exitCode: number = EXIT.ok;
      try {
        await migrate(database);
        const deps = await composeDeps({ database });
        try {
          const report = await callUseCase(deps, "importPaymentRegistry", cliContext(opts.lang), {
            source: opts.source,
            fileName: basename(file),
            content: () => createReadStream(file, { highWaterMark: 1 << 16 }),
            again: opts.again,
            ...(opts.provider === undefined ? {} : { provider: opts.provider }),
            ...(opts.encoding ? { encoding: opts.encoding } : {}),
          });
          if (opts.json)
            console.log(JSON.stringify({ ...report, postedUah: uahString(kop(report.postedKop)) }));
          else console.log(describe(report, opts.lang));
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          if (opts.provider !== undefined && e.code === "not_found")
            throw new UsageError(`--provider: there is no provider "${opts.provider}"`);
          if (e.code === "registry_source_unknown")
            throw new UsageError(`--source: ${e.messageIn(opts.lang)}`);
          console.error(`abonent: ${e.messageIn(opts.lang)}`);
          if (opts.json)
            console.log(
              JSON.stringify({
                error: { code: e.code, message: e.messageIn(opts.lang), details: e.details },
              }),
            );
          exitCode =
            e.code === "registry_already_imported" ? EXIT.registryAlreadyImported : EXIT.registryRefused;
        }
      } finally {
        await database.close();
      }
      if (exitCode !== EXIT.ok) throw new CommandOutcome(exitCode);
    });
}

function describe(r: RegistryReport, locale: Locale): string {
  const t = bindMessages(CLI_MESSAGES, CLI_LOCALE);
  const encoding = r.encoding === "utf-8" ? "UTF-8" : "Windows-1251";
  const row = (label: string, n: number, amount?: number) =>
    `  ${label.padEnd(12)}${String(n).padStart(7)}${amount === undefined ? "" : formatUah(kop(amount), locale).padStart(20)}`;
  const out = [
    t.registryHeading({
      file: r.fileName,
      source: r.source,
      registryId: r.registryId,
      encoding,
      detected: r.encodingDetected ? "yes" : "no",
    }),
    row(t.lines(), r.lines),
    row(t.posted(), r.posted, r.postedKop),
    row(t.duplicates(), r.duplicates),
    row(t.unmatched(), r.unmatched),
    row(t.malformed(), r.malformed),
  ];
  if (r.blankLines > 0) out.push(`  ${t.blankLines({ n: r.blankLines })}`);
  for (const s of r.skippedLines) out.push(`  ${t.skippedLine({ line: s.line, raw: s.raw })}`);
  if (r.problems.length === 0) return out.join("\n");
  const table = r.problems.map((p) => [
    String(p.line),
    p.outcome,
    p.reason,
    p.reference ?? "",
    p.amountKop === null ? "" : formatUah(kop(p.amountKop), locale),
    p.message,
  ]);
  const head = t.problemColumns().split(",");
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => [...t[i]!].length)));
  const fmt = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c + " ".repeat(widths[i]! - [...c].length))).join("  ")}`;
  const total = r.problems.length + r.problemsNotListed;
  out.push("", t.notPosted({ n: total }), fmt(head));
  for (const row of table) out.push(fmt(row));
  if (r.problemsNotListed > 0)
    out.push(`  ${t.moreNotPosted({ n: r.problemsNotListed, registryId: r.registryId })}`);
  return out.join("\n");
}
