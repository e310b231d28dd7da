-- SMS to the short number: a door of its own for readings (docs/sms.md), which a provider switches on or off like
-- the others, and the inbound messages an aggregator's webhook has delivered, so a repeated delivery is answered
-- with the first reply instead of being processed twice.
alter table readings drop constraint readings_channel_check;
alter table readings add constraint readings_channel_check
  check (channel in ('web', 'api', 'voice', 'viber', 'telegram', 'facebook', 'sms', 'contact_centre', 'import'));

alter table providers drop constraint providers_channels_check;
alter table providers add constraint providers_channels_check
  check (channels <@ array['web', 'voice', 'viber', 'telegram', 'facebook', 'sms', 'contact_centre', 'import']::text[]);

-- One row per message a gateway delivered: source names the gateway ('webhook', an aggregator's name), message_id
-- is its id for the message. The reply is kept once written, for the repeat of a delivery.
create table sms_inbound (
  source text not null check (source ~ '^[a-z][a-z0-9_-]{0,39}$'),
  message_id text not null check (length(message_id) between 1 and 200),
  sender text not null,
  received_at timestamptz not null,
  reply text,
  primary key (source, message_id)
);
