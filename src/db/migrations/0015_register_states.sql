-- Register state (docs/billing.md, "Register state"): per meter zone (register), what the next billing run needs
-- from the readings and bills before it, so that it reads only the readings deemed after what the state covers
-- instead of a year of history. Written by the billing run in the transaction of the ledger rows it writes.
create table register_states (
  account_id bigint not null,
  meter_id bigint not null,
  zone smallint not null check (zone between 1 and 3),
  provider_id integer not null,
  -- The month whose run wrote it; the next month's run may use it. Null: a placeholder, made by a reading written
  -- while a run of the provider was in progress (see the trigger below): no content yet.
  period date check (extract(day from period) = 1),
  -- Readings written since the state was made that are deemed on or before covered_on: while not 0 the state is
  -- stale, and the next run rebuilds it from the readings' history.
  late_count integer not null default 0,
  -- Bumped by every reading written while a run of the provider is in progress: a run overwrites a state only if
  -- its version is still the one the run read.
  version bigint not null default 0,
  -- The readings it covers: every accepted or pending one deemed on or before this day, and exactly the ones of
  -- `period` or before.
  covered_on date,
  -- The basis: the last billed real reading (billed_usage 'actual' or 'opening'), in thousandths, and its month.
  basis_value bigint,
  basis_period date,
  -- The latest reading covered (null: none deemed on or after pairs_from).
  last_id bigint,
  last_value bigint,
  last_kind text,
  last_deemed_on date,
  -- The latest covered reading that is not a final one: the previous reading when nothing is billed yet
  -- (null: none at all).
  prev_value bigint,
  prev_kind text,
  prev_deemed_on date,
  prev_period date,
  -- Every consecutive pair of covered readings with a valid use that starts on or after pairs_from: its first
  -- reading's deemed date, its second's, and the use between them in thousandths.
  pairs_from date,
  pair_from date[] not null default '{}',
  pair_to date[] not null default '{}',
  pair_used bigint[] not null default '{}',
  -- Months billed by estimate since the basis (each month once, whatever its services); null: not known.
  estimated_months integer,
  primary key (account_id, meter_id, zone)
);

-- Keeps the states exact whoever writes readings (the submission path, imports, an operator's correction, a status
-- change of a reading under review). One statement per written statement: a primary-key probe per written reading.
-- - A reading deemed on or before what a state covers bumps its late_count: the next run rebuilds that register.
-- - While a billing run of the reading's provider is in progress, every written reading bumps its register's
--   version, making a placeholder row if there is none. The run reads the version with the state and overwrites the
--   state only if it is unchanged (a row lock orders the two), so a state never claims a reading its run did not see.
--   The run waits for reading writes begun before it started (bill-period.ts), which could not have seen it.
create function readings_note_register_states() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    -- An update (a status, a date) matters where the reading was and where it is now.
    if exists (select 1 from billing_runs where status = 'running') then
      insert into register_states as s (account_id, meter_id, zone, provider_id, version)
      select w.account_id, w.meter_id, w.zone, min(w.provider_id), 1
      from (select account_id, meter_id, zone, provider_id from written
            union all select account_id, meter_id, zone, provider_id from written_before) w
      where exists (select 1 from billing_runs b where b.provider_id = w.provider_id and b.status = 'running')
      group by w.account_id, w.meter_id, w.zone
      -- In key order, as the run's upsert: the two never wait for each other in a circle.
      order by w.account_id, w.meter_id, w.zone
      on conflict (account_id, meter_id, zone) do update set version = s.version + 1;
    end if;
    update register_states s set late_count = s.late_count + 1
    from (select account_id, meter_id, zone, min(deemed_on) as deemed_on
          from (select account_id, meter_id, zone, deemed_on from written
                union all select account_id, meter_id, zone, deemed_on from written_before) x
          group by account_id, meter_id, zone) w
    where w.account_id = s.account_id and w.meter_id = s.meter_id and w.zone = s.zone
      and w.deemed_on <= s.covered_on;
  else
    if exists (select 1 from billing_runs where status = 'running') then
      insert into register_states as s (account_id, meter_id, zone, provider_id, version)
      select w.account_id, w.meter_id, w.zone, min(w.provider_id), 1
      from written w
      where exists (select 1 from billing_runs b where b.provider_id = w.provider_id and b.status = 'running')
      group by w.account_id, w.meter_id, w.zone
      -- In key order, as the run's upsert: the two never wait for each other in a circle.
      order by w.account_id, w.meter_id, w.zone
      on conflict (account_id, meter_id, zone) do update set version = s.version + 1;
    end if;
    -- Grouped first, so that a submission's few readings find their states by the primary key (as a semi-join
    -- on the date's inequality, the planner scanned every state).
    update register_states s set late_count = s.late_count + 1
    from (select account_id, meter_id, zone, min(deemed_on) as deemed_on from written
          group by account_id, meter_id, zone) w
    where w.account_id = s.account_id and w.meter_id = s.meter_id and w.zone = s.zone
      and w.deemed_on <= s.covered_on;
  end if;
  return null;
end
$$;

create trigger readings_register_states_insert after insert on readings
  referencing new table as written for each statement execute function readings_note_register_states();
create trigger readings_register_states_update after update on readings
  referencing old table as written_before new table as written
  for each statement execute function readings_note_register_states();
create trigger readings_register_states_delete after delete on readings
  referencing old table as written for each statement execute function readings_note_register_states();

-- Emptied readings leave nothing a state could cover.
create function readings_forget_register_states() returns trigger language plpgsql as $$
begin
  delete from register_states;
  return null;
end
$$;
create trigger readings_register_states_truncate after truncate on readings
  for each statement execute function readings_forget_register_states();
