// Extensions are database-wide in PostgreSQL, but each test suite runs in a schema of its own that is dropped at
// its end: an extension created by a suite's migrations would live in (and die with) that suite's schema. So the
// tests install the extensions the migrations use once, in a schema of their own, and put it on every test
// schema's search path; the migrations' `create extension if not exists` then finds them.
import type { Database } from "../../src/db/database.ts";

/** Installs pg_trgm once (serialised across parallel suites); returns the schema that holds it. */
export async function sharedExtensionSchema(admin: Database): Promise<string> {
  return admin.withSession(async (session) => {
    // One session: the advisory lock is the session's, so the same connection must unlock it. Unlocked only after
    // the creation has committed: sent as one string, the statements were one transaction that committed after the
    // unlock, and a suite let in between met the schema still uncommitted ("duplicate key … pg_namespace").
    await session.exec("select pg_advisory_lock(7318001)");
    try {
      await session.exec(`create schema if not exists extensions;
        create extension if not exists pg_trgm with schema extensions;`);
    } finally {
      await session.exec("select pg_advisory_unlock(7318001)");
    }
    const rows = await session.query<{ schema: string }>(
      "select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'",
    );
    return rows[0]?.schema ?? "extensions";
  });
}
