// Runs a suite once per database engine: always on in-memory PGlite, and on PostgreSQL when
// TEST_DATABASE_URL (or DATABASE_URL) is set — each suite in a fresh schema that is dropped afterwards.
import { randomBytes } from "node:crypto";
import { after, before, describe } from "node:test";
import { type Database, openDatabase } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { type Deps, makeDeps } from "../../src/services/deps.ts";
import { sharedExtensionSchema } from "./pg-extensions.ts";

export interface DbFixture {
  database: Database;
  deps: Deps;
  /** Moves the clock that services see. */
  setNow(instant: Date | string): void;
}

export const postgresUrl = process.env["TEST_DATABASE_URL"] || process.env["DATABASE_URL"] || undefined;

export interface Engine {
  name: "pglite" | "postgres";
  open(): Promise<{ database: Database; dispose(): Promise<void> }>;
}

const pgliteEngine: Engine = {
  name: "pglite",
  async open() {
    const database = await openDatabase({});
    return { database, dispose: () => database.close() };
  },
};

function postgresEngine(url: string): Engine {
  return {
    name: "postgres",
    async open() {
      const schema = `t_${randomBytes(6).toString("hex")}`;
      const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
      await admin.exec(`create schema ${schema}`);
      const extensions = await sharedExtensionSchema(admin);
      const database = await openDatabase({
        databaseUrl: url,
        searchPath: `${schema},${extensions}`,
        poolSize: 20,
      });
      return {
        database,
        async dispose() {
          await database.close();
          await admin.exec(`drop schema ${schema} cascade`);
          await admin.close();
        },
      };
    },
  };
}

export function engines(): Engine[] {
  return postgresUrl ? [pgliteEngine, postgresEngine(postgresUrl)] : [pgliteEngine];
}

/** A fresh, migrated database per engine; `prepare` may load data once before the suite's tests. */
export function forEachDatabase(
  title: string,
  body: (get: () => DbFixture, engine: Engine["name"]) => void,
  prepare?: (fixture: DbFixture) => Promise<void>,
) {
  for (const engine of engines()) {
    describe(`${title} [${engine.name}]`, () => {
      let fixture: DbFixture | undefined;
      let dispose: (() => Promise<void>) | undefined;
      before(async () => {
        const opened = await engine.open();
        dispose = opened.dispose;
        await migrate(opened.database);
        let now = new Date();
        const deps = makeDeps(opened.database, () => now);
        fixture = {
          database: opened.database,
          deps,
          setNow(instant) {
            now = new Date(instant);
          },
        };
        if (prepare) await prepare(fixture);
      });
      after(async () => {
        await dispose?.();
      });
      body(() => {
        if (!fixture) throw new Error("database fixture used outside a test");
        return fixture;
      }, engine.name);
    });
  }
}
