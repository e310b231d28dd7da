// The embedded engine: PostgreSQL compiled to WebAssembly, running inside this process.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely } from "kysely";
import { lockDataDir } from "../data-dir-lock.ts";
import type { Database } from "../database.ts";
import type { Schema } from "../schema.ts";
import { CONNECTION_WAIT_MS, WatchedPGliteDialect } from "./pglite-dialect.ts";
import { keepText, OID, parseInt8 } from "./type-parsers.ts";

/**
 * `dataDir` undefined keeps the database in memory (tests). A directory is locked for this process while open:
 * another process opening it gets DataDirLocked. A query waiting `connectionWaitMs` for the one connection fails
 * (pglite-dialect.ts).
 */
export async function openPglite(
  dataDir?: string,
  { connectionWaitMs = CONNECTION_WAIT_MS }: { connectionWaitMs?: number } = {},
): Promise<Database> {
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  let client: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      // In-process and single-user: small buffers keep the whole product under 400 MB; the OS caches the files.
      postgresqlconf: ["shared_buffers=16MB"],
      // Trigram similarity for finding an account by a name or street typed with a slip (migration 0023).
      extensions: { pg_trgm },
      parsers: { [OID.INT8]: parseInt8, [OID.NUMERIC]: keepText, [OID.DATE]: keepText },
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = new Kysely<Schema>({ dialect: new WatchedPGliteDialect(client, connectionWaitMs) });
  return {
    engine: "pglite",
    db,
    async exec(sql: string) {
      await client.exec(sql);
    },
    async withSession(fn) {
      return fn({
        query: async <R>(text: string, params?: unknown[]) => (await client.query<R>(text, params)).rows,
        exec: async (text: string) => {
          await client.exec(text);
        },
      });
    },
    async close() {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}
