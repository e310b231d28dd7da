// Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR.
import { join } from "node:path";
import type { Config } from "../config.ts";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import { type Database, openDatabase } from "./database.ts";

const pgliteDir = (config: Config) => join(config.dataDir, "pglite");

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize }
      : { pgliteDir: pgliteDir(config) },
  );
}

/**
 * Locks the embedded database for this process beyond one opening (`serve` holds it from before the demo load
 * to its exit); throws DataDirLocked when another process holds it. PostgreSQL needs no lock: undefined.
 */
export function lockConfiguredDatabase(config: Config): DataDirLock | undefined {
  return config.databaseUrl ? undefined : lockDataDir(pgliteDir(config));
}
