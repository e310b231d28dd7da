// Writes one event's notifications for everyone it reaches, in one statement whatever their number: a window
// opening for a million-account region is one INSERT … SELECT, not a round trip per person. For each recipient
// it chooses the channel as domain/reminder-channel.ts does (their choice while its address is verified — a
// messenger needs a verified chat identity and a conversation not stopped — else e-mail, else SMS, else none),
// logs the notification once per person and event key (a second run of the same event writes nothing), and
// queues the message in the outbox, held until morning when made in the quiet hours.
import { type RawBuilder, sql } from "kysely";
import type { Db, Tx } from "../../db/database.ts";
import type { OutboxChannel } from "../../db/tables/identity.table.ts";
import { notBefore } from "../../domain/quiet-hours.ts";
import { LOCALES } from "../../i18n/locale.ts";
import type { MessageParams } from "../../i18n/messages.ts";
import { type NotificationTemplate, renderNotification } from "./notification-texts.ts";

const CHANNELS: readonly OutboxChannel[] = ["email", "sms", "telegram", "viber", "messenger"];

export interface NotifyOptions {
  template: NotificationTemplate;
  /** The same for every recipient: a string, or one per language (a date, a service's name). */
  params: MessageParams;
  /** The names of the plain-string values each recipient row carries in its row_params (an account number). */
  rowParams?: readonly string[];
  /**
   * The people the event reaches: `select user_id, event_key, row_params` (row_params jsonb, '{}' without any).
   * A person and key met twice count once.
   */
  recipients: RawBuilder<unknown>;
  now: Date;
}

/** Notifies everyone the recipients query names; returns how many messages were queued. */
export async function notify(db: Db | Tx, options: NotifyOptions): Promise<number> {
  const { rows } = await sql<{ queued: number }>`
    with ${notificationSteps(options)}
    select count(*)::int as queued from notify_queued`.execute(db);
  return rows[0]?.queued ?? 0;
}

/**
 * The same as common table expressions, named notify_*, for a statement of the caller's that makes the event in
 * the same breath: `with entries as (insert … returning …), ${notificationSteps(…)} select …`, its recipients
 * reading what the insert returned. PostgreSQL runs a data-modifying WITH to its end whether or not the main query
 * reads it, so no row of the event passes through the application (a 60,000-line bank registry's payments
 * would otherwise come back as 60,000 objects).
 */
export function notificationSteps(options: NotifyOptions): RawBuilder<unknown> {
  const rowParams = options.rowParams ?? [];
  const texts = sql.join(
    LOCALES.flatMap((locale) =>
      CHANNELS.map((channel) => {
        const text = renderNotification(options.template, channel, locale, options.params);
        return sql`(${locale}, ${channel}, ${text.subject}, ${text.body})`;
      }),
    ),
  );
  // The per-person values, filled into the texts rendered once per language and channel.
  const fill = (column: RawBuilder<unknown>) =>
    rowParams.reduce<RawBuilder<unknown>>(
      (expr, name) => sql`replace(${expr}, ${`{${name}}`}, coalesce(c.row_params ->> ${name}, ''))`,
      column,
    );
  // The notification's id is drawn up front, so its outbox row is written from the same rows without joining
  // back on the key; a row the log refused (written meanwhile by another run) gets no message.
  return sql`
    notify_texts (locale, channel, subject, body) as (values ${texts}),
    notify_recipients as (${options.recipients}),
    notify_chosen as (
      select distinct on (r.user_id, r.event_key)
        r.user_id, r.event_key, r.row_params, u.locale, c.channel, c.address
      from notify_recipients r
      join users u on u.id = r.user_id
      cross join lateral (
        select case i.kind when 'phone' then 'sms' else i.kind end as channel, i.external_id as address,
          cv.subscribed
        from identities i
        left join conversations cv on cv.platform = i.kind and cv.bot = '' and cv.chat_id = i.external_id
        where i.user_id = u.id and i.verified_at is not null
          and (i.kind in ('email', 'phone') or i.kind = u.reminder_channel)
        order by
          case
            when i.kind = u.reminder_channel or (i.kind = 'phone' and u.reminder_channel = 'sms') then 0
            when i.kind = 'email' then 1
            else 2
          end,
          i.id
        limit 1
      ) c
      where u.reminder_channel is distinct from 'none'
        -- STOP in the chosen chat means no reminders, not another channel.
        and c.subscribed is not false
        and not exists (select 1 from notifications n where n.user_id = r.user_id and n.event_key = r.event_key)
      order by r.user_id, r.event_key
    ),
    notify_numbered as (
      select nextval(pg_get_serial_sequence('notifications', 'id')) as id, c.*, t.subject, t.body
      from notify_chosen c
      join notify_texts t on t.locale = c.locale and t.channel = c.channel
    ),
    notify_logged as (
      insert into notifications (id, user_id, event_key, template, channel, params, created_at)
      select n.id, n.user_id, n.event_key, ${options.template}, n.channel,
        ${JSON.stringify(options.params)}::jsonb || n.row_params, ${options.now}
      from notify_numbered n
      on conflict (user_id, event_key) do nothing
      returning id
    ),
    notify_queued as (
      insert into outbox (channel, address, locale, template, subject, body, created_at, not_before, notification_id)
      select c.channel, c.address, c.locale, ${options.template}, ${fill(sql`c.subject`)}, ${fill(sql`c.body`)},
        ${options.now}, ${notBefore(options.now)}::timestamptz, c.id
      -- A join, not "id in (select …)": a subquery whose ids outgrow work_mem is re-scanned for every row.
      from notify_numbered c
      join notify_logged l on l.id = c.id
      returning 1
    )`;
}
