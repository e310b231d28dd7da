// /dev/outbox: the messages Abonent would send (codes by SMS and e-mail), so a developer on the demo region can
// sign up by phone without an SMS gateway. Plain HTML, every value escaped (addresses and names are typed by
// anyone), a real table with headers for screen readers.
import type { OutboxMessage } from "../../../db/tables/identity.table.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { html, page } from "./html.ts";

interface Text {
  title: string;
  intro: string;
  empty: string;
  caption: string;
  columns: [string, string, string, string, string, string];
  sent: string;
  waiting: string;
  failed: string;
}

const TEXT: Record<Locale, Text> = {
  uk: {
    title: "Вихідні повідомлення (розробка)",
    intro:
      "Демонстраційний регіон: тут видно SMS та листи, які Abonent надіслав би, разом із кодами. Найновіші зверху.",
    empty: "Повідомлень ще немає.",
    caption: "Останні повідомлення",
    columns: ["Час (Київ)", "Канал", "Адреса", "Мова", "Повідомлення", "Стан"],
    sent: "надіслано",
    waiting: "очікує",
    failed: "помилка",
  },
  ru: {
    title: "Исходящие сообщения (разработка)",
    intro:
      "Демонстрационный регион: здесь видны SMS и письма, которые Abonent отправил бы, вместе с кодами. Новые сверху.",
    empty: "Сообщений пока нет.",
    caption: "Последние сообщения",
    columns: ["Время (Киев)", "Канал", "Адрес", "Язык", "Сообщение", "Состояние"],
    sent: "отправлено",
    waiting: "ожидает",
    failed: "ошибка",
  },
  en: {
    title: "Outgoing messages (development)",
    intro: "Demo region: the SMS and e-mails Abonent would send, codes included. Newest first.",
    empty: "No messages yet.",
    caption: "Latest messages",
    columns: ["Time (Kyiv)", "Channel", "Address", "Language", "Message", "State"],
    sent: "sent",
    waiting: "waiting",
    failed: "failed",
  },
};

const TAGS: Record<Locale, string> = { uk: "uk-UA", ru: "ru-UA", en: "en-GB" };

function state(message: OutboxMessage, text: Text): string {
  if (message.sent_at) return text.sent;
  if (message.last_error) return `${text.failed} (${message.attempts}): ${message.last_error}`;
  return text.waiting;
}

export function devOutboxPage(locale: Locale, messages: OutboxMessage[]): string {
  const text = TEXT[locale];
  const time = new Intl.DateTimeFormat(TAGS[locale], {
    timeZone: "Europe/Kyiv",
    dateStyle: "short",
    timeStyle: "medium",
  });
  const rows = messages.map(
    (m) => html`<tr>
<td>${time.format(m.created_at)}</td>
<td>${m.channel}</td>
<td>${m.address}</td>
<td lang="${m.locale}">${m.locale}</td>
<td lang="${m.locale}">${m.subject ? html`<strong>${m.subject}</strong><br>` : ""}${m.body}</td>
<td>${state(m, text)}</td>
</tr>`,
  );
  return page({
    locale,
    title: text.title,
    body: html`
<h1>${text.title}</h1>
<p class="demo">${text.intro}</p>
${
  messages.length === 0
    ? html`<p>${text.empty}</p>`
    : html`<table>
<caption>${text.caption}</caption>
<thead><tr>${text.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
`,
  });
}
