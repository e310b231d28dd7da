// `abonent document bill|statement`: an account's bill (PDF) or reconciliation statement (PDF or CSV) written to a
// file, the account named as the provider prints it. The file appears whole or not at all: it is written next to
// its name and renamed at the end.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Command, Option } from "commander";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { formatUah, kop } from "../../domain/money.ts";
import type { Period } from "../../domain/period.ts";
import { LOCALES, type Locale } from "../../i18n/locale.ts";
import { composeDeps } from "../../services/compose.ts";
import type { UseCaseContext } from "../../services/context.ts";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import { callUseCase } from "../../services/registry.ts";
import { cliContext } from "../cli-context.ts";
import { billingMonth, calendarDate } from "../options.ts";
import { UsageError } from "../usage-error.ts";

interface Common {
  account: string;
  provider: string;
  out: string;
  lang: Locale;
}

export function registerDocument(program: Command) {
  const document = program
    .command("document")
    .description(
      "Write an account's documents to files: the bill of a billed month, the reconciliation statement.",
    );
  const common = (c: Command) =>
    c
      .requiredOption(
        "--account <number>",
        'the account number as the provider prints it, e.g. "10-000123/4"',
      )
      .requiredOption("--provider <code-or-id>", "the provider the account is with")
      .requiredOption("--out <file>", "where to write the document")
      .addOption(new Option("--lang <lang>", "language of the document").choices(LOCALES).default("uk"));

  common(
    document
      .command("bill")
      .description("The bill of a billed month as PDF, with the NBU payment QR code.")
      .requiredOption("--period <YYYY-MM>", "the billed month", billingMonth),
  ).action(async (opts: Common & { period: Period }) => {
    await withAccount(opts, async (deps, context, accountId) => {
      const bill = await callUseCase(deps, "downloadBill", context, {
        accountId,
        period: opts.period,
        lang: opts.lang,
      });
      await writeFile(bill.content, opts.out);
      console.log(
        `${opts.out}: bill ${bill.period} of ${bill.accountNumber} (${bill.providerCode}), amount due ` +
          formatUah(kop(bill.amountDueKop), "en"),
      );
    });
  });

  common(
    document
      .command("statement")
      .description(
        "The reconciliation statement for a date range as PDF (or CSV): opening balance, every entry, closing balance.",
      )
      .requiredOption("--from <YYYY-MM-DD>", "the first day", calendarDate)
      .requiredOption("--to <YYYY-MM-DD>", "the last day", calendarDate)
      .option("--csv", "write CSV (UTF-8, comma-separated, amounts in UAH) instead of PDF", false),
  ).action(async (opts: Common & { from: string; to: string; csv: boolean }) => {
    await withAccount(opts, async (deps, context, accountId) => {
      const input = { accountId, from: opts.from, to: opts.to, lang: opts.lang };
      const statement = await callUseCase(
        deps,
        opts.csv ? "downloadStatementCsv" : "downloadStatement",
        context,
        input,
      );
      await writeFile(statement.content, opts.out);
      console.log(`${opts.out}: statement ${statement.from}..${statement.to} of ${statement.accountNumber}`);
    });
  });
}

async function withAccount(
  opts: Common,
  work: (deps: Deps, context: UseCaseContext, accountId: number) => Promise<void>,
): Promise<void> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    await migrate(database);
    const deps = await composeDeps({ database });
    const context = cliContext(opts.lang);
    const found = await callUseCase(deps, "findAccountByNumber", context, {
      provider: opts.provider,
      number: opts.account,
    }).catch((e: unknown) => {
      if (e instanceof AppError && (e.code === "not_found" || e.code === "validation_failed")) return null;
      throw e;
    });
    if (!found) throw new UsageError(`--provider: there is no provider "${opts.provider}"`);
    if (found.accountId === null) {
      throw new UsageError(`--account: ${found.provider.code} has no account "${opts.account}"`);
    }
    try {
      await work(deps, context, found.accountId);
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") {
        throw new UsageError(
          `${opts.account} at ${found.provider.code}: there is no such document (was the month billed?)`,
        );
      }
      if (e instanceof AppError) throw new UsageError(e.messageIn("en"));
      throw e;
    }
  } finally {
    await database.close();
  }
}

async function writeFile(content: Readable | Buffer, out: string): Promise<void> {
  const partial = `${out}.partial`;
  try {
    await pipeline(Buffer.isBuffer(content) ? Readable.from([content]) : content, createWriteStream(partial));
    await rename(partial, out);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}
