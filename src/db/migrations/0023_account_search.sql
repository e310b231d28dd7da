-- Finding an account the way an operator hears it (services/account-search): by its number typed any way, a
-- phone, the holder's name or the address, ranked by trigram similarity (pg_trgm).
--
-- Names and streets repeat: a million accounts carry far fewer distinct holder names, and a region has a few
-- thousand streets for hundreds of thousands of dwellings. A trigram index over the accounts themselves would
-- find tens of thousands of rows for a common surname and score every one (measured on the demo's 1,000,000
-- accounts: 0.2–1.8 s). So the similarity is searched among the distinct values, kept in two small tables, and
-- their rows are then found by equality through ordinary indexes.
create extension if not exists pg_trgm;

-- Each provider's distinct holder names.
create table account_holder_names (
  provider_id integer not null,
  holder_name text not null,
  primary key (provider_id, holder_name)
);
insert into account_holder_names (provider_id, holder_name)
select distinct provider_id, holder_name from accounts;
create index account_holder_names_trgm on account_holder_names using gin (holder_name gin_trgm_ops);
create index accounts_holder_name on accounts (holder_name, provider_id, id);

-- Each settlement's distinct streets.
create table premise_streets (
  settlement_id integer not null,
  street text not null,
  primary key (settlement_id, street)
);
insert into premise_streets (settlement_id, street)
select distinct settlement_id, street from premises;
create index premise_streets_trgm on premise_streets using gin (street gin_trgm_ops);

-- A number typed without the zeros that lead a run of its digits ("ВК291000" for ВК0291000, "10-20835/3" for
-- 10-020835/3): the printed number with those zeros dropped, then normalized as number_normalized is (separators
-- out, upper case, Cyrillic look-alikes Latin). domain/account-search-query.ts holds the same expression.
create index accounts_number_unpadded on accounts ((translate(upper(regexp_replace(regexp_replace(number, '(^|[^0-9])0+([0-9])', '\1\2', 'g'), E'[-/. \u00A0\u202F]+', '', 'g')), 'АВЕКМНОРСТХІЅЈ', 'ABEKMHOPCTXISJ')));

-- The two tables follow the accounts and premises written, once per statement, so a load of a million accounts
-- in batches adds one insert … select per batch. Only ever added to: a name nobody holds any more finds no row.
create function account_holder_names_note() returns trigger language plpgsql as $$
begin
  insert into account_holder_names (provider_id, holder_name)
  select distinct provider_id, holder_name from new_accounts
  on conflict do nothing;
  return null;
end $$;
create trigger account_holder_names_insert after insert on accounts
  referencing new table as new_accounts for each statement execute function account_holder_names_note();
create trigger account_holder_names_update after update on accounts
  referencing new table as new_accounts for each statement execute function account_holder_names_note();

create function premise_streets_note() returns trigger language plpgsql as $$
begin
  insert into premise_streets (settlement_id, street)
  select distinct settlement_id, street from new_premises
  on conflict do nothing;
  return null;
end $$;
create trigger premise_streets_insert after insert on premises
  referencing new table as new_premises for each statement execute function premise_streets_note();
create trigger premise_streets_update after update on premises
  referencing new table as new_premises for each statement execute function premise_streets_note();

-- As migration 0019 does for the others: the functions name this schema's tables whatever the search path.
do $$
declare
  f text;
begin
  foreach f in array array['account_holder_names_note', 'premise_streets_note'] loop
    execute format('alter function %I.%I() set search_path = %I, pg_temp', current_schema(), f, current_schema());
  end loop;
end $$;

-- The planner's figures for the new expression index (an installation that migrates with its accounts in place
-- would otherwise plan the number's lookup as if thousands of accounts shared each key).
analyze accounts;
analyze account_holder_names;
analyze premise_streets;
