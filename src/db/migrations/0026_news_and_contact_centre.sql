-- The console's news and contact-centre settings (issue 18).
--
-- News: published_at becomes a publication time that may lie ahead (an item scheduled for later) and an item may
-- carry an expiry, after which residents no longer see it (a holiday schedule that is over). The administrator's
-- list shows all of them with their state.
alter table provider_news
  add column expires_at timestamptz,
  add column updated_at timestamptz,
  add constraint provider_news_expires_after_published check (expires_at is null or expires_at > published_at);

-- The weekend and holiday schedule: a day on which a line keeps other hours than its weekday's, or is closed
-- (opens and closes both null), with a note for residents ("Independence Day") in the three languages. Few rows
-- per provider, read with its weekly hours: a reference table on a Citus cluster (src/db/citus/layout.ts).
create table provider_hours_exceptions (
  provider_id integer not null references providers (id),
  day date not null,
  line text not null check (line in ('contact_centre', 'voice')),
  opens time,
  closes time,
  note_uk text not null default '' check (length(note_uk) <= 200),
  note_ru text not null default '' check (length(note_ru) <= 200),
  note_en text not null default '' check (length(note_en) <= 200),
  primary key (provider_id, day, line),
  check ((opens is null) = (closes is null)),
  check (closes > opens)
);
