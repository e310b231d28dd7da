// Planner settings for the rest of a transaction, several in one round trip. The billing run in the process set
// eleven of them a batch, one statement each: on a loaded server each round trip waits its turn for the database and
// for the process's one thread, and those statements took about a seventh of a batch's time.
import { sql } from "kysely";
import type { Tx } from "./database.ts";

export type Settings = Readonly<Record<string, string>>;

/**
 * Sets each setting as `SET LOCAL` would (`set_config(name, value, true)`) and returns the values it replaced, to
 * be set back the same way. The old values are read first: the materialized CTE is computed before its row is set.
 */
export async function setLocal(tx: Tx, settings: Settings): Promise<Settings> {
  const names = Object.keys(settings);
  if (names.length === 0) return {};
  const { rows } = await sql<Record<string, string>>`
    with old as materialized (select ${sql.join(names.map((n, i) => sql`current_setting(${n}) as ${sql.ref(`o${i}`)}`))})
    select old.*, ${sql.join(names.map((n) => sql`set_config(${n}, ${settings[n]!}, true)`))} from old`.execute(
    tx,
  );
  const row = rows[0]!;
  return Object.fromEntries(names.map((n, i) => [n, row[`o${i}`]!]));
}
