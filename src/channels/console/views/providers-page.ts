// The platform administrator's providers page: every provider with its staff counts and a link to manage its
// staff (where its first administrator is invited), and the form that adds a provider.

import { formatIban } from "../../../domain/iban.ts";
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
  textField,
} from "../../web/views/components.ts";
import { PROVIDERS } from "../messages/providers.ts";
import type { ConsoleContext } from "./console-context.ts";

export type ProviderListView = OutputOf<"listAllProviders">;

export interface ProviderForm {
  values: Partial<Record<"code" | "nameUk" | "nameRu" | "nameEn" | "edrpou" | "iban", string>>;
  errors: FieldError[];
}

export function providersBody(
  ctx: ConsoleContext,
  providers: ProviderListView,
  o: { form: ProviderForm; notice?: string },
): Html {
  const t = (key: keyof typeof PROVIDERS, params = {}) => format(PROVIDERS[key], ctx.locale, params);
  const field = (id: keyof ProviderForm["values"], extra: { hint?: string; short?: boolean } = {}) =>
    textField({
      id,
      label: t(id),
      value: o.form.values[id],
      error: errorFor(o.form.errors, id),
      spellcheck: false,
      autocomplete: "off",
      ...extra,
    });
  const rows = providers.map(
    (p) => html`<tr>
<th scope="row"><code>${p.code}</code></th>
<td>${p.name[ctx.locale]}</td>
<td>${p.edrpou}</td>
<td class="nowrap">${formatIban(p.iban)}</td>
<td>${t("staffCount", { administrators: p.administrators, operators: p.operators })}${
      p.administrators === 0 ? html`<br><strong>${t("noAdministrator")}</strong>` : ""
    }</td>
<td><a href="/console/staff?provider=${p.id}">${t("manageStaff", { name: p.name[ctx.locale] })}</a></td>
</tr>`,
  );
  return html`${errorSummary(ctx.locale, o.form.errors)}
${o.notice ? banner(o.notice, "success") : ""}
<h1>${t("title")}</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("caption")}"><table class="providers-list">
<caption>${t("caption")}</caption>
<thead><tr><th scope="col">${t("colCode")}</th><th scope="col">${t("colName")}</th><th scope="col">${t("colEdrpou")}</th><th scope="col">${t("colIban")}</th><th scope="col">${t("colStaff")}</th><th scope="col"><span class="visually-hidden">${t("colStaff")}</span></th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<h2 id="create">${t("createTitle")}</h2>
${postForm(
  ctx,
  "/console/providers",
  html`${field("code", { hint: t("codeHint"), short: true })}
${field("nameUk")}
${field("nameRu")}
${field("nameEn")}
${field("edrpou", { short: true })}
${field("iban")}
${button(t("create"))}`,
)}`;
}
