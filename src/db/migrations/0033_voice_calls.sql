-- The phone voice bot (docs/voice.md): each call over AudioSocket recorded as data.
--
-- voice_calls: one row per call, keyed by the UUID the PBX gave it in AudioSocket(uuid, host:port). The dialplan may
-- announce the call first (POST /voice/calls/<uuid>: the caller's number and the provider whose line was dialled);
-- the bot fills in the rest when the call ends: its language, the steps it went through, the outcome, and after
-- the call the PBX asks what to do next (transfer to an operator or hang up).
--
-- voice_recognitions: every recognition result of a call — what the engine heard (raw transcript and confidence),
-- or the keys pressed, and what the dialogue made of it — so a provider can see why a call went as it did.
--
-- users.robot: each provider's voice line acts as a user of its own, 'voice:<provider id>' (readings it submits name
-- it), which can never sign in: no e-mail, phone or password.

alter table users add column robot text unique check (robot ~ '^voice:[0-9]+$');
alter table users drop constraint users_login_check;
alter table users add constraint users_login_check
  check (email is not null or phone is not null or chat_only or robot is not null);

create table voice_calls (
  id uuid primary key,
  provider_id integer references providers (id),
  -- The caller's number and the dialled line as the PBX gave them (digits, maybe a leading +).
  caller text check (caller ~ '^\+?[0-9]{1,20}$'),
  line text check (length(line) <= 64),
  announced_at timestamptz,
  started_at timestamptz,
  ended_at timestamptz,
  locale text check (locale in ('uk', 'ru', 'en')),
  sample_rate integer check (sample_rate in (8000, 16000)),
  outcome text check (outcome in ('submitted', 'refused', 'handed_over', 'abandoned', 'out_of_hours', 'failed')),
  -- The dialogue's steps in order: [{ "step": "account", "at": "…", "tries": 2 }, …].
  steps jsonb not null default '[]',
  readings integer not null default 0,
  check (ended_at is null or started_at is not null)
);
create index voice_calls_by_provider on voice_calls (provider_id, started_at);

create table voice_recognitions (
  call_id uuid not null references voice_calls (id) on delete cascade,
  seq integer not null,
  step text not null check (step ~ '^[a-z_]{1,40}$'),
  input text not null check (input in ('speech', 'keys', 'silence')),
  engine text check (length(engine) <= 40),
  language text check (language in ('uk', 'ru')),
  transcript text check (length(transcript) <= 2000),
  confidence numeric(5, 4) check (confidence between 0 and 1),
  duration_ms integer check (duration_ms >= 0),
  -- What the dialogue made of it: {"value": …} or {"error": …}.
  parsed jsonb,
  at timestamptz not null,
  primary key (call_id, seq)
);
