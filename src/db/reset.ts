// Drops every table, function and sequence of the current schema (the seed's --reset, tests).
import type { Database } from "./database.ts";

export async function resetDatabase(database: Database): Promise<void> {
  await database.exec(`
    do $$ declare s text := current_schema(); begin
      execute format('drop schema %I cascade', s);
      execute format('create schema %I', s);
    end $$;`);
}
