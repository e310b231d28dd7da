-- Which channel a person's reminders go to, and adding an e-mail or phone to one's cabinet.
--
-- users.reminder_channel: 'email', 'sms' or 'none'; null until the person chooses (then reminders go to a
-- confirmed e-mail, else a confirmed phone). A choice whose address is no longer confirmed falls back the same way
-- (domain/reminder-channel.ts), so it is not checked against identities here. Nullable without a default: adding
-- it to a million-row users table rewrites nothing.
alter table users add column reminder_channel text check (reminder_channel in ('email', 'sms', 'none'));

-- An e-mail or phone added by a signed-in person is proved by a code sent there, as a sign-up's is: a purpose of
-- its own, so a code for it fits nothing else.
alter table one_time_codes drop constraint one_time_codes_purpose_check;
alter table one_time_codes add constraint one_time_codes_purpose_check
  check (purpose in ('sign_up', 'sign_in', 'link_chat', 'reset_password', 'add_identity'));
