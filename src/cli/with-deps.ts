// A command that calls use cases: the configured database, migrated, with the composed deps, closed afterwards.
import { loadConfig } from "../config.ts";
import { migrate } from "../db/migrate.ts";
import { openConfiguredDatabase } from "../db/open-configured.ts";
import { composeDeps } from "../services/compose.ts";
import type { Deps } from "../services/deps.ts";

export async function withDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    await migrate(database);
    return await fn(await composeDeps({ database }));
  } finally {
    await database.close();
  }
}
