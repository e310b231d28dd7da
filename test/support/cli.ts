// The `abonent` command as real processes against a database a suite owns: an embedded PGlite directory, and, when
// TEST_DATABASE_URL is set, a fresh PostgreSQL schema the processes reach through the URL's search_path. The test
// reads the same database back between runs (PGlite admits one process at a time, so never during one).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase } from "../../src/db/database.ts";
import { postgresUrl } from "./databases.ts";
import { sharedExtensionSchema } from "./pg-extensions.ts";

export const BIN = new URL("../../bin/abonent.js", import.meta.url).pathname;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliTarget {
  name: "pglite" | "postgres";
  /** Environment that points a process at this database. */
  env: Record<string, string>;
  /** Creates the database (the PostgreSQL schema); call once before the first run. */
  prepare(): Promise<void>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
  /** Runs `abonent ARGS…` to its end. */
  run(args: string[], env?: Record<string, string>): Promise<Run>;
  /** Opens the database for `fn`, and closes it again before the next process needs it. */
  read<T>(fn: (database: Database) => Promise<T>): Promise<T>;
}

function target(
  name: CliTarget["name"],
  env: Record<string, string>,
  base: Pick<CliTarget, "prepare" | "open" | "dispose">,
): CliTarget {
  return {
    name,
    env,
    ...base,
    run: (args, extra = {}) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], {
          env: { ...process.env, LOG_LEVEL: "silent", ...env, ...extra },
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("exit", (code) => resolve({ code, stdout, stderr }));
      }),
    async read(fn) {
      const database = await base.open();
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    },
  };
}

function pgliteTarget(prefix: string): CliTarget {
  const dataDir = mkdtempSync(join(tmpdir(), `abonent-${prefix}-`));
  return target(
    "pglite",
    { DATABASE_URL: "", DATA_DIR: dataDir },
    {
      prepare: async () => {},
      open: () => openDatabase({ pgliteDir: join(dataDir, "pglite") }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    },
  );
}

async function asAdmin(url: string, statement: string): Promise<void> {
  const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    await admin.exec(statement);
  } finally {
    await admin.close();
  }
}

function postgresTarget(url: string): CliTarget {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  // The shared extensions' schema (pg-extensions.ts) is on the path too.
  const path = `${schema},extensions`;
  const withPath = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${path}`)}`;
  return target(
    "postgres",
    { DATABASE_URL: withPath },
    {
      prepare: async () => {
        await asAdmin(url, `create schema if not exists ${schema}`);
        const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
        await sharedExtensionSchema(admin).finally(() => admin.close());
      },
      // Several connections: a billing run in the test itself takes two batches at once plus its lock's session.
      open: () => openDatabase({ databaseUrl: url, searchPath: path, poolSize: 4 }),
      dispose: () => asAdmin(url, `drop schema if exists ${schema} cascade`),
    },
  );
}

/** One target per database engine the suite runs on; `prefix` names the PGlite directory. */
export function cliTargets(prefix: string): CliTarget[] {
  return [pgliteTarget(prefix), ...(postgresUrl ? [postgresTarget(postgresUrl)] : [])];
}
