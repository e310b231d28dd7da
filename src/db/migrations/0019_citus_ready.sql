-- The schema made ready to be spread over a Citus cluster (docs/scale-out.md). On plain PostgreSQL and PGlite it
-- changes nothing a reader sees; on a database with the citus extension, `abonent migrate` then distributes the
-- tables (src/db/citus/distribute.ts).

-- 1. An account's number is unique per provider. On Citus a unique key must hold the distribution column, and
--    accounts are distributed by id, so the key moves to a table of its own, distributed by the number: a lookup by
--    number is then one shard's, and the key is checked there. The writer of accounts writes both (the demo
--    generator; an import of accounts will do the same), in one transaction.
create table account_numbers (
  number_normalized text not null,
  provider_id integer not null,
  account_id bigint not null,
  primary key (number_normalized, provider_id)
);
insert into account_numbers (number_normalized, provider_id, account_id)
select number_normalized, provider_id, id from accounts;
alter table accounts drop constraint accounts_provider_id_number_normalized_key;

-- 2. A month's partition is made inside the writer's transaction. On Citus, attaching it distributes it, which
--    must run over one connection per node (the partition has foreign keys to reference tables) and before any
--    query of the transaction ran in parallel: the writers make their months first (src/db/period-partitions.ts).
create or replace function ensure_period_partition(parent regclass, period date) returns void language plpgsql as $$
declare
  month date := date_trunc('month', period)::date;
  schema_name text;
  part text;
  known constant text := 'select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                          where i.inhparent = $1 and c.relname = $2';
  found_it boolean;
  -- Null where citus is not loaded.
  citus_mode text := current_setting('citus.multi_shard_modify_mode', true);
begin
  select n.nspname, c.relname || '_p' || to_char(month, 'YYYYMM') into schema_name, part
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.oid = parent;
  execute 'select exists (' || known || ')' into found_it using parent, part;
  if found_it then
    return;
  end if;
  perform pg_advisory_xact_lock(hashtext('abonent.period_partition'), parent::oid::int);
  -- A query of its own, so it sees what a transaction that held the lock before us committed.
  execute 'select exists (' || known || ')' into found_it using parent, part;
  if found_it then
    return;
  end if;
  if citus_mode is not null then
    perform set_config('citus.multi_shard_modify_mode', 'sequential', true);
  end if;
  execute format('create table %I.%I (like %s including defaults including constraints)', schema_name, part, parent);
  execute format('alter table %s attach partition %I.%I for values from (%L) to (%L)', parent, schema_name, part,
                 month, (month + interval '1 month')::date);
  if citus_mode is not null then
    perform set_config('citus.multi_shard_modify_mode', citus_mode, true);
  end if;
end $$;

-- 3. The register states' bookkeeping of written readings (migration 0015) as a row trigger. Citus plans no query
--    over a statement trigger's transition table, so on Citus `abonent migrate` puts this one in place of the three
--    statement triggers (src/db/citus/distribute.ts); elsewhere the statement triggers stay, one probe per register
--    and statement rather than per row. Each row bumps its register's version (while a run of its provider is in
--    progress) and its late count (when the state covers the reading's date) as the statement triggers do, by one
--    per row rather than one per statement: both are only ever compared for change, so the two count the same.
--    A row's register is found by its primary key, which holds the distribution column: on Citus the update is
--    the shard's own, on the same node as the reading (the tables are colocated by account).
create function readings_note_register_state_row() returns trigger language plpgsql as $$
declare
  r readings;
begin
  foreach r in array (case tg_op when 'INSERT' then array[new] when 'DELETE' then array[old]
                      else array[old, new] end) loop
    if exists (select 1 from billing_runs b where b.provider_id = r.provider_id and b.status = 'running') then
      insert into register_states as s (account_id, meter_id, zone, provider_id, version)
      values (r.account_id, r.meter_id, r.zone, r.provider_id, 1)
      on conflict (account_id, meter_id, zone) do update set version = s.version + 1;
    end if;
    update register_states s set late_count = s.late_count + 1
    where s.account_id = r.account_id and s.meter_id = r.meter_id and s.zone = r.zone
      and r.deemed_on <= s.covered_on;
  end loop;
  return null;
end $$;

-- 4. The users' logins kept as identities (migration 0013) by a row trigger, for the same reason: on Citus the
--    statement triggers' transition tables cannot be planned, and `abonent migrate` puts this one in their place.
create function users_login_identity_row() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    delete from identities i
    where i.user_id = old.id
      and ((i.kind = 'email' and i.external_id = old.email and old.email is distinct from new.email)
        or (i.kind = 'phone' and i.external_id = old.phone and old.phone is distinct from new.phone));
  end if;
  insert into identities (user_id, kind, external_id, verified_at)
  select new.id, l.kind, l.external_id, now()
  from (values ('email', new.email), ('phone', new.phone)) as l (kind, external_id)
  where l.external_id is not null
    and not exists (
      select 1 from identities i where i.kind = l.kind and i.external_id = l.external_id and i.user_id = new.id
    );
  return null;
end $$;

-- 5. Trigger functions name the tables of the schema they were made in, whatever the session's search path: on
--    Citus they run on the workers, in sessions of the coordinator's own, where an installation in a schema other
--    than public would otherwise find another schema's tables (or none). Named as a constant (Citus refuses SET …
--    FROM CURRENT on the functions it propagates).
do $$
declare
  f text;
begin
  foreach f in array array['tariffs_no_overlap', 'ledger_entries_check_references', 'ledger_entries_referenced',
                           'users_login_identities', 'readings_note_register_states', 'readings_forget_register_states',
                           'readings_note_register_state_row', 'users_login_identity_row'] loop
    execute format('alter function %I.%I() set search_path = %I, pg_temp', current_schema(), f, current_schema());
  end loop;
end $$;
