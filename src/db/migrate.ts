// Plain SQL migrations, applied in file-name order, each in its own transaction, once.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { distributeForCitus } from "./citus/distribute.ts";
import type { Database } from "./database.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
// Any number of app processes may start at once; one of them migrates while the others wait.
const LOCK_KEY = 4_242_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(dir + name, "utf8");
      return { name, sql: text, checksum: createHash("sha256").update(text).digest("hex").slice(0, 16) };
    });
}

export class MigrationError extends Error {}

/**
 * Applies what is missing, up to and including `through` when named (a test of one migration's data move);
 * returns the names applied now. On a database with the citus extension it then places the tables not placed
 * yet (citus/distribute.ts) and tells `report` which.
 */
export async function migrate(
  database: Database,
  options: { through?: string; report?: (line: string) => void } = {},
): Promise<string[]> {
  const { through } = options;
  return database.withSession(async (s) => {
    await s.query("select pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      await s.exec(`create table if not exists schema_migrations (
        name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
      const rows = await s.query<{ name: string; checksum: string }>(
        "select name, checksum from schema_migrations",
      );
      const done = new Map(rows.map((r) => [r.name, r.checksum]));
      const applied: string[] = [];
      for (const m of listMigrations().filter((m) => through === undefined || m.name <= through)) {
        const seen = done.get(m.name);
        if (seen !== undefined) {
          if (seen !== m.checksum) {
            throw new MigrationError(
              `migration ${m.name} was changed after it was applied; add a new one instead`,
            );
          }
          continue;
        }
        try {
          await s.exec(
            `begin;\n${m.sql}\n;insert into schema_migrations (name, checksum) values ('${m.name}', '${m.checksum}');\ncommit;`,
          );
        } catch (e) {
          await s.exec("rollback").catch(() => {});
          throw new MigrationError(`migration ${m.name} failed: ${(e as Error).message}`);
        }
        applied.push(m.name);
      }
      if (through === undefined && database.engine === "postgres") {
        const citus = await distributeForCitus(s);
        if (citus?.placed.length) options.report?.(`citus: placed ${citus.placed.join(", ")}`);
        if (citus?.unknown.length) {
          options.report?.(`citus: left on the coordinator (not in the layout): ${citus.unknown.join(", ")}`);
        }
      }
      return applied;
    } finally {
      await s.query("select pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  });
}
