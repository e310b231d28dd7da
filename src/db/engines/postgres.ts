// The database of record: a PostgreSQL server reached over the network through node-postgres.
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "../database.ts";
import type { Schema } from "../schema.ts";
import { PreparingClient } from "./prepared-statements.ts";
import { keepText, OID, parseInt8 } from "./type-parsers.ts";

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === OID.INT8) return parseInt8;
    if (oid === OID.NUMERIC || oid === OID.DATE) return keepText;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresOptions {
  url: string;
  poolSize?: number;
  /** Run in this schema (tests give each file a fresh one). */
  searchPath?: string;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types,
    Client: PreparingClient,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // Fail fast with the server's own message when the URL is wrong.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: "postgres",
    db,
    pool,
    async exec(sql: string) {
      await pool.query(sql);
    },
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async <R>(text: string, params?: unknown[]) =>
            (await client.query(text, params as unknown[])).rows as R[],
          exec: async (text: string) => {
            await client.query(text);
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
