// On first start the database gets the demo region, so `npm start` shows a working product. The load runs in
// a child process (`abonent seed --if-empty`): PGlite's WebAssembly heap only grows, and a child that exits
// gives that memory back before the server starts. The server holds the embedded database's lock meanwhile and
// hands it to this one child through `lockEnv`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { openConfiguredDatabase } from "../db/open-configured.ts";
import { hasRegion } from "./seed-region.ts";

const BIN = fileURLToPath(new URL("../../bin/abonent.js", import.meta.url));

export function demoWanted(config: Config): boolean {
  return config.demo === "on" || (config.demo === "auto" && !config.databaseUrl);
}

export function loadDemoIfEmpty(config: Config, lockEnv: Record<string, string> = {}): Promise<void> {
  const args = [
    BIN,
    "seed",
    "--if-empty",
    "--accounts",
    String(config.demoAccounts),
    "--seed",
    String(config.demoSeed),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...lockEnv },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`loading the demo region failed (exit code ${code})`)),
    );
  });
}

/**
 * The configured database, migrated, with the demo region loaded when it is wanted and missing. A later start finds
 * the region in the database it opens and spawns nothing; a first start on a new embedded directory goes straight
 * to the child.
 */
export async function openWithDemo(config: Config, lockEnv: Record<string, string> = {}): Promise<Database> {
  const fresh = !config.databaseUrl && !existsSync(join(config.dataDir, "pglite"));
  if (demoWanted(config) && !fresh) {
    const database = await openConfiguredDatabase(config);
    await migrate(database);
    if (await hasRegion(database)) return database;
    // Empty (or a load that was cut short): the child loads it, on its own opening of the database.
    await database.close();
  }
  if (demoWanted(config)) await loadDemoIfEmpty(config, lockEnv);
  const database = await openConfiguredDatabase(config);
  await migrate(database);
  return database;
}
