-- Bank payment registries (docs/registries.md), issue 13: a limit on one payment's amount per source, lines a
-- source's files carry above the header (a bank's preamble) and below the payments (a totals line), and payment
-- references compared in any case.

-- 10,000,000 kopiykas = 100,000 UAH, the household limit card payments have too (domain/payments/order-status.ts).
alter table registry_sources
  add column max_amount_kop bigint not null default 10000000
    check (max_amount_kop between 1 and 9007199254740991),
  add column skip_first_lines integer not null default 0 check (skip_first_lines between 0 and 100),
  add column skip_last_lines integer not null default 0 check (skip_last_lines between 0 and 100);

-- Lines skipped by those settings: not payments, counted here and listed in the report, not kept as lines.
alter table payment_registries add column skipped_lines integer not null default 0 check (skipped_lines >= 0);

-- "R1-001" and "r1-001" are one payment: a reference is posted once per source whatever its case. An installation
-- where such a pair was already posted twice keeps a plain index (and a warning) until someone reverses one of the
-- two; the import compares references in any case either way.
drop index registry_lines_posted;
do $$
begin
  if exists (
    select 1 from registry_lines where outcome = 'posted'
    group by source_id, lower(reference) having count(*) > 1
  ) then
    raise warning 'registry_lines: references posted twice in different case; see docs/registries.md';
    create index registry_lines_posted on registry_lines (source_id, lower(reference)) where outcome = 'posted';
  else
    create unique index registry_lines_posted on registry_lines (source_id, lower(reference))
      where outcome = 'posted';
  end if;
end
$$;

-- registry_lines is written only by the import, set-based, from ids the same transaction has just read or written
-- (its registry, its source, the provider and account it matched): like billed_usage (0007), without foreign keys.
-- Their row-by-row checks were half the time of a large file's import (6 of 12 s for 100,000 lines).
alter table registry_lines
  drop constraint registry_lines_registry_id_fkey,
  drop constraint registry_lines_source_id_fkey,
  drop constraint registry_lines_provider_id_fkey,
  drop constraint registry_lines_account_id_fkey;
