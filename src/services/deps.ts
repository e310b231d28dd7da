// What every use case receives: the database and the clock (a parameter, so tests can stand at any instant).
import type { Database } from "../db/database.ts";

export interface Deps {
  database: Database;
  now(): Date;
}

export function makeDeps(database: Database, now: () => Date = () => new Date()): Deps {
  return { database, now };
}
