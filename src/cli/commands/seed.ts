import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { resetDatabase } from "../../db/reset.ts";
import { hasRegion, seedRegion } from "../../demo/seed-region.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { calendarDate, wholeNumber } from "../options.ts";

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
    .action(
      async (opts: { accounts: number; seed: number; asOf?: string; reset: boolean; ifEmpty: boolean }) => {
        const config = loadConfig();
        const database = await openConfiguredDatabase(config);
        const bar = new SingleBar({
          format: "seeding [{bar}] {percentage}% | {value}/{total} accounts | {duration}s",
          stream: process.stderr,
          noTTYOutput: true,
          notTTYSchedule: 5000,
        });
        try {
          if (opts.reset) await resetDatabase(database);
          await migrate(database);
          if (opts.ifEmpty && (await hasRegion(database))) return;
          bar.start(opts.accounts, 0);
          const result = await seedRegion(database, {
            accounts: opts.accounts,
            seed: opts.seed,
            asOf: opts.asOf ?? kyivDateOf(new Date()),
            onProgress: (done) => bar.update(done),
          });
          bar.stop();
          console.log(
            `demo region loaded in ${result.seconds} s: ${result.accounts} accounts, ${result.premises} premises, ` +
              `${result.meters} meters, ${result.readings} readings, ${result.payments} payments`,
          );
        } finally {
          bar.stop();
          await database.close();
        }
      },
    );
}
