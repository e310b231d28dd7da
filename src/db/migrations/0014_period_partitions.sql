-- The billing run's output tables partitioned by month, and the ledger's foreign keys checked once per statement
-- (docs/billing.md, "Ledger partitions").
--
-- A month's run inserts a row per account and service into ledger_entries, billed_usage and planned_payments. Their
-- account-leading indexes spanned every month, so each row landed on a random leaf of a large B-tree; with a
-- partition per month (range on period) a month's rows go to that month's small, fresh indexes. Readers query the
-- parent as before. There is no default partition: one holding a month's rows would stop that month's partition
-- from being created later. Writers create the month first (ensure_period_partition, src/db/period-partitions.ts).

-- Creates <parent>_pYYYYMM for the month of `period` unless it exists. The common case is one catalog lookup: no
-- lock, no DDL. Otherwise it takes a transaction-level advisory lock on the table (not on the table and month: a
-- transaction that creates two months would hold the parent's lock from the first attach while waiting for the
-- second month's key, and another creating only that second month would wait for the parent: a deadlock), looks
-- again (another transaction may have created it meanwhile), and creates it in two steps for their locks:
--   create table … (like parent): a new, empty table; only ACCESS SHARE on the parent, to read its definition;
--   alter table parent attach partition: SHARE UPDATE EXCLUSIVE on the parent (inserts, updates and reads of the
--     other partitions go on; other attaches, vacuum and analyze wait) and ACCESS EXCLUSIVE on the new table only.
--   create table … partition of parent would take ACCESS EXCLUSIVE on the parent, stopping every reader and writer.
-- The locks last until the caller's transaction ends, so writers create their months before their batch's work.
create function ensure_period_partition(parent regclass, period date) returns void language plpgsql as $$
declare
  month date := date_trunc('month', period)::date;
  schema_name text;
  part text;
  known constant text := 'select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                          where i.inhparent = $1 and c.relname = $2';
  found_it boolean;
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
  execute format('create table %I.%I (like %s including defaults including constraints)', schema_name, part, parent);
  execute format('alter table %s attach partition %I.%I for values from (%L) to (%L)', parent, schema_name, part,
                 month, (month + interval '1 month')::date);
end $$;

-- ledger_entries: the same columns, defaults, checks and append-only trigger. The primary key takes the period:
-- (account_id, period, id). The id comes from a plain sequence, not an identity column: identity on a partitioned
-- table differs between the engines (PostgreSQL 15 gives a partition no identity of its own; PGlite's PostgreSQL 17
-- refuses to attach a table that has one), while a sequence default behaves the same on both.
alter table ledger_entries rename to ledger_entries_unpartitioned;
alter table ledger_entries_unpartitioned alter column id drop identity;
create sequence ledger_entries_id_seq as bigint;

create table ledger_entries (
  account_id bigint not null,
  id bigint not null default nextval('ledger_entries_id_seq'),
  provider_id integer not null,
  service_code text,
  period date not null constraint ledger_entries_period_check check (extract(day from period) = 1),
  kind text not null constraint ledger_entries_kind_check
    check (kind in ('charge', 'estimated_charge', 'recalculation', 'payment', 'adjustment', 'opening_balance')),
  amount_kop bigint not null,
  entry_date date not null,
  posted_at timestamptz not null default now(),
  source text not null constraint ledger_entries_source_check
    check (source in ('billing', 'payment_gateway', 'bank_registry', 'operator', 'seed', 'import')),
  source_ref text,
  details jsonb,
  constraint ledger_entries_check check (kind not in ('charge', 'estimated_charge') or amount_kop >= 0),
  constraint ledger_entries_check1 check (kind <> 'payment' or amount_kop < 0),
  constraint ledger_entries_amount_exact check (amount_kop between -9007199254740991 and 9007199254740991)
) partition by range (period);
alter sequence ledger_entries_id_seq owned by ledger_entries.id;

select ensure_period_partition('ledger_entries', m.period)
from (select distinct period from ledger_entries_unpartitioned) m;
insert into ledger_entries (account_id, id, provider_id, service_code, period, kind, amount_kop, entry_date,
                            posted_at, source, source_ref, details)
select account_id, id, provider_id, service_code, period, kind, amount_kop, entry_date, posted_at, source,
       source_ref, details
from ledger_entries_unpartitioned;
-- New ids continue after the ones moved.
select setval('ledger_entries_id_seq', coalesce((select max(id) from ledger_entries), 0) + 1, false);
drop table ledger_entries_unpartitioned;

-- Indexes are built after the move, each partition's in one pass.
alter table ledger_entries add constraint ledger_entries_pkey primary key (account_id, period, id);
-- The dedup key carries the period (a unique index on a partitioned table must contain its partition key). That
-- does not weaken it, because each writer's source_ref fixes the period it posts to:
--   billing      'bill:<YYYY-MM>:<service>:<kind>': the period is in the reference;
--   bank_registry '<source>:<reference>': a reference posts once per source whatever its lines say
--                (registry_lines_posted, imports of one source take turns under an advisory lock, and the import
--                looks the reference up in the ledger by (account_id, source, source_ref), any period);
--   payment_gateway 'order:<id>' and 'order:<id>:reversed': the order's named period, else the Kyiv month of its
--                paid_at, which is written once, by the callback that credits it under the order's row lock (the
--                reversal takes the same month, so a retried callback in a later month computes the same key);
--   seed         'opening' at the opening month, 'seed:<YYYY-MM>' paid in the month after that billed month;
--   operator, import: nothing writes them yet; a writer of them must give a source_ref that fixes the period.
create unique index ledger_entries_source on ledger_entries (account_id, source, source_ref, period)
  where source_ref is not null;
