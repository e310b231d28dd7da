-- Register states are a cache the billing run keeps (docs/billing.md, "Register state"), never a record: a run
-- rebuilds any register's state from the readings' history when it has none, as it does for every register in the
-- region's first month. So they are kept out of the write-ahead log. A month's run rewrites every state, which on
-- the 1M region was 0.9 GB of its 3.2 GB of WAL (mostly full-page images, the table being written all over between
-- checkpoints), and a tenth of the database's CPU.
--
-- What it costs: after a crash of the server, after a standby is promoted, or when a base backup is restored, the
-- table is empty (PostgreSQL resets an unlogged table then), and the next month's run reads the history for every
-- register, as the first month does; the month after is back on the states. Nothing is lost: the readings, billed
-- usage and ledger it is rebuilt from are logged as before. A standby cannot read it, and nothing reads it there.
--
-- On a Citus cluster whose tables are already distributed the table stays as it is: a distributed table's
-- persistence is not changed in place. A cluster distributed after this migration gets it unlogged.
do $$
begin
  if to_regclass('pg_dist_partition') is not null then
    if exists (select 1 from pg_dist_partition where logicalrelid = 'register_states'::regclass) then
      return;
    end if;
  end if;
  alter table register_states set unlogged;
end
$$;
