// The news page (newest first, each with its provider, date and kind; a filter by kind as plain links) and the
// contacts page (each provider's contact-centre phones as tel: links and its opening hours as a table).

import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import { formatUkrainianPhone } from "../../../domain/phone-display.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../html.ts";
import { NEWS } from "../messages/news.ts";
import { banner } from "./components.ts";
import { contactStatus, specialDays } from "./contact-schedule.ts";

type NewsItems = OutputOf<"listNews">;
type Contacts = OutputOf<"listProviderContacts">;

export const NEWS_KINDS = ["tariff", "payment", "schedule", "energy_saving"] as const;

export function newsBody(
  locale: Locale,
  o: { items: NewsItems; kind: string | null; allProviders: boolean },
): Html {
  const t = (key: keyof typeof NEWS, params = {}) => format(NEWS[key], locale, params);
  const filter = html`<nav class="news-filter" aria-label="${t("filterLabel")}"><ul>${[
    { href: "/news", label: t("filterAll"), current: o.kind === null },
    ...NEWS_KINDS.map((k) => ({
      href: `/news?kind=${k}`,
      label: t("kind", { kind: k }),
      current: o.kind === k,
    })),
  ].map(
    (l) => html`<li><a href="${l.href}"${l.current ? html` aria-current="page"` : ""}>${l.label}</a></li>`,
  )}</ul></nav>`;
  const items = o.items.map((n) => {
    const day = kyivDateOf(new Date(n.publishedAt));
    return html`<article class="news-item">
<h2>${n.title[locale]}</h2>
<p class="news-meta"><span class="tag${n.kind === "tariff" ? " red" : n.kind === "energy_saving" ? " green" : ""}">${t("kind", { kind: n.kind })}</span>
<span>${n.provider.name[locale]}</span>
<span><span class="visually-hidden">${t("published")}: </span><time datetime="${day}">${formatDate(day, locale)}</time></span></p>
<p>${n.body[locale]}</p>
</article>`;
  });
  return html`<h1>${t("title")}</h1>
<p class="lead">${t("lead")}</p>
${o.allProviders ? banner(t("allProviders")) : ""}
<p><a href="/contacts">${t("contactsLink")}</a></p>
${filter}
${items.length ? items : html`<p>${o.kind ? html`<a href="/news">${t("noneOfKind")}</a>` : t("none")}</p>`}`;
}

/** Consecutive days with the same hours as one row: "Понеділок – Пʼятниця: з 08:00 до 20:00". */
function hourRows(
  hours: Contacts[number]["contactCentre"],
  locale: Locale,
): { days: string; hours: string }[] {
  const t = (key: keyof typeof NEWS, params = {}) => format(NEWS[key], locale, params);
  const byDay = new Map(hours.map((h) => [h.weekday, h]));
  const rows: { from: number; to: number; text: string }[] = [];
  for (let day = 1; day <= 7; day++) {
    const h = byDay.get(day);
    const text = h ? t("timeRange", { opens: h.opens, closes: h.closes }) : t("closed");
    const last = rows[rows.length - 1];
    if (last && last.text === text && last.to === day - 1) last.to = day;
    else rows.push({ from: day, to: day, text });
  }
  const dayName = (day: number) => t("weekday", { day: String(day) });
  return rows.map((r) => ({
    days: r.from === r.to ? dayName(r.from) : t("dayRange", { from: dayName(r.from), to: dayName(r.to) }),
    hours: r.text,
  }));
}

const SHOWN_CHANNELS = new Set(["voice", "viber", "telegram", "facebook", "sms"]);

export function contactsBody(locale: Locale, providers: Contacts): Html {
  const t = (key: keyof typeof NEWS, params = {}) => format(NEWS[key], locale, params);
  const cards = providers.map((p) => {
    const voice = p.voice[0];
    const channels = p.channels.filter((c) => SHOWN_CHANNELS.has(c));
    return html`<section class="card contact" aria-labelledby="provider-${p.id}">
<h2 id="provider-${p.id}">${p.name[locale]}</h2>
${contactStatus(locale, p)}
<h3>${t("phones")}</h3>
${
  p.phones.length
    ? html`<ul class="phones">${p.phones.map((phone) => {
        const shown = formatUkrainianPhone(phone);
        return html`<li><a class="phone" href="tel:${phone}" aria-label="${t("call", { phone: shown })}">${shown}</a></li>`;
      })}</ul>`
    : html`<p>${t("noPhones")}</p>`
}
<table class="hours">
<caption>${t("hoursCaption")}</caption>
<thead><tr><th scope="col">${t("days")}</th><th scope="col">${t("hours")}</th></tr></thead>
<tbody>${hourRows(p.contactCentre, locale).map((r) => html`<tr><th scope="row">${r.days}</th><td>${r.hours}</td></tr>`)}</tbody>
</table>
${specialDays(locale, p)}
<p class="hint">${t("holidays")}</p>
${voice ? html`<p>${t("voice", { opens: voice.opens, closes: voice.closes })}</p>` : ""}
${
  channels.length
    ? html`<p>${t("channels")}: ${channels.map((c) => t("channel", { channel: c })).join(", ")}.</p>`
    : ""
}
</section>`;
  });
  return html`<h1>${t("contactsTitle")}</h1>
<p class="lead">${t("contactsLead")}</p>
<p><a href="/news">${t("backToNews")}</a></p>
${cards.length ? cards : html`<p>${t("noProviders")}</p>`}`;
}
