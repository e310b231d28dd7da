// The body of /console: the one search field (a GET form, so a search is a link one can share or bookmark) and
// what it found — a table of the hits with each account's page a link away, or a plain "nothing found".
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AccountHit } from "../../../services/account-search/search-accounts.ts";
import { type Html, html } from "../../web/html.ts";
import { serviceName } from "../../web/views/account-facts.ts";
import { button, errorFor, errorSummary, type FieldError, textField } from "../../web/views/components.ts";
import { SEARCH } from "../messages/search.ts";

export interface SearchState {
  /** The text as it came in the URL; null when nothing was asked yet. */
  query: string | null;
  errors: FieldError[];
  /** The hits; null when no search ran (nothing asked, or the text was refused). */
  hits: AccountHit[] | null;
  /** The most a search returns, to say when the list may be cut short. */
  limit: number;
}

export function searchBody(locale: Locale, title: string, state: SearchState): Html {
  const t = (key: keyof typeof SEARCH) => format(SEARCH[key], locale);
  return html`<h1>${title}</h1>
${errorSummary(locale, state.errors)}
<form method="get" action="/console" role="search" class="account-search" novalidate>
${textField({
  id: "q",
  label: t("label"),
  hint: t("hint"),
  value: state.query ?? "",
  error: errorFor(state.errors, "q"),
  autocomplete: "off",
  spellcheck: false,
})}
${button(t("submit"))}
</form>
${state.hits && state.query !== null ? results(locale, state.query.trim(), state.hits, state.limit) : ""}`;
}

function results(locale: Locale, query: string, hits: AccountHit[], limit: number): Html {
  const heading = html`<h2 id="search-results">${format(SEARCH.resultsHeading, locale, { query })}</h2>`;
  if (hits.length === 0)
    return html`<section aria-labelledby="search-results">${heading}
<p role="status">${format(SEARCH.nothing, locale, { query })}</p></section>`;
  const t = (key: keyof typeof SEARCH) => format(SEARCH[key], locale);
  const caption = format(SEARCH.caption, locale, { query });
  const rows = hits.map(
    (h) => html`<tr>
<th scope="row"><a href="/console/accounts/${h.id}">${h.number}</a>${
      h.closedOn
        ? html` <span class="muted">(${format(SEARCH.closed, locale, { date: formatDate(h.closedOn, locale) })})</span>`
        : ""
    }</th>
<td>${h.holderName}</td>
<td>${addressText(h, locale)}</td>
<td>${h.provider.name[locale]}</td>
<td>${h.services.map((s) => serviceName(s, locale)).join(", ")}</td>
<td>${format(SEARCH.matchedBy, locale, { by: h.matchedBy })}</td>
</tr>`,
  );
  return html`<section aria-labelledby="search-results">${heading}
<p role="status">${format(SEARCH.count, locale, { n: hits.length })}${
    hits.length >= limit ? html` ${format(SEARCH.countMax, locale, { n: limit })}` : ""
  }</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="${caption}"><table class="search-hits">
<caption>${caption}</caption>
<thead><tr><th scope="col">${t("colNumber")}</th><th scope="col">${t("colHolder")}</th><th scope="col">${t(
    "colAddress",
  )}</th><th scope="col">${t("colProvider")}</th><th scope="col">${t("colServices")}</th><th scope="col">${t(
    "colMatched",
  )}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div></section>`;
}

/** "Краматорськ, вул. Шкільна, 82, кв. 23". */
function addressText(hit: AccountHit, locale: Locale): string {
  const a = hit.address;
  return [
    a.settlement[locale],
    a.street,
    a.building,
    a.apartment ? `${format(SEARCH.apartment, locale)} ${a.apartment}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}
