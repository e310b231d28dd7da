// The floor of a month's run on this database: the month's own rows, as the run left them, written again into fresh
// tables shaped as their tables (`like`: the same columns, checks and indexes, which a month's partition has too; the
// register states unlogged, as theirs is), and the month's inputs read out by COPY, each with two connections at once as the run has two lanes a
// provider. No computing, no parsing of parameters, no foreign keys, no batches: what any run of this schema must at
// least spend to write and read these rows. The run's time against it tells how much is the run's own doing.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "kysely";
import type { PoolClient } from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Database } from "../src/db/database.ts";
import { firstDay, nextPeriod, type Period, prevPeriod } from "../src/domain/period.ts";

export interface Floor {
  /** The month's ledger entries, billed usage, planned payments and register states, written. */
  writeSeconds: number;
  /** The month's accounts with premises, meters, register states and readings, read. */
  readSeconds: number;
  rows: { written: number; read: number };
}

export async function measureFloor(database: Database, p: Period): Promise<Floor> {
  const pool = database.pool;
  if (!pool) throw new Error("the floor is measured on PostgreSQL");
  const first = firstDay(p);
  const copies = [
    { name: "bench_floor_ledger", like: "ledger_entries", unlogged: false },
    { name: "bench_floor_usage", like: "billed_usage", unlogged: false },
    { name: "bench_floor_planned", like: "planned_payments", unlogged: false },
    { name: "bench_floor_states", like: "register_states", unlogged: true },
  ];
  for (const c of copies) {
    await sql.raw(`drop table if exists ${c.name}`).execute(database.db);
    await sql
      .raw(
        `create ${c.unlogged ? "unlogged " : ""}table ${c.name} (like ${c.like} including defaults including constraints including indexes)`,
      )
      .execute(database.db);
  }
  await sql`checkpoint`.execute(database.db);

  // Each lane's statements in order on one connection; the two lanes at once, about as long as each other alone.
  // Sources in key order, as the run's batches write. `run` answers a statement's rows.
  const lanes = async (
    work: string[][],
    run: (client: PoolClient, statement: string) => Promise<number>,
  ): Promise<{ seconds: number; rows: number }> => {
    const started = performance.now();
    const counts = await Promise.all(
      work.map(async (statements) => {
        const client = await pool.connect();
        let rows = 0;
        try {
          for (const s of statements) rows += await run(client, s);
        } finally {
          client.release();
        }
        return rows;
      }),
    );
    return { seconds: (performance.now() - started) / 1000, rows: counts.reduce((a, b) => a + b, 0) };
  };

  const inserted = async (client: PoolClient, s: string) => (await client.query(s)).rowCount ?? 0;
  const writes = await lanes(
    [
      [
        `insert into bench_floor_ledger select * from ledger_entries where period = '${first}' and source = 'billing' order by account_id, id`,
        "insert into bench_floor_states select * from register_states order by account_id, meter_id, zone",
      ],
      [
        `insert into bench_floor_usage select * from billed_usage where period = '${first}' order by account_id, meter_id, zone`,
        `insert into bench_floor_planned select * from planned_payments where period = '${firstDay(nextPeriod(p))}' order by account_id, service_code`,
      ],
    ],
    inserted,
  );
  const reads = await lanes(
    [
      [
        "copy (select a.id, a.provider_id, a.opened_on, a.closed_on, pr.settlement_id, pr.residents, pr.area_m2 from accounts a join premises pr on pr.id = a.premise_id) to stdout",
        "copy (select id, account_id, service_code, zones, digits, installed_on, removed_on from meters) to stdout",
        `copy (select account_id, meter_id, zone, id, value, kind, deemed_on, period from readings where period >= '${firstDay(prevPeriod(p))}' and period <= '${first}' and status in ('accepted', 'pending_review')) to stdout`,
      ],
      ["copy (select * from register_states) to stdout"],
    ],
    copyOut,
  );
  for (const c of copies) await sql.raw(`drop table ${c.name}`).execute(database.db);
  return {
    writeSeconds: writes.seconds,
    readSeconds: reads.seconds,
    rows: { written: writes.rows, read: reads.rows },
  };
}

/** Runs a COPY … TO STDOUT and drops what it sends; returns its rows (one a line). */
async function copyOut(client: PoolClient, statement: string): Promise<number> {
  let rows = 0;
  await pipeline(
    client.query(copyTo(statement)),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
        done();
      },
    }),
  );
  return rows;
}
