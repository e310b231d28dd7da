// The hottest statements as named prepared statements (PostgreSQL only). node-postgres sends every query unnamed,
// so the server parses and plans it on every run: for a batch of readings that was about a third of the server's
// time (the context query alone took 2–3 ms to plan, against under 1 ms to run). A statement whose text ends with
// the PREPARED mark goes by a name instead: parsed once per connection, and after five runs planned once
// (PostgreSQL's generic plan). Only a constant text may carry the mark — the rows as arrays, never a list of
// placeholders that grows with the batch — since each text keeps its name for the connection's life.
// The embedded engine ignores the mark (it is a comment). Behind PgBouncer in transaction mode, named statements
// need its max_prepared_statements (1.21 and later).
import { type RawBuilder, sql } from "kysely";
import pg from "pg";

export const PREPARED_MARK = "/* prepared */";

/** The same query, sent as a named prepared statement on PostgreSQL. */
export function prepared<T>(query: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${query} ${sql.raw(PREPARED_MARK)}`;
}

// A mark on a text that varies would prepare a statement per variant on every connection: past this many texts,
// the rest go unnamed, as any other query.
const MAX_TEXTS = 200;
const names = new Map<string, string>();

function nameOf(text: string): string | null {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_TEXTS) return null;
    name = `abonent_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/** A node-postgres client that sends marked texts as named statements; the pool makes its connections with it. */
export class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === "string" && args.length === 2 && text.endsWith(PREPARED_MARK)) {
      const name = nameOf(text);
      if (name) return super.query({ name, text, values: values as unknown[] }) as never;
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}
