// Whether the database is a Citus coordinator (the citus extension installed): the few paths that read
// differently there ask once per run, not per statement.
import { sql } from "kysely";
import type { Database } from "../database.ts";

export async function isCitus(database: Database): Promise<boolean> {
  if (database.engine !== "postgres") return false;
  const { rows } = await sql<{ on: boolean }>`
    select exists (select 1 from pg_extension where extname = 'citus') as on`.execute(database.db);
  return rows[0]?.on === true;
}