create index ledger_entries_account on ledger_entries (account_id, entry_date);
create index ledger_entries_period on ledger_entries (provider_id, period);

-- A row trigger on the parent is cloned to every partition, those attached later included.
create trigger ledger_entries_append_only before update or delete on ledger_entries
  for each row execute function ledger_entries_append_only();

-- The foreign keys (account, provider, service) checked once per statement instead of row by row: one query over
-- the statement's new rows (rows routed to every partition are in the transition table). The error is the one a
-- foreign key raised. Writers insert through the parent: a statement trigger does not fire for an insert made
-- straight into a partition.
create function ledger_entries_check_references() returns trigger language plpgsql as $$
declare
  missing record;
begin
  select * into missing from (
    select 'account_id' as col, i.account_id::text as key, 'accounts' as ref
    from inserted i where not exists (select 1 from accounts a where a.id = i.account_id)
    union all
    select 'provider_id', i.provider_id::text, 'providers'
    from inserted i where not exists (select 1 from providers p where p.id = i.provider_id)
    union all
    select 'service_code', i.service_code, 'services'
    from inserted i where i.service_code is not null
      and not exists (select 1 from services s where s.code = i.service_code)
  ) m limit 1;
  if found then
    raise exception 'insert or update on table "ledger_entries" violates foreign key constraint "%"',
        'ledger_entries_' || missing.col || '_fkey'
      using errcode = '23503',
        detail = format('Key (%s)=(%s) is not present in table "%s".', missing.col, missing.key, missing.ref),
        constraint = 'ledger_entries_' || missing.col || '_fkey', table = 'ledger_entries', schema = tg_table_schema;
  end if;
  return null;
end $$;
create trigger ledger_entries_references after insert on ledger_entries
  referencing new table as inserted for each statement execute function ledger_entries_check_references();

-- The other side of those keys: an account, provider or service the ledger names cannot be deleted. The
-- application deletes none of them (providers and services are reference data); this keeps the guarantee the
-- foreign keys gave. Unlike a foreign key it locks no row, so a delete racing an uncommitted entry for the same
-- account is not caught; nothing deletes accounts.
create function ledger_entries_referenced() returns trigger language plpgsql as $$
declare
  col text := case tg_table_name when 'accounts' then 'account_id' when 'providers' then 'provider_id'
                                 else 'service_code' end;
  key text := case tg_table_name when 'services' then to_jsonb(old) ->> 'code' else to_jsonb(old) ->> 'id' end;
  used boolean;
