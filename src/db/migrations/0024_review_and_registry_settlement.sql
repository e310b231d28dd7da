-- The operator's two queues (issue 18, docs/console.md): readings flagged for review are accepted or rejected by
-- someone, and a bank's unmatched or malformed registry lines are settled by hand, posted to an account or returned
-- to the bank. Both record who did it, when, and what the resident or the bank is told.

-- A reading's review: who decided and when; for a rejection, the reason the resident reads. review_reason keeps
-- why it was flagged (the plausibility check's code). No foreign key to users: on Citus readings are distributed
-- and users stay on the coordinator (as readings_actor_user_id_fkey is dropped there).
alter table readings
  add column reviewed_by bigint,
  add column reviewed_at timestamptz,
  add column review_note text check (review_note is null or length(review_note) between 1 and 500),
  add constraint readings_reviewed_together check ((reviewed_by is null) = (reviewed_at is null));
-- The queue: a provider's readings waiting for an operator, oldest first.
create index readings_pending_review on readings (provider_id, id) where status = 'pending_review';

-- A registry line settled by hand. 'returned': the payment goes back to the bank (return_note says why). A line
-- assigned to an account becomes 'posted' like a matched one; settled_from and settled_reason keep what the import
-- had made of it (a posted line has no reason, so the import's one would otherwise be lost).
alter table registry_lines drop constraint registry_lines_outcome_check;
alter table registry_lines
  add constraint registry_lines_outcome_check
    check (outcome in ('posted', 'duplicate', 'unmatched', 'malformed', 'returned')),
  add column settled_at timestamptz,
  add column settled_by bigint,
  add column settled_from text check (settled_from in ('unmatched', 'malformed')),
  add column settled_reason text,
  add column return_note text check (return_note is null or length(return_note) between 1 and 500),
  add constraint registry_lines_settled_together
    check ((settled_at is null) = (settled_by is null) and (settled_at is null) = (settled_from is null)),
  add constraint registry_lines_returned check ((outcome = 'returned') = (return_note is not null)),
  add constraint registry_lines_returned_settled check (outcome <> 'returned' or settled_at is not null);

-- A registry's counts stay the count of its lines by outcome, settled ones included: a line assigned by hand moves
-- from unmatched (or malformed) to posted, a returned one to returned.
alter table payment_registries add column returned integer not null default 0 check (returned >= 0);
alter table payment_registries drop constraint payment_registries_check;
alter table payment_registries
  add constraint payment_registries_counts check (lines = posted + duplicates + unmatched + malformed + returned);
