// Drops every table, function and sequence of the current schema (the seed's --reset, tests).
import type { Database } from "./database.ts";

export async function resetDatabase(database: Database): Promise<void> {
  await database.exec(`
    do $$ declare s text := current_schema(); r record; begin
      if not exists (select 1 from pg_extension where extname = 'citus') then
        execute format('drop schema %I cascade', s);
        execute format('create schema %I', s);
        return;
      end if;
      -- Citus keeps views of its own in the schema (citus_tables, citus_schemas): dropping the schema would take
      -- the extension with it. Only what is not an extension's goes, the tables first and all in one statement
      -- (their shards with them): dropped one by one, a coordinator table left without its foreign key to another
      -- would be turned back into a plain table, which Citus refuses for one with an identity column.
      select string_agg(c.oid::regclass::text, ', ') as names into r from pg_class c
      where c.relnamespace = s::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e');
      if r.names is not null then
        execute 'drop table ' || r.names || ' cascade';
      end if;
      for r in select c.oid::regclass as name from pg_class c
               where c.relnamespace = s::regnamespace and c.relkind = 'S'
                 and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e') loop
        execute format('drop sequence if exists %s cascade', r.name);
      end loop;
      for r in select p.oid::regprocedure as name from pg_proc p
               where p.pronamespace = s::regnamespace
                 and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e') loop
        execute format('drop function if exists %s cascade', r.name);
      end loop;
    end $$;`);
}
