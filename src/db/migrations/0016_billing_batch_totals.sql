-- Each batch of a billing run keeps what its inserts added (accounts, charges, planned payments), in the same
-- transaction as its rows: the run's totals are the sum of its batches, exact for a resumed run, without reading
-- a provider's month of ledger rows back at the end.
alter table billing_run_batches add column totals jsonb;
