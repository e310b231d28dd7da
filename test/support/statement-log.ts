// The SQL of every query run through a database handle, recorded as it runs: for tests that read the statements a
// path sends (test/db/citus-routing.test.ts), on whichever engine the suite runs.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from "kysely";
import type { Database } from "../../src/db/database.ts";

export interface RecordedDatabase {
  /** The same database, every query through it recorded. */
  database: Database;
  statements: string[];
}

export function recordStatements(database: Database): RecordedDatabase {
  const statements: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs) {
      statements.push(database.db.getExecutor().compileQuery(args.node, args.queryId).sql);
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs) {
      return args.result;
    },
  };
  return { database: { ...database, db: database.db.withPlugin(plugin) }, statements };
}
