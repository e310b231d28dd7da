import type { Command } from "commander";
import pino from "pino";
import { buildApp } from "../../channels/http/app.ts";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { demoWanted, loadDemoIfEmpty } from "../../demo/load-demo-if-empty.ts";
import { makeDeps } from "../../services/deps.ts";

let serving = false;
export const isServing = () => serving;

export function registerServe(program: Command) {
  program
    .command("serve")
    .description(
      "Run the web server (migrates the database, loads the demo region into an empty embedded one).",
    )
    .action(async () => {
      const config = loadConfig();
      const log = pino({ level: config.logLevel });
      if (demoWanted(config)) await loadDemoIfEmpty(config);
      const database = await openConfiguredDatabase(config);
      const applied = await migrate(database);
      if (applied.length) log.info({ applied }, "migrations applied");

      const app = await buildApp({ deps: makeDeps(database), config });
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        log.info({ signal }, "shutting down: finishing requests in flight");
        // Stop accepting, let requests in flight end, then release the database.
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on("SIGTERM", () => void shutdown("SIGTERM"));
      process.on("SIGINT", () => void shutdown("SIGINT"));
      serving = true;
      await app.listen({ host: config.host, port: config.port });
    });
}
