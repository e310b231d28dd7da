// Loading millions of rows into a table is many times quicker into a bare heap, with its indexes built by one
// sort afterwards and its foreign keys checked by one join each, than row by row (measured on the readings of a
// 1,000,000-account region: 17 s of every 1.3 million rows went to its six indexes and four foreign keys).
// The definitions are read back from the catalogue, so the migrations stay their only source. PostgreSQL only:
// PGlite loads the small demo region, where the difference does not matter.
import { sql } from "kysely";
import { oneConnectionPerNode } from "../db/citus/one-connection-per-node.ts";
import type { Db } from "../db/database.ts";

export interface DeferredStructure {
  table: string;
  /** Primary key and unique constraints, then plain indexes, then foreign keys: the order to rebuild them in. */
  keys: string[];
  indexes: string[];
  foreignKeys: string[];
}

/** Drops the table's indexes and constraints (other than checks), and the foreign keys pointing at it. */
export async function deferStructure(db: Db, table: string): Promise<DeferredStructure> {
  return db.transaction().execute(async (tx) => {
    await oneConnectionPerNode(tx);
    const { rows: constraints } = await sql<{ owner: string; name: string; def: string; type: string }>`
      select c.conrelid::regclass::text as owner, c.conname as name, pg_get_constraintdef(c.oid) as def,
        c.contype as type
      from pg_constraint c
      where (c.conrelid = ${table}::regclass and c.contype in ('p', 'u', 'f'))
        or (c.confrelid = ${table}::regclass and c.contype = 'f')`.execute(tx);
    const { rows: indexes } = await sql<{ name: string; def: string }>`
      select i.indexname as name, i.indexdef as def
      from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = ${table}
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass
          and c.conrelid = ${table}::regclass)`.execute(tx);
    const alter = (c: { owner: string; name: string; def: string }) =>
      `alter table ${c.owner} add constraint ${quoteIdent(c.name)} ${c.def}`;
    const foreign = constraints.filter((c) => c.type === "f");
    for (const c of foreign)
      await sql.raw(`alter table ${c.owner} drop constraint ${quoteIdent(c.name)}`).execute(tx);
    for (const c of constraints.filter((x) => x.type !== "f"))
      await sql.raw(`alter table ${c.owner} drop constraint ${quoteIdent(c.name)}`).execute(tx);
    for (const i of indexes) await sql.raw(`drop index ${quoteIdent(i.name)}`).execute(tx);
    return {
      table,
      keys: constraints.filter((c) => c.type !== "f").map(alter),
      indexes: indexes.map((i) => i.def),
      foreignKeys: foreign.map(alter),
    };
  });
}

/**
 * Drops the foreign keys of `tables` (theirs only, not those pointing at them): rows loaded by INSERT … SELECT with
 * their indexes live then skip the per-row key check, and each key is checked by one join when it is added back.
 */
export async function deferForeignKeys(db: Db, tables: readonly string[]): Promise<DeferredStructure> {
  return db.transaction().execute(async (tx) => {
    await oneConnectionPerNode(tx);
    const { rows } = await sql<{ owner: string; name: string; def: string }>`
      select c.conrelid::regclass::text as owner, c.conname as name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      where c.contype = 'f' and c.conrelid = any(${[...tables]}::regclass[])
      order by c.conrelid::regclass::text, c.conname`.execute(tx);
    for (const c of rows)
      await sql.raw(`alter table ${c.owner} drop constraint ${quoteIdent(c.name)}`).execute(tx);
    return {
      table: tables.join(", "),
      keys: [],
      indexes: [],
      foreignKeys: rows.map((c) => `alter table ${c.owner} add constraint ${quoteIdent(c.name)} ${c.def}`),
    };
  });
}

/**
 * Drops the named indexes (those that exist): a load keeps the others live and builds these by one sort each
 * afterwards (restoreStructure). For indexes that only searches read, such as finding an account (migration 0023).
 */
export async function deferIndexes(db: Db, names: readonly string[]): Promise<DeferredStructure> {
  return db.transaction().execute(async (tx) => {
    await oneConnectionPerNode(tx);
    const { rows } = await sql<{ name: string; def: string }>`
      select indexname as name, indexdef as def from pg_indexes
      where schemaname = current_schema() and indexname = any(${[...names]}::text[])
      order by indexname`.execute(tx);
    for (const i of rows) await sql.raw(`drop index ${quoteIdent(i.name)}`).execute(tx);
    return { table: names.join(", "), keys: [], indexes: rows.map((i) => i.def), foreignKeys: [] };
  });
}

/** Builds back what deferStructure dropped, in one transaction. */
export async function restoreStructure(db: Db, deferred: DeferredStructure): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await oneConnectionPerNode(tx);
    // The sorts of the index builds stay in memory.
    await sql`set local maintenance_work_mem = '512MB'`.execute(tx);
    for (const statement of [...deferred.keys, ...deferred.indexes, ...deferred.foreignKeys])
      await sql.raw(statement).execute(tx);
  });
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
