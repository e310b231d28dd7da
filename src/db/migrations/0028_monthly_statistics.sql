-- Monthly statistics per provider, month and channel (docs/console.md, "Statistics"): what the console's statistics
-- page reads instead of scanning a month of readings, bills and payments on every view. A nightly job (and an
-- administrator's "refresh now") replaces a provider-month's rows in one transaction, computed set-based from the
-- month's partitions. A few dozen rows per provider-month: a reference table on a Citus cluster.
create table monthly_statistics (
  provider_id integer not null references providers (id),
  -- The month, as every period column: its first day.
  period date not null check (extract(day from period) = 1),
  -- What is counted (services/statistics/statistic-metrics.ts). calls and conversations have no source yet: the
  -- voice bot and the messengers will feed them.
  metric text not null check (metric in ('active_residents', 'readings_submitted', 'readings_late',
                                         'bills_issued', 'bills_estimated', 'payments', 'logged_actions',
                                         'calls', 'conversations')),
  -- A door (web, api, voice, viber, telegram, facebook, contact_centre, import), a payment's way in (bank, a card
  -- gateway's name, seed), or 'all' for a figure that has no channel or is the distinct total over them.
  channel text not null check (channel ~ '^[a-z][a-z0-9_]{0,39}$'),
  value bigint not null check (value >= 0),
  -- Money counted with it (bills, payments), in kopiykas; null where the metric has none.
  amount_kop bigint check (amount_kop between -9007199254740991 and 9007199254740991),
  computed_at timestamptz not null,
  primary key (provider_id, period, metric, channel)
);
