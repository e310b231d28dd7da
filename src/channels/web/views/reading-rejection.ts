// Beside a meter in the cabinet: the reading an operator rejected and why, until the resident sends another.
// A warning banner with a heading, so the meaning is in the words and not only in the colour.
import { formatDate, zoneName } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { decimalText } from "../../../services/documents/render/format.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { type Html, html } from "../html.ts";
import { READING_REVIEW } from "../messages/reading-review.ts";

export function rejectionNotice(m: MeterView, locale: Locale): Html {
  const rejected = m.rejected ?? [];
  if (rejected.length === 0) return html``;
  const first = rejected[0]!;
  const value = rejected
    .map((r) => {
      const v = decimalText(r.value, locale);
      return m.zones > 1 ? `${zoneName(m.zones, r.zone, locale)}: ${v}` : v;
    })
    .join("; ");
  const reasons = [...new Set(rejected.map((r) => r.reason).filter((r): r is string => r !== null))];
  return html`<div class="banner warning reading-rejected" role="status">
<h3>${format(READING_REVIEW.rejectedTitle, locale)}</h3>
<p>${format(READING_REVIEW.rejected, locale, { value, date: formatDate(first.deemedOn, locale), receipt: first.receipt })}</p>
${reasons.map((reason) => html`<p>${format(READING_REVIEW.reason, locale, { reason })}</p>`)}
<p>${format(READING_REVIEW.again, locale)}</p>
</div>`;
}
