// A transaction whose commit does not wait for the disk (synchronous_commit off, PostgreSQL only): for counters on a
// hot row — a rate limit's, a day's running total — whose row lock would otherwise be held through every fsync, so
// that writers of one row take turns at the disk's pace. A crash of the database may lose the last such commits
// (never corrupt them): use it only where losing one is harmless.
import { sql } from "kysely";
import type { Database, Tx } from "./database.ts";

export function quickCommit<T>(database: Database, work: (trx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (trx) => {
    if (database.engine === "postgres") await sql`set local synchronous_commit = off`.execute(trx);
    return work(trx);
  });
}
