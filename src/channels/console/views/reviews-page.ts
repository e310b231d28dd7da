// The review queue page: one table row per flagged submission — the account and address, the meter, each zone's
// value against the previous reading with the use and the usual use, when and how it was sent — and in the last
// column an accept form and a reject form with the reason the resident will read.
import { formatDate, zoneName } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { decimalText } from "../../../services/documents/render/format.ts";
import type { ReadingToReview, ReviewQueue } from "../../../services/reviews/list-readings-to-review.ts";
import { type Html, html } from "../../web/html.ts";
import { serviceName, unitName } from "../../web/views/account-facts.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
} from "../../web/views/components.ts";
import { CONSOLE_REVIEWS } from "../messages/reviews.ts";
import type { ConsoleContext } from "./console-context.ts";
import { kyivDateTimeText } from "./console-format.ts";

export interface ReviewsPageData {
  queue: ReviewQueue;
  /** The page's own `after`, kept when a form comes back with an error. */
  after: number | null;
  notice: string | null;
  errors: FieldError[];
  /** What the last reject form held, by reading id, to draw it again. */
  reasons: Record<number, string>;
}

export const reasonFieldId = (readingId: number) => `reason-${readingId}`;

/** "1234.500" → "1234,5": units as a person reads them, the decimal mark of the language. */
function quantityText(text: string, locale: Locale): string {
  const trimmed = text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  return decimalText(trimmed, locale);
}

function accountCell(r: ReadingToReview, locale: Locale): Html {
  const a = r.address;
  const address = [a.settlement[locale], a.street, a.building, a.apartment].filter(Boolean).join(", ");
  return html`<a href="/console/accounts/${r.accountId}">${r.accountNumber}</a><br>${r.holderName}<br><span class="muted">${address}</span>`;
}

function readingCell(r: ReadingToReview, locale: Locale): Html {
  const t = (key: keyof typeof CONSOLE_REVIEWS, params = {}) => format(CONSOLE_REVIEWS[key], locale, params);
  const unit = unitName(r.meter.service, locale);
  const zones = r.zones.map((z) => {
    const label =
      r.meter.zones > 1 ? html`<strong>${zoneName(r.meter.zones, z.zone, locale)}</strong><br>` : "";
    return html`<li>${label}${t("value", { value: decimalText(z.value, locale) })}<br>${
      z.previous
        ? t("previous", {
            value: decimalText(z.previous.value, locale),
            date: formatDate(z.previous.deemedOn, locale),
          })
        : t("noPrevious")
    }${z.consumption !== null ? html`<br>${t("used", { used: quantityText(z.consumption, locale), unit })}` : ""}<br>${
      z.usual !== null ? t("usual", { usual: quantityText(z.usual, locale), unit }) : t("usualUnknown")
    }</li>`;
  });
  return html`<p><strong>${t("flag", { reason: r.reviewReason ?? "other" })}</strong></p><ul class="review-zones">${zones}</ul>`;
}

function decisionCell(ctx: ConsoleContext, r: ReadingToReview, data: ReviewsPageData): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof CONSOLE_REVIEWS) => format(CONSOLE_REVIEWS[key], locale);
  const base = `/console/reviews/${r.accountId}/${r.readingId}`;
  const id = reasonFieldId(r.readingId);
  const error = errorFor(data.errors, id);
  const account = html`<span class="visually-hidden"> ${r.accountNumber}</span>`;
  const back = data.after ? html`<input type="hidden" name="after" value="${data.after}">` : "";
  return html`<div class="actions review-actions">
${postForm(ctx, `${base}/accept`, html`${back}<button type="submit">${t("acceptShort")}${account}</button>`)}
${postForm(
  ctx,
  `${base}/reject`,
  html`${back}<div class="form-group${error ? " has-error" : ""}">
<label for="${id}">${t("reason")}${account}</label>
${error ? html`<p class="error-message" id="${id}-error">${error}</p>` : ""}
<textarea id="${id}" name="reason" rows="2" maxlength="500"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ""}>${data.reasons[r.readingId] ?? ""}</textarea>
</div>${button(t("reject"), { kind: "warning" })}`,
)}
</div>`;
}

export function reviewsBody(ctx: ConsoleContext, data: ReviewsPageData): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof CONSOLE_REVIEWS, params = {}) => format(CONSOLE_REVIEWS[key], locale, params);
  const { readings, next } = data.queue;
  const table =
    readings.length === 0
      ? html`<p>${t("empty")}</p>`
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t("caption")}"><table class="review-queue">
<caption>${t("caption")}</caption>
<thead><tr><th scope="col">${t("colAccount")}</th><th scope="col">${t("colMeter")}</th><th scope="col">${t("colReading")}</th><th scope="col">${t("colSent")}</th><th scope="col">${t("colDecision")}</th></tr></thead>
<tbody>${readings.map(
          (r) => html`<tr>
<th scope="row">${accountCell(r, locale)}</th>
<td>${t("meter", { service: serviceName(r.meter.service, locale), serial: r.meter.serial })}</td>
<td>${readingCell(r, locale)}</td>
<td>${t("sent", {
            when: kyivDateTimeText(new Date(r.submittedAt)),
            channel: t("channel", { channel: r.channel }),
            receipt: r.receipt,
            period: r.period,
          })}</td>
<td>${decisionCell(ctx, r, data)}</td>
</tr>`,
        )}</tbody>
</table></div>`;
  const pages = html`${data.after ? html`<p><a href="/console/reviews">${t("firstPage")}</a></p>` : ""}${
    next ? html`<p><a href="/console/reviews?after=${next}">${t("nextPage")}</a></p>` : ""
  }`;
  return html`${errorSummary(locale, data.errors)}
${data.notice ? banner(data.notice, "success") : ""}
<h1>${t("title")}</h1>
<p class="lead">${t("lead")}</p>
${table}
${pages}`;
}
