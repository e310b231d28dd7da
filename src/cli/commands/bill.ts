// `abonent bill --period YYYY-MM [--provider CODE_OR_ID]`: the monthly billing run from the command line, for one
// provider or every provider in turn, with a progress bar on stderr and a summary (or JSON) on stdout.
import { type Command, Option } from "commander";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { formatUah, kop, uahString } from "../../domain/money.ts";
import { nextPeriod, type Period } from "../../domain/period.ts";
import { LOCALES, type Locale } from "../../i18n/locale.ts";
import { bindMessages } from "../../i18n/messages.ts";
import type { BillingRunSummary } from "../../services/billing/bill-period.ts";
import type { ProviderRef } from "../../services/billing/find-provider.ts";
import { composeDeps } from "../../services/compose.ts";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import { callUseCase } from "../../services/registry.ts";
import { cliContext } from "../cli-context.ts";
import { CommandOutcome, EXIT } from "../exit-codes.ts";
import { CLI_LOCALE, CLI_MESSAGES } from "../messages.ts";
import { billingMonth, wholeNumber } from "../options.ts";
import { progressBar } from "../progress-bar.ts";
import { UsageError } from "../usage-error.ts";

interface BillOptions {
  period: Period;
  provider?: string;
  json: boolean;
  lang: Locale;
  batchSize?: number;
}

export function registerBill(program: Command) {
  program
    .command("bill")
    .description(
      "Bill a month: charges from readings, estimates, recalculations and planned payments for every account of " +
        "a provider (or of every provider in turn); the month is then closed.",
    )
    .requiredOption("--period <YYYY-MM>", "the month to bill; it must be over (Kyiv time)", billingMonth)
    .option("--provider <code-or-id>", "bill this provider only (default: every provider in turn)")
    .option("--json", "print one JSON object per provider on stdout instead of the summary", false)
    .addOption(
      new Option("--lang <lang>", "language of refusals and amounts (the command line speaks English)")
        .choices(LOCALES)
        .default("en"),
    )
    .option("--batch-size <n>", "accounts per transaction (default 20000)", wholeNumber(100, 1_000_000))
    .addHelpText(
      "after",
      `
Exit codes:
  ${EXIT.ok}   every provider billed
  ${EXIT.failed}   unexpected failure (e.g. the database is unreachable)
  ${EXIT.usage}   bad usage: a malformed option or an unknown provider
  ${EXIT.periodClosed}   the month is already billed and closed (for a provider; the others are still billed)
  ${EXIT.refused}   billing refused: the month is not over, or before the last closed month or the first tariff;
      a run is in progress; a tariff is missing or invalid
  ${EXIT.dataDirLocked}  the embedded database is in use by another process (the message names it)
  ${EXIT.config}  bad configuration (an environment variable)
When several providers end differently, the highest code but ${EXIT.config} wins (${EXIT.refused} over ${EXIT.periodClosed} over ${EXIT.ok}).`,
    )
    .action(async (opts: BillOptions) => {
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      let exitCode: number = EXIT.ok;
      try {
        await migrate(database);
        const deps = await composeDeps({ database });
        for (const provider of await chooseProviders(deps, opts.provider, opts.lang)) {
          exitCode = Math.max(exitCode, await billOne(deps, provider, opts));
        }
      } finally {
        await database.close();
      }
      if (exitCode !== EXIT.ok) throw new CommandOutcome(exitCode);
    });
}

async function chooseProviders(deps: Deps, wanted: string | undefined, lang: Locale): Promise<ProviderRef[]> {
  const context = cliContext(lang);
  if (wanted === undefined) {
    const all = await callUseCase(deps, "listProviders", context, {});
    if (all.length === 0)
      throw new UsageError("the database holds no providers (load them first, e.g. abonent seed)");
    return all;
  }
  const provider = await callUseCase(deps, "getProvider", context, { provider: wanted }).catch(
    (e: unknown) => {
      if (e instanceof AppError && (e.code === "not_found" || e.code === "validation_failed")) return null;
      throw e;
    },
  );
  if (!provider) {
    const known = (await callUseCase(deps, "listProviders", context, {})).map((p) => p.code);
    throw new UsageError(
      `--provider: there is no provider "${wanted}"` + (known.length ? ` (known: ${known.join(", ")})` : ""),
    );
  }
  return [provider];
}

/** Bills one provider's month and reports it; the exit code of its outcome. */
async function billOne(deps: Deps, provider: ProviderRef, opts: BillOptions): Promise<number> {
  const bar = progressBar(`${provider.code} ${opts.period}`, "accounts");
  let barStarted = false;
  try {
    const progress = (done: number, total: number) => {
      if (!barStarted) {
        bar.start(total, done);
        barStarted = true;
      } else bar.update(done);
    };
    const summary = await callUseCase(deps, "billPeriod", cliContext(opts.lang, progress), {
      provider: String(provider.id),
      period: opts.period,
      ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    });
    bar.stop();
    if (opts.json)
      console.log(
        JSON.stringify({ provider: provider.code, ...summary, totalUah: uahString(kop(summary.totalKop)) }),
      );
    else console.log(describe(provider, summary, opts.lang));
    return EXIT.ok;
  } catch (e) {
    bar.stop();
    if (!(e instanceof AppError)) throw e;
    console.error(`abonent: ${provider.code}: ${e.messageIn(opts.lang)}`);
    if (opts.json) {
      const error = { code: e.code, message: e.messageIn(opts.lang), details: e.details };
      console.log(
        JSON.stringify({ provider: provider.code, providerId: provider.id, period: opts.period, error }),
      );
    }
    return e.code === "billing_period_closed" ? EXIT.periodClosed : EXIT.refused;
  }
}

function describe(provider: ProviderRef, s: BillingRunSummary, locale: Locale): string {
  const t = bindMessages(CLI_MESSAGES, CLI_LOCALE);
  const row = (label: string, accounts: number | string, amount: number) =>
    `  ${label.padEnd(20)}${String(accounts).padStart(9)}${formatUah(kop(amount), locale).padStart(20)}`;
  return [
    t.billed({
      provider: provider.code,
      period: s.period,
      n: s.accounts,
      seconds: s.seconds,
      runId: s.runId,
      resumed: s.resumed ? "yes" : "no",
    }),
    `  ${"".padEnd(20)}${t.accounts().padStart(9)}${t.amount().padStart(20)}`,
    row(t.charged(), s.charged, s.chargeKop),
    row(t.estimated(), s.estimated, s.estimatedKop),
    row(t.recalculated(), s.recalculated, s.recalculationKop),
    row(t.total(), s.accounts, s.totalKop),
    row(t.plannedFor({ period: nextPeriod(s.period) }), "", s.plannedKop),
  ].join("\n");
}
