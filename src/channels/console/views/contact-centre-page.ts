// The contact-centre page: whether each line answers now; the phones and the weekly hours of the contact centre
// and the voice bot in one form (a table per line, a day's two fields empty for a day off); the weekend and
// holiday schedule ahead with a remove button per day, and a form to add a day.
import { kyivPartsOf } from "../../../domain/kyiv-time.ts";
import { formatUkrainianPhone } from "../../../domain/phone-display.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { LOCALES } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../../web/html.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  select,
  summaryList,
} from "../../web/views/components.ts";
import { CONSOLE_CONTACT } from "../messages/contact-centre.ts";
import type { ConsoleContext } from "./console-context.ts";
import { inputField, textArea } from "./settings-fields.ts";

type Settings = OutputOf<"getContactCentre">;
type LineStatus = Settings["now"]["contactCentre"];
export const LINES = ["contact_centre", "voice"] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The form field of a line's weekday: "contact_centre-1-opens". */
export const hoursFieldId = (line: string, weekday: number, edge: "opens" | "closes") =>
  `${line}-${weekday}-${edge}`;

export interface HoursFormValues {
  phones: string;
  /** By hoursFieldId. */
  hours: Record<string, string>;
}

export interface ExceptionFormValues {
  date: string;
  line: string;
  opens: string;
  closes: string;
  note: Record<Locale, string>;
}

export interface ContactCentrePageData {
  settings: Settings;
  hoursForm: HoursFormValues;
  exceptionForm: ExceptionFormValues;
  errors: FieldError[];
  notice: string | null;
  providerQuery: string;
}

const two = (n: number) => String(n).padStart(2, "0");

function whenText(iso: string, locale: Locale): string {
  const p = kyivPartsOf(new Date(iso));
  return `${formatDate(p.date, locale)}, ${two(p.hour)}:${two(p.minute)}`;
}

function statusText(s: LineStatus, locale: Locale): string {
  const t = (key: keyof typeof CONSOLE_CONTACT, params = {}) => format(CONSOLE_CONTACT[key], locale, params);
  if (s.open && s.closesAt) {
    const p = kyivPartsOf(new Date(s.closesAt));
    return t("openUntil", { time: `${two(p.hour)}:${two(p.minute)}` });
  }
  return s.nextOpensAt ? t("closedUntil", { when: whenText(s.nextOpensAt, locale) }) : t("closedNoHours");
}

function hoursTable(ctx: ConsoleContext, d: ContactCentrePageData, line: (typeof LINES)[number]): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof CONSOLE_CONTACT, params = {}) => format(CONSOLE_CONTACT[key], locale, params);
  return html`<table class="hours-form">
<caption>${t("hoursCaption", { line })}</caption>
<thead><tr><th scope="col">${t("day")}</th><th scope="col">${t("opens")}</th><th scope="col">${t("closes")}</th></tr></thead>
<tbody>${WEEKDAYS.map((weekday) => {
    const day = t("weekday", { day: String(weekday) });
    const cell = (edge: "opens" | "closes") => {
      const id = hoursFieldId(line, weekday, edge);
      return inputField({
        id,
        label: t(edge === "opens" ? "opensOn" : "closesOn", { day }),
        hiddenLabel: true,
        value: d.hoursForm.hours[id] ?? "",
        error: errorFor(d.errors, id),
        type: "time",
      });
    };
    return html`<tr><th scope="row">${day}</th><td>${cell("opens")}</td><td>${cell("closes")}</td></tr>`;
  })}</tbody>
</table>`;
}

function exceptionsTable(ctx: ConsoleContext, d: ContactCentrePageData): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof CONSOLE_CONTACT, params = {}) => format(CONSOLE_CONTACT[key], locale, params);
  const list = d.settings.exceptions;
  if (list.length === 0) return html`<p>${t("noExceptions")}</p>`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("exceptionsCaption")}"><table>
