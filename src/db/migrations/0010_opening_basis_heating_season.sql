-- The heating season per provider, and an installation's opening position (docs/billing.md).

-- Heating is billed by norm only in the heating season, prorated by days. The season's first and last days
-- (MM-DD, both included; it runs across the new year) are the provider's decision; by default 15 October to
-- 15 April, as heat suppliers usually start and end it (CMU resolution No. 830 of 21.08.2019 ties the real dates
-- to the weather).
alter table providers
  add column heating_season_starts text not null default '10-15'
    check (heating_season_starts ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  add column heating_season_ends text not null default '04-15'
    check (heating_season_ends ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$');

-- An installation that takes over from another billing system starts from an opening basis: per meter zone the
-- last reading the old system billed ('opening' rows, quantity and amount 0, the value in to_value), and per
-- account and service the balance it carried over (ledger kind 'opening_balance', debt or advance).
alter table billed_usage drop constraint billed_usage_method_check;
alter table billed_usage add constraint billed_usage_method_check
  check (method in ('actual', 'average', 'norm', 'none', 'unmetered', 'opening'));
-- An opening row was billed by no run of ours.
alter table billed_usage alter column run_id drop not null;
alter table billed_usage add constraint billed_usage_run_check check ((run_id is null) = (method = 'opening'));

alter table ledger_entries drop constraint ledger_entries_kind_check;
alter table ledger_entries add constraint ledger_entries_kind_check
  check (kind in ('charge', 'estimated_charge', 'recalculation', 'payment', 'adjustment', 'opening_balance'));
