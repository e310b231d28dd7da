// The administrator's news page: every item of the provider with its state (scheduled, published, expired) and
// its actions (edit, withdraw), and the form to write a new item or edit one. Times are Kyiv wall-clock time in
// datetime-local fields; the route turns them into instants.
import { kyivPartsOf } from "../../../domain/kyiv-time.ts";
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
} from "../../web/views/components.ts";
import { CONSOLE_NEWS } from "../messages/news.ts";
import type { ConsoleContext } from "./console-context.ts";
import { inputField, textArea } from "./settings-fields.ts";

type NewsItems = OutputOf<"listProviderNews">;
export const CONSOLE_NEWS_KINDS = ["general", "tariff", "payment", "schedule", "energy_saving"] as const;

/** What the form holds, as typed (datetime-local values "YYYY-MM-DDTHH:MM", Kyiv time). */
export interface NewsFormValues {
  id: string;
  kind: string;
  publishedAt: string;
  expiresAt: string;
  title: Record<Locale, string>;
  body: Record<Locale, string>;
}

export interface NewsPageData {
  items: NewsItems;
  values: NewsFormValues;
  errors: FieldError[];
  notice: string | null;
  providerQuery: string;
}

const two = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local value in Kyiv time: "2026-12-01T09:00". */
export function kyivLocalInput(iso: string): string {
  const p = kyivPartsOf(new Date(iso));
  return `${p.date}T${two(p.hour)}:${two(p.minute)}`;
}

const shown = (iso: string) => kyivLocalInput(iso).replace("T", " ");

export function newsFormOf(item: NewsItems[number]): NewsFormValues {
  return {
    id: String(item.id),
    kind: item.kind,
    publishedAt: kyivLocalInput(item.publishedAt),
    expiresAt: item.expiresAt ? kyivLocalInput(item.expiresAt) : "",
    title: { ...item.title },
    body: { ...item.body },
  };
}

function itemsTable(ctx: ConsoleContext, d: NewsPageData): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof CONSOLE_NEWS, params = {}) => format(CONSOLE_NEWS[key], locale, params);
  if (d.items.length === 0) return html`<p>${t("none")}</p>`;
  const sep = d.providerQuery ? "&" : "?";
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("tableCaption")}"><table class="news-list">
<caption>${t("tableCaption")}</caption>
<thead><tr><th scope="col">${t("colTitle")}</th><th scope="col">${t("colKind")}</th><th scope="col">${t("colPublished")}</th><th scope="col">${t("colExpires")}</th><th scope="col">${t("colState")}</th><th scope="col">${t("colActions")}</th></tr></thead>
<tbody>${d.items.map((n) => {
    const title = n.title[locale];
    return html`<tr>
<th scope="row">${title}</th>
<td>${t("kind", { kind: n.kind })}</td>
<td>${shown(n.publishedAt)}</td>
<td>${n.expiresAt ? shown(n.expiresAt) : t("never")}</td>
<td><span class="news-state news-state-${n.state}">${t("state", { state: n.state })}</span></td>
<td class="actions"><a href="/console/news${d.providerQuery}${sep}edit=${n.id}#news-form">${t("edit", { title })}</a>
${
  n.state === "expired"
    ? ""
    : postForm(
        ctx,
        `/console/news/${n.id}/withdraw${d.providerQuery}`,
        button(t("withdraw", { title }), { kind: "warning" }),
      )
}</td>
</tr>`;
  })}</tbody>
</table></div>`;
}

function newsForm(ctx: ConsoleContext, d: NewsPageData): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof CONSOLE_NEWS, params = {}) => format(CONSOLE_NEWS[key], locale, params);
  const v = d.values;
  const editing = v.id !== "";
  const texts = LOCALES.map(
    (lang) =>
      html`${inputField({
        id: `title-${lang}`,
        label: t("fieldTitle", { lang }),
        hint: lang === "uk" ? undefined : t("fallbackHint"),
        value: v.title[lang],
        error: errorFor(d.errors, `title-${lang}`),
        type: "text",
      })}${textArea({
        id: `body-${lang}`,
        label: t("fieldBody", { lang }),
        hint: lang === "uk" ? undefined : t("fallbackHint"),
        value: v.body[lang],
        error: errorFor(d.errors, `body-${lang}`),
        rows: 5,
      })}`,
  );
  return html`<section class="card" aria-labelledby="news-form">
<h2 id="news-form" tabindex="-1">${editing ? t("editTitle") : t("newTitle")}</h2>
${postForm(
  ctx,
  `/console/news${d.providerQuery}`,
  html`${editing ? html`<input type="hidden" name="id" value="${v.id}">` : ""}
${select({
  id: "kind",
  label: t("fieldKind"),
  choices: CONSOLE_NEWS_KINDS.map((k) => ({ value: k, label: t("kind", { kind: k }) })),
  value: v.kind,
  error: errorFor(d.errors, "kind"),
})}
${inputField({ id: "publishedAt", label: t("fieldPublished"), hint: t("fieldPublishedHint"), value: v.publishedAt, error: errorFor(d.errors, "publishedAt"), type: "datetime-local" })}
${inputField({ id: "expiresAt", label: t("fieldExpires"), hint: t("fieldExpiresHint"), value: v.expiresAt, error: errorFor(d.errors, "expiresAt"), type: "datetime-local" })}
${texts}
${button(t("save"))}
${editing ? html`<p><a href="/console/news${d.providerQuery}">${t("cancelEdit")}</a></p>` : ""}`,
)}
</section>`;
}

export function newsBody(ctx: ConsoleContext, d: NewsPageData): Html {
  const t = (key: keyof typeof CONSOLE_NEWS) => format(CONSOLE_NEWS[key], ctx.locale);
  return html`${errorSummary(ctx.locale, d.errors)}
${d.notice ? banner(d.notice, "success") : ""}
<h1>${t("title")}</h1>
<p class="lead">${t("lead")}</p>
${itemsTable(ctx, d)}
${newsForm(ctx, d)}`;
}
