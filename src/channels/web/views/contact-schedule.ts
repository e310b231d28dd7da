// On a provider's contacts card: whether the contact centre answers now (Kyiv time) and the days ahead with other
// hours than usual, each with the provider's note ("Independence Day").
import { kyivPartsOf } from "../../../domain/kyiv-time.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../html.ts";
import { CONTACT_SCHEDULE } from "../messages/contact-schedule.ts";

type Contacts = OutputOf<"listProviderContacts">[number];

const two = (n: number) => String(n).padStart(2, "0");
const timeOf = (iso: string) => {
  const p = kyivPartsOf(new Date(iso));
  return { date: p.date, time: `${two(p.hour)}:${two(p.minute)}` };
};

export function contactStatus(locale: Locale, p: Contacts): Html {
  const t = (key: keyof typeof CONTACT_SCHEDULE, params = {}) =>
    format(CONTACT_SCHEDULE[key], locale, params);
  const s = p.now.contactCentre;
  let text: string;
  if (s.open && s.closesAt) text = t("openNow", { time: timeOf(s.closesAt).time });
  else if (s.nextOpensAt) {
    const at = timeOf(s.nextOpensAt);
    text = t("closedNow", { when: `${formatDate(at.date, locale)}, ${at.time}` });
  } else text = t("closedNoHours");
  return html`<p class="contact-status">${text}</p>`;
}

export function specialDays(locale: Locale, p: Contacts, limit = 10): Html {
  const t = (key: keyof typeof CONTACT_SCHEDULE, params = {}) =>
    format(CONTACT_SCHEDULE[key], locale, params);
  const days = p.exceptions.slice(0, limit);
  if (days.length === 0) return html``;
  return html`<table class="hours special-days">
<caption>${t("specialCaption")}</caption>
<thead><tr><th scope="col">${t("date")}</th><th scope="col">${t("line")}</th><th scope="col">${t("hours")}</th></tr></thead>
<tbody>${days.map(
    (e) =>
      html`<tr><th scope="row"><time datetime="${e.date}">${formatDate(e.date, locale)}</time></th><td>${t("lineName", { line: e.line })}</td><td>${
        e.opens && e.closes ? t("timeRange", { opens: e.opens, closes: e.closes }) : t("closedDay")
      }${e.note[locale] ? html` — ${e.note[locale]}` : ""}</td></tr>`,
  )}</tbody>
</table>`;
}
