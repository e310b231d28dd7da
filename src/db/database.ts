// The one handle the rest of the program gets: a typed Kysely instance on either engine.
import type { Kysely, Transaction } from "kysely";
import type pg from "pg";
import type { Schema } from "./schema.ts";

export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;

export interface Database {
  engine: "pglite" | "postgres";
  db: Db;
  /** Present on PostgreSQL: the pool, for COPY streams. */
  pool?: pg.Pool;
  /** Run SQL text that may hold several statements (migrations, seed scripts). */
  exec(sql: string): Promise<void>;
  /** Hold one connection for a sequence of raw statements (session-level locks, explicit transactions). */
  withSession<T>(fn: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RawSession {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Several statements in one string, no parameters. */
  exec(sql: string): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; absent: the embedded PGlite engine. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; absent: in memory. */
  pgliteDir?: string;
  poolSize?: number;
  searchPath?: string;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import("./engines/postgres.ts");
    return openPostgres({
      url: options.databaseUrl,
      ...(options.poolSize ? { poolSize: options.poolSize } : {}),
      ...(options.searchPath ? { searchPath: options.searchPath } : {}),
    });
  }
  const { openPglite } = await import("./engines/pglite.ts");
  return openPglite(options.pgliteDir);
}
