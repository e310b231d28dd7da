// The tables a batch reads its accounts' rows from. On one server they are the tables themselves, probed by key
// from the batch's temporary tables (laterals fenced by `offset 0`, which the plans of docs/billing.md rely on).
// On Citus a temporary table lives on the coordinator and such a lateral into a distributed table cannot be pushed
// to the shards, so the batch first copies its slice of each table (its provider's rows in its account range, every
// shard asked once, in parallel) into temporary tables of the same shape, indexed as the originals are, and reads
// those: the statements stay the same on both.
import { type RawBuilder, sql } from "kysely";
import type { Tx } from "../../../db/database.ts";

export type SourceTable = "accounts" | "meters" | "readings" | "register_states" | "billed_usage";

export type BatchSources = Readonly<Record<SourceTable, RawBuilder<unknown>>>;

export const TABLES_THEMSELVES: BatchSources = {
  accounts: sql.table("accounts"),
  meters: sql.table("meters"),
  readings: sql.table("readings"),
  register_states: sql.table("register_states"),
  billed_usage: sql.table("billed_usage"),
};

export async function sliceSources(
  tx: Tx,
  batch: { providerId: number; accountFrom: number; accountTo: number },
): Promise<BatchSources> {
  const { providerId: p, accountFrom: from, accountTo: to } = batch;
  const slices: readonly [SourceTable, RawBuilder<unknown>, string][] = [
    ["accounts", sql`select * from accounts where provider_id = ${p} and id >= ${from} and id < ${to}`, "id"],
    [
      "meters",
      sql`select * from meters where provider_id = ${p} and account_id >= ${from} and account_id < ${to}`,
      "account_id, id",
    ],
    [
      "readings",
      sql`select * from readings where provider_id = ${p} and account_id >= ${from} and account_id < ${to}`,
      "account_id, meter_id, zone, deemed_on",
    ],
    [
      "register_states",
      sql`select * from register_states where account_id >= ${from} and account_id < ${to}`,
      "account_id, meter_id, zone",
    ],
    [
      "billed_usage",
      sql`select * from billed_usage where provider_id = ${p} and account_id >= ${from} and account_id < ${to}`,
      "account_id, meter_id, zone, period",
    ],
  ];
  for (const [table, select, key] of slices) {
    const name = `batch_${table}`;
    await sql`create temp table ${sql.table(name)} on commit drop as ${select}`.execute(tx);
    await sql.raw(`create index on ${name} (${key}); analyze ${name}`).execute(tx);
  }
  return {
    accounts: sql.table("batch_accounts"),
    meters: sql.table("batch_meters"),
    readings: sql.table("batch_readings"),
    register_states: sql.table("batch_register_states"),
    billed_usage: sql.table("batch_billed_usage"),
  };
}
