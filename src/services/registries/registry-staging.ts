// Where a registry's lines wait, in the import's own transaction, between being read and being decided: a temporary
// table filled as the file streams, so the matching and posting run set-based over it (as billing does) and memory
// holds only a chunk of lines whatever the file's size. PostgreSQL fills it by COPY on the transaction's connection;
// PGlite, in-process on one connection, by inserts of a few thousand lines at a time.
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, sql } from "kysely";
import { from as copyFrom } from "pg-copy-streams";
import { copyText } from "../../db/copy-text.ts";
import type { Database, Tx } from "../../db/database.ts";
import type { Schema } from "../../db/schema.ts";

/** One line of the file as read: what it says, whose it is, or why it is malformed or belongs to no one. */
export interface StagedLine {
  line: number;
  raw: string;
  /** The line reads as a payment: it takes part in duplicate checks (and, with no reason, in matching). */
  readable: boolean;
  reference: string | null;
  account: string | null;
  /** The key the account is looked up by at the line's provider. */
  accountKey: string | null;
  amountKop: number | null;
  paidOn: string | null;
  /** The month the line names, as its first day. */
  period: string | null;
  service: string | null;
  providerId: number | null;
  payer: string | null;
  /** Why the line is malformed or unmatched, as far as the line alone tells; null: look up its account. */
  reason: string | null;
  params: Record<string, string | number>;
}

const COLUMNS = [
  "line_no",
  "raw",
  "readable",
  "reference",
  "account",
  "account_key",
  "amount_kop",
  "paid_on",
  "period",
  "service_code",
  "provider_id",
  "payer",
  "reason",
  "params",
] as const;

// reference_key is the database's own lower(), the expression registry_lines_posted is indexed on.
const CREATE = sql`
  create temporary table registry_import (
    line_no integer primary key,
    raw text not null,
    readable boolean not null,
    reference text,
    reference_key text generated always as (lower(reference)) stored,
    account text,
    account_key text,
    amount_kop bigint,
    paid_on date,
    period date,
    service_code text,
    provider_id integer,
    payer text,
    reason text,
    params jsonb not null
  ) on commit drop`;

export interface Staging {
  add(lines: StagedLine[]): Promise<void>;
  /** Everything added is in the table, and the planner knows its size. */
  finish(): Promise<void>;
  /** The file will not be read to its end: stop any COPY under way, so the transaction can roll back. */
  abort(): Promise<void>;
}

const values = (l: StagedLine) =>
  [
    l.line,
    l.raw,
    l.readable,
    l.reference,
    l.account,
    l.accountKey,
    l.amountKop,
    l.paidOn,
    l.period,
    l.service,
    l.providerId,
    l.payer,
    l.reason,
    JSON.stringify(l.params),
  ] as const;

const FLUSH_CHARS = 1 << 16;
const INSERT_LINES = 2_000;

type CopyClient = { query(stream: ReturnType<typeof copyFrom>): ReturnType<typeof copyFrom> };

/** COPY … FROM STDIN on the transaction's own connection, written in 64 KiB pieces as the file streams. */
async function copyStaging(trx: Tx, client: CopyClient): Promise<Staging> {
  await CREATE.execute(trx);
  const stream = client.query(copyFrom(`copy registry_import (${COLUMNS.join(", ")}) from stdin`));
  let failure: Error | null = null;
  stream.on("error", (e) => {
    failure ??= e;
  });
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (failure) throw failure;
    if (pending.length === 0) return;
    const ok = stream.write(pending.join(""));
    pending = [];
    size = 0;
    if (!ok) await once(stream, "drain");
  };
  const staging: Staging = {
    async add(lines) {
      for (const line of lines) {
        const row = `${values(line).map(copyText).join("\t")}\n`;
        pending.push(row);
        size += row.length;
        if (size >= FLUSH_CHARS) await flush();
      }
    },
    async finish() {
      await flush();
      stream.end();
      await finished(stream);
      if (failure) throw failure;
      await sql`analyze registry_import`.execute(trx);
    },
    async abort() {
      if (stream.writableFinished || stream.destroyed) return;
      // pg-copy-streams answers destroy() with CopyFail: the server ends the COPY with an error.
      stream.destroy(new Error("registry import stopped"));
      await finished(stream).catch(() => {});
    },
  };
  return staging;
}

/** Inserts of a few thousand lines at a time, arrays unnested (PGlite has no COPY from a stream). */
async function insertStaging(trx: Tx): Promise<Staging> {
  await CREATE.execute(trx);
  let batch: StagedLine[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const col = <T>(pick: (l: StagedLine) => T) => batch.map(pick);
    await sql`
      insert into registry_import (${sql.raw(COLUMNS.join(", "))})
      select * from unnest(
        ${col((l) => l.line)}::integer[], ${col((l) => l.raw)}::text[], ${col((l) => l.readable)}::boolean[],
        ${col((l) => l.reference)}::text[], ${col((l) => l.account)}::text[], ${col((l) => l.accountKey)}::text[],
        ${col((l) => l.amountKop)}::bigint[], ${col((l) => l.paidOn)}::date[], ${col((l) => l.period)}::date[],
        ${col((l) => l.service)}::text[], ${col((l) => l.providerId)}::integer[], ${col((l) => l.payer)}::text[],
        ${col((l) => l.reason)}::text[], ${col((l) => JSON.stringify(l.params))}::jsonb[]
      )`.execute(trx);
    batch = [];
  };
  return {
    async add(lines) {
      for (const line of lines) {
        batch.push(line);
        if (batch.length >= INSERT_LINES) await flush();
      }
    },
    async finish() {
      await flush();
      await sql`analyze registry_import`.execute(trx);
    },
    async abort() {
      batch = [];
    },
  };
}

/** The session is usable again: no transaction left open on it. */
async function rolledBack(client: { query(text: string): Promise<unknown> }): Promise<boolean> {
  try {
    await client.query("rollback");
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` in one transaction with a staging table ready for the file's lines. On PostgreSQL the transaction holds
 * one pooled connection of its own for its whole length, so that the COPY and the statements around it share it.
 */
export async function inStagingTransaction<T>(
  database: Database,
  fn: (trx: Tx, staging: () => Promise<Staging>) => Promise<T>,
): Promise<T> {
  if (database.engine !== "postgres" || !database.pool)
    return database.db.transaction().execute((trx) => fn(trx, () => insertStaging(trx)));
  const client = await database.pool.connect();
  // Kysely on this one connection: its transaction and our COPY are then on the same session.
  const pinned: PostgresPoolClient = {
    query: client.query.bind(client) as PostgresPoolClient["query"],
    release: () => {},
  };
  const pool: PostgresPool = { connect: async () => pinned, end: async () => {} };
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let broken: Error | undefined;
  try {
    return await db
      .transaction()
      .execute((trx) => fn(trx, () => copyStaging(trx, client as unknown as CopyClient)));
  } catch (e) {
    // A connection whose transaction could not even roll back is not handed to anyone else.
    if (!(await rolledBack(client))) broken = e as Error;
    throw e;
  } finally {
    await db.destroy();
    client.release(broken);
  }
}
