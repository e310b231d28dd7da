// Loads the demo region into an empty database: reference data, then generated households batch by batch
// (each batch one transaction, so a progress bar can follow), then the named demo people.
import { sql } from "kysely";
import type { Database } from "../db/database.ts";
import { createDemoPeople } from "./demo-people.ts";
import { buildFragments, DEMO_FUNCTIONS_SQL, generateBatch } from "./generate-batch.ts";
import { loadReference } from "./load-reference.ts";

export interface SeedOptions {
  accounts: number;
  seed: number;
  /** The day the history ends (Kyiv calendar date): 12 months of readings before it. */
  asOf: string;
  onProgress?: (accountsDone: number, accountsTotal: number) => void;
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

  let done = 0;
  let premise = 1;
  options.onProgress?.(0, options.accounts);
  // A household holds about 2.4 accounts on average; each batch takes enough premises for its share.
  const premisesPerBatch = Math.max(50, Math.ceil(ACCOUNTS_PER_BATCH / 2.4));
  while (done < options.accounts) {
    const left = options.accounts - done;
    const span = Math.min(premisesPerBatch, Math.ceil(left / 1.5) + 10);
    const made = await db.transaction().execute(async (trx) => {
      if (database.engine === "postgres") await sql`set local synchronous_commit = off`.execute(trx);
      return generateBatch(trx, fragments, {
        seed: options.seed,
        asOf: options.asOf,
        firstPremise: premise,
        lastPremise: premise + span,
        accountsLeft: left,
      });
    });
    done += made;
    premise += span;
    options.onProgress?.(done, options.accounts);
  }

  await db.transaction().execute(async (trx) => {
    await createDemoPeople(trx, ids);
    // Explicit ids were used for generated rows: move the identity sequences past them.
    for (const table of ["premises", "accounts", "meters"] as const) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), greatest((select max(id) from ${sql.table(table)}), 1))`.execute(
        trx,
      );
    }
    await trx
      .insertInto("demo_region")
      .values({ seed: options.seed, accounts: done, as_of: options.asOf })
      .execute();
  });
  await sql`analyze`.execute(db);

  const count = async (q: string) => (await sql.raw<{ n: number }>(q).execute(db)).rows[0]?.n ?? 0;
  return {
    accounts: done,
    premises: await count("select count(*)::int as n from premises"),
    meters: await count("select count(*)::int as n from meters"),
    readings: await count("select count(*)::int as n from readings"),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