begin
  execute format('select exists (select 1 from ledger_entries where %I = $1::%s)', col,
                 case col when 'service_code' then 'text' else 'bigint' end)
    into used using key;
  if used then
    raise exception 'update or delete on table "%" violates foreign key constraint "%" on table "ledger_entries"',
        tg_table_name, 'ledger_entries_' || col || '_fkey'
      using errcode = '23503',
        detail = format('Key (%s)=(%s) is still referenced from table "ledger_entries".',
                        case col when 'service_code' then 'code' else 'id' end, key),
        constraint = 'ledger_entries_' || col || '_fkey', table = tg_table_name, schema = tg_table_schema;
  end if;
  return old;
end $$;
create trigger accounts_ledger_entries before delete on accounts
  for each row execute function ledger_entries_referenced();
create trigger providers_ledger_entries before delete on providers
  for each row execute function ledger_entries_referenced();
create trigger services_ledger_entries before delete on services
  for each row execute function ledger_entries_referenced();

-- billed_usage: the same columns and checks; its unique key already holds the period.
alter table billed_usage rename to billed_usage_unpartitioned;
create table billed_usage (
  account_id bigint not null,
  meter_id bigint,
  zone smallint not null default 1 constraint billed_usage_zone_check check (zone between 1 and 3),
  period date not null constraint billed_usage_period_check check (extract(day from period) = 1),
  service_code text not null,
  provider_id integer not null,
  method text not null constraint billed_usage_method_check
    check (method in ('actual', 'average', 'norm', 'none', 'unmetered', 'opening')),
  quantity numeric(13, 3) not null constraint billed_usage_quantity_check check (quantity >= 0),
  from_value numeric(12, 3),
  to_value numeric(12, 3),
  to_reading_id bigint,
  amount_kop bigint not null constraint billed_usage_amount_kop_check check (amount_kop >= 0),
  run_id bigint,
  constraint billed_usage_check check ((method = 'unmetered') = (meter_id is null)),
  constraint billed_usage_run_check check ((run_id is null) = (method = 'opening'))
) partition by range (period);
select ensure_period_partition('billed_usage', m.period)
from (select distinct period from billed_usage_unpartitioned) m;
insert into billed_usage (account_id, meter_id, zone, period, service_code, provider_id, method, quantity,
                          from_value, to_value, to_reading_id, amount_kop, run_id)
select account_id, meter_id, zone, period, service_code, provider_id, method, quantity, from_value, to_value,
       to_reading_id, amount_kop, run_id
from billed_usage_unpartitioned;
drop table billed_usage_unpartitioned;
alter table billed_usage add constraint billed_usage_account_id_meter_id_zone_period_service_code_key
  unique nulls not distinct (account_id, meter_id, zone, period, service_code);
create index billed_usage_period on billed_usage (provider_id, period);

-- planned_payments: likewise; its primary key already holds the period.
alter table planned_payments rename to planned_payments_unpartitioned;
create table planned_payments (
  account_id bigint not null,
  period date not null constraint planned_payments_period_check check (extract(day from period) = 1),
  service_code text not null,
  provider_id integer not null,
  amount_kop bigint not null constraint planned_payments_amount_kop_check
    check (amount_kop >= 0 and amount_kop % 100 = 0),
  run_id bigint not null
) partition by range (period);
select ensure_period_partition('planned_payments', m.period)
from (select distinct period from planned_payments_unpartitioned) m;
insert into planned_payments (account_id, period, service_code, provider_id, amount_kop, run_id)
select account_id, period, service_code, provider_id, amount_kop, run_id from planned_payments_unpartitioned;
drop table planned_payments_unpartitioned;
alter table planned_payments add constraint planned_payments_pkey primary key (account_id, period, service_code);

-- Autovacuum analyzes partitions but never a partitioned parent, whose statistics the planner uses for joins.
analyze ledger_entries;
analyze billed_usage;
analyze planned_payments;
