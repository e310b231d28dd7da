// Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR.
import { join } from "node:path";
import type { Config } from "../config.ts";
import { type Database, openDatabase } from "./database.ts";

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, poolSize: config.dbPoolSize }
      : { pgliteDir: join(config.dataDir, "pglite") },
  );
}
