// pg-boss, the job queue: its jobs, queues and cron schedules live in the database (schema `pgboss`), so any
// number of app processes share them and a schedule survives restarts. On PostgreSQL it opens its own small
// pool from DATABASE_URL; on the embedded PGlite it runs its SQL through the app's one connection.
import { CompiledQuery } from "kysely";
import PgBoss from "pg-boss";
import type { Database } from "../db/database.ts";

export const DEFAULT_BOSS_SCHEMA = "pgboss";

export interface BossOptions {
  /** postgres://…: required on PostgreSQL. */
  databaseUrl?: string | undefined;
  /** Where pg-boss keeps its tables (tests use one of their own). */
  schema?: string;
  /**
   * Run the scheduler and the maintenance timers: true in `serve`; false for a command that only reads or
   * writes schedules and exits.
   */
  background?: boolean;
  /** pg-boss's background errors (a poll that failed, say): it carries on, so they are only reported. */
  onError?: (err: Error) => void;
}

export async function startBoss(database: Database, options: BossOptions = {}): Promise<PgBoss> {
  const background = options.background ?? true;
  const common = {
    schema: options.schema ?? DEFAULT_BOSS_SCHEMA,
    schedule: background,
    supervise: background,
    // Cron fires at most once a minute; checking every 30 s is enough and keeps an idle process quiet.
    cronMonitorIntervalSeconds: 30,
    cronWorkerIntervalSeconds: 30,
  };
  let boss: PgBoss;
  if (database.engine === "postgres") {
    if (!options.databaseUrl) throw new Error("pg-boss on PostgreSQL needs the database URL");
    boss = new PgBoss({
      ...common,
      connectionString: options.databaseUrl,
      max: 2,
      application_name: "abonent-jobs",
    });
  } else {
    boss = new PgBoss({ ...common, db: pgliteExecutor(database) });
  }
  // Listened to before start: an "error" event nobody listens to would end the process.
  boss.on("error", options.onError ?? ((err) => console.error(`abonent: job queue: ${err.message}`)));
  await boss.start();
  return boss;
}

/**
 * pg-boss's `db` option on PGlite. The embedded database is one connection that Kysely hands out in turn; pg-boss
 * queries take their turn the same way, so they never land inside one of the app's transactions (nor commit it:
 * pg-boss sends `BEGIN; …; COMMIT;` scripts). A script of several statements cannot be a prepared statement, so it
 * runs as a simple query; pg-boss reads no rows from its scripts.
 */
function pgliteExecutor(database: Database): PgBoss.Db {
  return {
    executeSql: (text: string, values?: unknown[]) =>
      database.db.connection().execute(async (conn) => {
        try {
          const result = await conn.executeQuery(CompiledQuery.raw(text, values ?? []));
          return { rows: result.rows as unknown[] };
        } catch (e) {
          if (!isMultiStatement(e) || (values && values.length > 0)) throw e;
          await database.exec(text);
          return { rows: [] };
        }
      }),
  };
}

function isMultiStatement(e: unknown): boolean {
  return e instanceof Error && /multiple commands into a prepared statement/.test(e.message);
}
