-- A billing run's size, recorded when it starts (or resumes): how many accounts the provider has and how many
-- batches the run is cut into, so a page following the run shows "batch 3 of 50" from the run's own row and its
-- committed batches (billing_run_batches), whichever process is billing. Null for runs before this migration.
alter table billing_runs
  add column accounts_total integer check (accounts_total >= 0),
  add column batches_total integer check (batches_total >= 0);
