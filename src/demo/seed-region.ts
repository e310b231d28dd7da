// Loads the demo region into an empty database: reference data, then generated households batch by batch, then
// their readings (each batch one transaction, so a progress bar can follow), then the named demo people.
// A load cut short leaves a partial region: load again with --reset.
import { sql } from "kysely";
import { oneConnectionPerNode } from "../db/citus/one-connection-per-node.ts";
import type { Database } from "../db/database.ts";
import { deferForeignKeys, deferIndexes, deferStructure, restoreStructure } from "./bulk-load.ts";
import { createDemoPeople } from "./demo-people.ts";
import {
  type BatchParams,
  buildFragments,
  countAccountsPerSpan,
  DEMO_FUNCTIONS_SQL,
  generateBatch,
} from "./generate-batch.ts";
import { generateReadings } from "./generate-readings.ts";
import { loadReference } from "./load-reference.ts";

export interface SeedOptions {
  accounts: number;
  seed: number;
  /** The day the history ends (Kyiv calendar date): 12 months of readings before it. */
  asOf: string;
  /** Progress in accounts: a third for the households, the rest for their readings. */
  onProgress?: (accountsDone: number, accountsTotal: number) => void;
  /** After the last batch, on PostgreSQL: the readings' indexes and foreign keys are being built. */
  onStage?: (stage: "indexing") => void;
}

export class SeedError extends Error {}

export interface SeedResult {
  accounts: number;
  premises: number;
  meters: number;
  readings: number;
  seconds: number;
}

/** About 50,000 accounts a batch (2.4 a premise). */
const PREMISES_PER_BATCH = 20_834;
/** Connections loading at once on PostgreSQL: one per core of a small server. */
const LANES = 2;

export async function hasRegion(database: Database): Promise<boolean> {
  return (await database.db.selectFrom("providers").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function seedRegion(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { db } = database;
  if (await hasRegion(database))
    throw new SeedError("the database already holds providers; seed an empty database");

  await database.exec(DEMO_FUNCTIONS_SQL);
  const ids = await db.transaction().execute((trx) => loadReference(trx, options.asOf));
  const fragments = buildFragments(ids);

  // The batches are planned up front from the same draws that generate them (each batch is told how many accounts
  // the region still needs at its first premise), so they can be loaded in any order, on several connections.
  const bulk = database.engine === "postgres";
  const lanes = bulk ? LANES : 1;
  const span = Math.min(PREMISES_PER_BATCH, Math.ceil(options.accounts / 1.5) + 10);
  const batches: { params: BatchParams; accounts: number }[] = [];
  let planned = 0;
  for (let from = 0; planned < options.accounts; ) {
    // About 2.4 accounts a premise: enough spans for the accounts still wanted, and then some.
    const spans = Math.ceil((options.accounts - planned) / (1.5 * span)) + 1;
    const counts = await db
      .transaction()
      .execute((trx) => countAccountsPerSpan(trx, fragments, { seed: options.seed, span, spans, from }));
    for (const n of counts) {
      if (planned >= options.accounts) break;
      const firstPremise = 1 + from * span;
      batches.push({
        params: {
          seed: options.seed,
          asOf: options.asOf,
          firstPremise,
          lastPremise: firstPremise + span,
          accountsLeft: options.accounts - planned,
        },
        accounts: Math.min(n, options.accounts - planned),
      });
      planned += n;
      from++;
    }
  }
  const made = Math.min(planned, options.accounts);
  options.onProgress?.(0, made);

  const inLanes = async (work: (batch: (typeof batches)[number]) => Promise<void>) => {
    let next = 0;
    const lane = async () => {
      while (next < batches.length) await work(batches[next++]!);
    };
    await Promise.all(Array.from({ length: lanes }, lane));
  };
  // Households first: premises, accounts, residents, meters. On PostgreSQL their foreign keys are checked once each
  // afterwards rather than row by row (bulk-load.ts).
  const householdKeys = bulk
    ? await deferForeignKeys(db, ["premises", "accounts", "users", "user_accounts", "meters"])
    : undefined;
  // The search's indexes on the accounts (migration 0023) are built after the load too.
  const searchIndexes = bulk
    ? await deferIndexes(db, ["accounts_holder_name", "accounts_number_unpadded"])
    : undefined;
  let done = 0;
  await inLanes(async (batch) => {
    await db.transaction().execute(async (trx) => {
      if (bulk) await sql`set local synchronous_commit = off`.execute(trx);
      await oneConnectionPerNode(trx);
      await generateBatch(trx, fragments, batch.params);
    });
    done += batch.accounts;
    options.onProgress?.(Math.round(done / 3), made);
  });

  if (householdKeys) await restoreStructure(db, householdKeys);
  if (searchIndexes) await restoreStructure(db, searchIndexes);

  // Then their readings, a dozen per meter zone: most of the region's rows. On PostgreSQL into the bare table, with
  // its indexes and foreign keys built afterwards (bulk-load.ts).
  const deferred = bulk ? await deferStructure(db, "readings") : undefined;
  done = 0;
  await inLanes(async (batch) => {
    await generateReadings(database, fragments.readingPlan, batch.params);
    done += batch.accounts;
    options.onProgress?.(Math.round(made / 3 + (2 * done) / 3), made);
  });
  if (deferred) {
    options.onStage?.("indexing");
    await restoreStructure(db, deferred);
  }

  await db.transaction().execute(async (trx) => {
    await createDemoPeople(trx, ids);
    // Explicit ids were used for generated rows: move the identity sequences past them.
    for (const table of ["premises", "accounts", "meters", "readings"] as const) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.table(table)}), 1))`.execute(
        trx,
      );
    }
    await trx
      .insertInto("demo_region")
      .values({ seed: options.seed, accounts: made, as_of: options.asOf })
      .execute();
  });
  // Vacuumed as well as analysed: the freshly loaded pages get their visibility map and hint bits now, not from
  // the first billing run's reads (which then paid a heap visit per index probe: measured, brd took twice as long).
  await sql`vacuum (analyze)`.execute(db);

  const count = async (q: string) => (await sql.raw<{ n: number }>(q).execute(db)).rows[0]?.n ?? 0;
  return {
    accounts: made,
    premises: await count("select count(*)::int as n from premises"),
    meters: await count("select count(*)::int as n from meters"),
    readings: await count("select count(*)::int as n from readings"),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
