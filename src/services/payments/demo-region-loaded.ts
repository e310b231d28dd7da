// Whether this database holds the demo region: the built-in demo gateway turns itself on for it (DEMO_GATEWAY=auto).
import type { Deps } from "../deps.ts";

/** False when the database cannot say (not migrated, gone): the app must still start and report its health. */
export async function demoRegionLoaded(deps: Deps): Promise<boolean> {
  try {
    const row = await deps.database.db.selectFrom("demo_region").select("seed").executeTakeFirst();
    return row !== undefined;
  } catch {
    return false;
  }
}
