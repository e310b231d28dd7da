// `abonent schedule billing --provider CODE --cron "0 3 5 * *"` (or `--off`): when the server bills a provider's
// previous month by itself. The schedule is kept by pg-boss in the database, so every server process sees it.
import { type Command, Option } from "commander";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { billingSchedules, setBillingSchedule } from "../../jobs/billing-job.ts";
import { startBoss } from "../../jobs/boss.ts";
import { findProvider } from "../../services/billing/find-provider.ts";
import { composeDeps } from "../../services/compose.ts";
import { cronExpression } from "../options.ts";
import { UsageError } from "../usage-error.ts";

export function registerSchedule(program: Command) {
  const schedule = program
    .command("schedule")
    .description("Set when scheduled jobs run (kept in the database; `abonent serve` runs them).");

  schedule
    .command("billing")
    .description(
      "Schedule a provider's billing run: on each tick (Kyiv time) the server bills the month before. " +
        "Without --cron or --off, lists the billing schedules.",
    )
    .option("--provider <code-or-id>", "the provider")
    .option(
      "--cron <expression>",
      'when, in Kyiv time: "0 3 5 * *" is 03:00 on the 5th of each month',
      cronExpression,
    )
    .addOption(new Option("--off", "remove the provider's schedule").conflicts("cron"))
    .addHelpText(
      "after",
      "\nOn the embedded database (no DATABASE_URL) stop the server first: only one process can open it (another is " +
        "refused with exit code 75).",
    )
    .action(async (opts: { provider?: string; cron?: string; off?: boolean }) => {
      const changing = opts.cron !== undefined || opts.off === true;
      if (changing && opts.provider === undefined)
        throw new UsageError("--provider is required with --cron or --off");
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      try {
        await migrate(database);
        const deps = await composeDeps({ database });
        const provider = opts.provider === undefined ? null : await findProvider(deps, opts.provider);
        if (opts.provider !== undefined && !provider) {
          throw new UsageError(`--provider: there is no provider "${opts.provider}"`);
        }
        const boss = await startBoss(database, { databaseUrl: config.databaseUrl, background: false });
        try {
          if (provider && changing) {
            try {
              await setBillingSchedule(boss, provider.code, opts.off ? null : (opts.cron ?? null));
            } catch (e) {
              // pg-boss checks the fields' values ("0 3 32 * *" has no 32nd day); a database error has a code.
              if ((e as { code?: unknown }).code !== undefined) throw e;
              throw new UsageError(`--cron: ${(e as Error).message}`);
            }
            console.log(
              opts.off
                ? `billing of ${provider.code}: no schedule`
                : `billing of ${provider.code}: "${opts.cron}" (Europe/Kyiv); each run bills the month before`,
            );
            return;
          }
          const all = await billingSchedules(boss);
          const shown = provider ? all.filter((s) => s.provider === provider.code) : all;
          if (shown.length === 0) console.log("no billing schedules");
          for (const s of shown) console.log(`${s.provider}\t${s.cron}\t${s.timezone}`);
        } finally {
          await boss.stop({ graceful: false });
        }
      } finally {
        await database.close();
      }
    });
}
