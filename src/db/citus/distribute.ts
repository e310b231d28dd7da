// On a database with the citus extension, places the tables the migrations made as CITUS_LAYOUT says: reference
// tables copied to every node, the account's tables split into colocated shards. Run by `migrate` after the
// migrations, every time: it acts only on the tables not placed yet, so it is idempotent and a later migration's
// new table is placed by the next `migrate`.
//
// Why the foreign keys come off first: the first create_reference_table would otherwise turn every table linked
// to it by a foreign key into a "Citus local" table, and such a table cannot be distributed later if it has an
// identity column. With the keys off, each table goes straight where it belongs; the keys then come back, checked
// by Citus against the placement (a key between shards of different accounts is refused).
import type { RawSession } from "../database.ts";
import {
  CITUS_DROPPED_FOREIGN_KEYS,
  CITUS_LAYOUT,
  CITUS_TRIGGER_SWAPS,
  type Placement,
  type TriggerSwap,
} from "./layout.ts";

export class CitusLayoutError extends Error {}

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

export async function citusInstalled(session: RawSession): Promise<boolean> {
  const rows = await session.query<{ on: boolean }>(
    "select exists (select 1 from pg_extension where extname = 'citus') as on",
  );
  return rows[0]?.on === true;
}

/** The tables of the current schema, partitions left out (they follow their parent). */
export async function schemaTables(session: RawSession): Promise<string[]> {
  const rows = await session.query<{ name: string }>(
    `select c.relname as name from pg_class c
     where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
     order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Tables the layout does not name: an operator's or a benchmark's own, or a new migration's the layout missed. */
export function unplaced(tables: readonly string[]): string[] {
  return tables.filter((t) => !(t in CITUS_LAYOUT));
}

export interface Distribution {
  /** The tables placed now. */
  placed: string[];
  /**
   * Tables the layout does not name, left on the coordinator: an operator's or a benchmark's own. A table of the
   * migrations is never among them: test/db/citus-sql-rules.test.ts checks the layout names every one.
   */
  unknown: string[];
}

/** What it placed now; null where citus is not installed. */
export async function distributeForCitus(session: RawSession): Promise<Distribution | null> {
  if (!(await citusInstalled(session))) return null;
  const tables = await schemaTables(session);
  const unknown = unplaced(tables);
  const placed = new Set(
    (
      await session.query<{ name: string }>(
        `select c.relname as name from pg_dist_partition d join pg_class c on c.oid = d.logicalrelid
         where c.relnamespace = current_schema()::regnamespace`,
      )
    ).map((r) => r.name),
  );
  const todo = tables.filter((t) => t in CITUS_LAYOUT && CITUS_LAYOUT[t]?.kind !== "local" && !placed.has(t));
  const swaps = await swapsToMake(session);
  if (todo.length === 0 && swaps.length === 0) return { placed: [], unknown };

  await session.exec("begin");
  try {
    // Triggers are kept on the shards (their functions touch only the row's own shard and reference tables), and
    // the distribution runs over one connection per node, as reference tables with foreign keys require.
    await session.exec(`set local citus.enable_unsafe_triggers = on;
      set local citus.multi_shard_modify_mode = 'sequential'`);
    const keys = await foreignKeysTouching(session, todo);
    for (const k of keys)
      await session.exec(`alter table ${ident(k.table)} drop constraint ${ident(k.name)}`);
    for (const swap of swaps) for (const statement of swapDrops(swap)) await session.exec(statement);
    for (const table of ordered(todo)) await place(session, table, CITUS_LAYOUT[table] as Placement);
    for (const k of keys) {
      if (CITUS_DROPPED_FOREIGN_KEYS.includes(k.name)) continue;
      await session.exec(`alter table ${ident(k.table)} add constraint ${ident(k.name)} ${k.definition}`);
    }
    for (const swap of swaps) for (const statement of swapCreates(swap)) await session.exec(statement);
    await session.exec("commit");
  } catch (e) {
    await session.exec("rollback").catch(() => {});
    throw new CitusLayoutError(`distributing the tables failed: ${(e as Error).message}`);
  }
  // What the tables held before (the migrations' reference rows) now lives in the shards; the coordinator's
  // own copy is dead weight.
  for (const table of todo) {
    await session.query("select truncate_local_data_after_distributing_table($1::regclass)", [table]);
  }
  return { placed: todo, unknown };
}

// Reference tables first (the distributed ones point at them), then the table others colocate with.
function ordered(todo: readonly string[]): string[] {
  const rank = (t: string) => {
    const p = CITUS_LAYOUT[t] as Placement;
    if (p.kind === "reference") return 0;
    if (p.kind === "distributed" && p.colocateWith === "default") return 1;
    return 2;
  };
  return [...todo].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The statements that take a swap's old triggers away (exported for the test that runs both on one server). */
export function swapDrops(swap: TriggerSwap): string[] {
  return swap.drop.map((trigger) => `drop trigger if exists ${ident(trigger)} on ${ident(swap.table)}`);
}

/** The statements that put its new triggers or constraints in their place. */
export function swapCreates(swap: TriggerSwap): string[] {
  return swap.create.map(([name, definition]) =>
    definition.startsWith("foreign key")
      ? `alter table ${ident(swap.table)} add constraint ${ident(name)} ${definition}`
      : `create trigger ${ident(name)} ${definition}`,
  );
}

// A swap is made when none of what it creates exists yet (a trigger or a constraint of that name on its table).
async function swapsToMake(session: RawSession): Promise<(typeof CITUS_TRIGGER_SWAPS)[number][]> {
  const rows = await session.query<{ table: string; name: string }>(
    `select tgrelid::regclass::text as table, tgname as name from pg_trigger where not tgisinternal
     union all
     select conrelid::regclass::text, conname from pg_constraint where connamespace = current_schema()::regnamespace`,
  );
  const existing = new Set(rows.map((r) => `${r.table}.${r.name}`));
  return CITUS_TRIGGER_SWAPS.filter(
    (swap) =>
      swap.drop.some((name) => existing.has(`${swap.table}.${name}`)) ||
      swap.create.some(([name]) => !existing.has(`${swap.table}.${name}`)),
  );
}

async function place(session: RawSession, table: string, placement: Placement): Promise<void> {
  if (placement.kind === "reference") {
    await session.query("select create_reference_table($1::regclass)", [table]);
  } else if (placement.kind === "distributed") {
    await session.query("select create_distributed_table($1::regclass, $2, colocate_with => $3)", [
      table,
      placement.column,
      placement.colocateWith,
    ]);
  }
}

async function foreignKeysTouching(session: RawSession, tables: readonly string[]): Promise<ForeignKey[]> {
  return session.query<ForeignKey>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
     from pg_constraint c
     where c.contype = 'f' and c.connamespace = current_schema()::regnamespace and c.conparentid = 0
       and (c.conrelid::regclass::text = any($1) or c.confrelid::regclass::text = any($1))
     order by 2`,
    [tables],
  );
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
