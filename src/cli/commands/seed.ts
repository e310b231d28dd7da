import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { resetDatabase } from "../../db/reset.ts";
import { BILLED_HISTORY_MONTHS, billHistory } from "../../demo/bill-history.ts";
import { hasRegion, seedRegion } from "../../demo/seed-region.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { kop, uahString } from "../../domain/money.ts";
import { composeDeps } from "../../services/compose.ts";
import { calendarDate, wholeNumber } from "../options.ts";
import { progressBar } from "../progress-bar.ts";

export function registerSeed(program: Command) {
  program
    .command("seed")
    .description(
      "Load the demo region (providers, towns, windows, tariffs, households, 12 months of history).",
    )
    .option("--accounts <n>", "how many accounts to generate", wholeNumber(10, 10_000_000), 2000)
    .option(
      "--seed <n>",
      "random seed: the same seed and date give the same region",
      wholeNumber(0, 2_147_483_647),
      42,
    )
    .option("--as-of <date>", "the day the history ends (default: today in Kyiv)", calendarDate)
    .option("--reset", "drop everything in the database first", false)
    .option("--if-empty", "do nothing when the database already holds a region", false)
    .option(
      "--no-bill-history",
      `leave the history unbilled (by default its last ${BILLED_HISTORY_MONTHS} months are billed from an opening ` +
        "basis, then paid)",
    )
    .action(
      async (opts: {
        accounts: number;
        seed: number;
        asOf?: string;
        reset: boolean;
        ifEmpty: boolean;
        billHistory: boolean;
      }) => {
        const config = loadConfig();
        const database = await openConfiguredDatabase(config);
        const bar = progressBar("seeding", "accounts");
        try {
          if (opts.reset) await resetDatabase(database);
          await migrate(database);
          if (opts.ifEmpty && (await hasRegion(database))) return;
          const asOf = opts.asOf ?? kyivDateOf(new Date());
          bar.start(opts.accounts, 0);
          const result = await seedRegion(database, {
            accounts: opts.accounts,
            seed: opts.seed,
            asOf,
            onProgress: (done) => bar.update(done),
            onStage: () => {
              bar.stop();
              console.log("building the readings' indexes and checking their references…");
            },
          });
          bar.stop();
          console.log(
            `demo region loaded in ${result.seconds} s: ${result.accounts} accounts, ${result.premises} premises, ` +
              `${result.meters} meters, ${result.readings} readings`,
          );
          if (opts.billHistory) {
            const billing = progressBar("billing the history", "provider-months");
            let billingStarted = false;
            const billed = await billHistory(
              await composeDeps({ database }),
              { asOf, seed: opts.seed },
              (done, total) => {
                if (billingStarted) billing.update(done, total);
                else billing.start(total, done);
                billingStarted = true;
              },
            );
            billing.stop();
            console.log(
              `history billed: ${billed.periods[0]} to ${billed.periods.at(-1)}, ${billed.runs} runs, ` +
                `${uahString(kop(billed.totalKop))} UAH` +
                (billed.skipped
                  ? ` (${billed.skipped} provider-months before their first tariff left out)`
                  : "") +
                `; ${billed.openings} balances carried over, ${billed.payments} payments`,
            );
          }
        } finally {
          bar.stop();
          await database.close();
        }
      },
    );
}
