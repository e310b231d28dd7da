import { sql } from "kysely";
import type { Deps } from "./deps.ts";

export interface Health {
  status: "ok" | "unavailable";
  database: { engine: "pglite" | "postgres"; ok: boolean; latencyMs: number };
  demoRegion: { accounts: number; asOf: string } | null;
}

/** Asks the database for a round trip and whether the demo region is loaded. */
export async function checkHealth(deps: Deps): Promise<Health> {
  const { database } = deps;
  const started = performance.now();
  try {
    await sql`select 1`.execute(database.db);
    const demo = await database.db.selectFrom("demo_region").select(["accounts", "as_of"]).executeTakeFirst();
    return {
      status: "ok",
      database: { engine: database.engine, ok: true, latencyMs: Math.round(performance.now() - started) },
      demoRegion: demo ? { accounts: demo.accounts, asOf: demo.as_of } : null,
    };
  } catch {
    return {
      status: "unavailable",
      database: { engine: database.engine, ok: false, latencyMs: Math.round(performance.now() - started) },
      demoRegion: null,
    };
  }
}
