import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";

export function registerMigrate(program: Command) {
  program
    .command("migrate")
    .description("Apply the database migrations that are missing (DATABASE_URL, or PGlite under DATA_DIR).")
    .action(async () => {
      const config = loadConfig();
      const database = await openConfiguredDatabase(config);
      try {
        const applied = await migrate(database, { report: (line) => console.log(line) });
        console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
      } finally {
        await database.close();
      }
    });
}
