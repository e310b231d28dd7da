// Loads the demo region into an empty database: reference data, then generated households batch by batch, then
// their readings (each batch one transaction, so a progress bar can follow), then the named demo people.
// A load cut short leaves a partial region: load again with --reset.
import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import { deferStructure, restoreStructure } from "./bulk-load.ts";
import { createDemoPeople } from "./demo-people.ts";
import {
  type BatchParams,
  buildFragments,
  DEMO_FUNCTIONS_SQL,
  generateBatch,
  generateReadings,
} from "./generate-batch.ts";
import { loadReference } from "./load-reference.ts";

export interface SeedOptions {
  accounts: number;
  seed: number;
  /** The day the history ends (Kyiv calendar date): 12 months of readings before it. */
  asOf: string;
  /** Accounts whose readings are loaded. */
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

const ACCOUNTS_PER_BATCH = 50_000;
/** Connections loading readings at once on PostgreSQL: one per core of a small server. */
const READING_LANES = 2;

export async function hasRegion(database: Database): Promise<boolean> {
  return (await database.db.selectFrom("providers").select("id").limit(1).executeTakeFirst()) !== undefined;
}

export async function seedRegion(database: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const { db } = database;
  if (await hasRegion(database))
    throw new SeedError("the database already holds providers; seed an empty database");

  await database.exec(DEMO_FUNCTIONS_SQL);
  const ids = await db.transaction().execute((trx) => loadReference(trx));
  const fragments = buildFragments(ids);

  // Households first, batch by batch (each batch's cap depends on the ones before it).
  let made = 0;
  let premise = 1;
  const batches: { params: BatchParams; accounts: number }[] = [];
  options.onProgress?.(0, options.accounts);
  // A household holds about 2.4 accounts on average; each batch takes enough premises for its share.
  const premisesPerBatch = Math.max(50, Math.ceil(ACCOUNTS_PER_BATCH / 2.4));
  while (made < options.accounts) {
    const left = options.accounts - made;
    const span = Math.min(premisesPerBatch, Math.ceil(left / 1.5) + 10);
    const params: BatchParams = {
      seed: options.seed,
      asOf: options.asOf,
      firstPremise: premise,
      lastPremise: premise + span,
      accountsLeft: left,
    };
    const accounts = await db.transaction().execute(async (trx) => {
      if (database.engine === "postgres") await sql`set local synchronous_commit = off`.execute(trx);
      return generateBatch(trx, fragments, params);
    });
    if (accounts > 0) batches.push({ params, accounts });
    made += accounts;
    premise += span;
  }

  // Then their readings, a dozen per meter zone: most of the region's rows. On PostgreSQL into the bare table on
  // two connections at once, with its indexes and foreign keys built afterwards (bulk-load.ts).
  const bulk = database.engine === "postgres";
  const deferred = bulk ? await deferStructure(db, "readings") : undefined;
  let done = 0;
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      await db.transaction().execute(async (trx) => {
        if (bulk) {
          await sql`set local synchronous_commit = off`.execute(trx);
          await sql`set local work_mem = '128MB'`.execute(trx);
        }
        await generateReadings(trx, fragments, batch.params);
      });
      done += batch.accounts;
      options.onProgress?.(done, options.accounts);
    }
  };
  await Promise.all(Array.from({ length: bulk ? READING_LANES : 1 }, lane));
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
  await sql`analyze`.execute(db);

  const count = async (q: string) => (await sql.raw<{ n: number }>(q).execute(db)).rows[0]?.n ?? 0;
  return {
    accounts: made,
    premises: await count("select count(*)::int as n from premises"),
    meters: await count("select count(*)::int as n from meters"),
    readings: await count("select count(*)::int as n from readings"),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
