// Whether the database is a Citus coordinator (the citus extension installed): the few paths that work
// differently there ask once per database handle (the answer is kept with it), not per statement.
import { sql } from "kysely";
import type { Database } from "../database.ts";

const known = new WeakMap<Database, Promise<boolean>>();

export function isCitus(database: Database): Promise<boolean> {
  if (database.engine !== "postgres") return Promise.resolve(false);
  let answer = known.get(database);
  if (!answer) {
    answer = sql<{ on: boolean }>`select exists (select 1 from pg_extension where extname = 'citus') as on`
      .execute(database.db)
      .then((r) => r.rows[0]?.on === true);
    known.set(database, answer);
  }
  return answer;
}