<caption>${t("exceptionsCaption")}</caption>
<thead><tr><th scope="col">${t("colDate")}</th><th scope="col">${t("colLine")}</th><th scope="col">${t("colHours")}</th><th scope="col">${t("colNote")}</th><th scope="col">${t("colActions")}</th></tr></thead>
<tbody>${list.map((e) => {
    const date = formatDate(e.date, locale);
    return html`<tr>
<th scope="row"><time datetime="${e.date}">${date}</time></th>
<td>${t("line", { line: e.line })}</td>
<td>${e.opens && e.closes ? t("timeRange", { opens: e.opens, closes: e.closes }) : t("closedAllDay")}</td>
<td>${e.note[locale]}</td>
<td>${postForm(
      ctx,
      `/console/contact-centre/exceptions/remove${d.providerQuery}`,
      html`<input type="hidden" name="date" value="${e.date}"><input type="hidden" name="line" value="${e.line}">${button(
        `${t("remove", { date })} (${t("line", { line: e.line })})`,
        { kind: "warning" },
      )}`,
    )}</td>
</tr>`;
  })}</tbody>
</table></div>`;
}

function exceptionForm(ctx: ConsoleContext, d: ContactCentrePageData): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof CONSOLE_CONTACT, params = {}) => format(CONSOLE_CONTACT[key], locale, params);
  const v = d.exceptionForm;
  return html`<h3 id="exception-form">${t("addTitle")}</h3>
${postForm(
  ctx,
  `/console/contact-centre/exceptions${d.providerQuery}`,
  html`${inputField({ id: "exc-date", name: "date", label: t("fieldDate"), value: v.date, error: errorFor(d.errors, "exc-date"), type: "date" })}
${select({
  id: "exc-line",
  name: "line",
  label: t("fieldLine"),
  choices: LINES.map((line) => ({ value: line, label: t("line", { line }) })),
  value: v.line,
})}
${inputField({ id: "exc-opens", name: "opens", label: t("fieldOpens"), hint: t("closedHint"), value: v.opens, error: errorFor(d.errors, "exc-opens"), type: "time" })}
${inputField({ id: "exc-closes", name: "closes", label: t("fieldCloses"), value: v.closes, error: errorFor(d.errors, "exc-closes"), type: "time" })}
${LOCALES.map((lang) =>
  inputField({
    id: `exc-note-${lang}`,
    name: `note-${lang}`,
    label: t("fieldNote", { lang }),
    hint: lang === "uk" ? t("noteHint") : undefined,
    value: v.note[lang],
    type: "text",
  }),
)}
${button(t("add"))}`,
)}`;
}

export function contactCentreBody(ctx: ConsoleContext, d: ContactCentrePageData): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof CONSOLE_CONTACT, params = {}) => format(CONSOLE_CONTACT[key], locale, params);
  const s = d.settings;
  const phones = s.phones.map(formatUkrainianPhone).join(", ");
  return html`${errorSummary(locale, d.errors)}
${d.notice ? banner(d.notice, "success") : ""}
<h1>${t("title")}</h1>
<p class="lead">${t("lead")}</p>
<section class="card" aria-labelledby="cc-now">
<h2 id="cc-now">${t("statusTitle")}</h2>
${summaryList([
  [t("line", { line: "contact_centre" }), statusText(s.now.contactCentre, locale)],
  [t("line", { line: "voice" }), statusText(s.now.voice, locale)],
  [t("phones"), phones || "—"],
])}
</section>
<section class="card" aria-labelledby="cc-hours">
<h2 id="cc-hours">${t("phonesTitle")}</h2>
${postForm(
  ctx,
  `/console/contact-centre${d.providerQuery}`,
  html`${textArea({ id: "phones", label: t("phones"), hint: t("phonesHint"), value: d.hoursForm.phones, error: errorFor(d.errors, "phones"), rows: 4 })}
<p class="hint">${t("hoursHint")}</p>
${LINES.map((line) => hoursTable(ctx, d, line))}
${button(t("save"))}`,
)}
</section>
<section class="card" aria-labelledby="cc-exceptions">
<h2 id="cc-exceptions">${t("exceptionsTitle")}</h2>
${exceptionsTable(ctx, d)}
${exceptionForm(ctx, d)}
</section>`;
}
