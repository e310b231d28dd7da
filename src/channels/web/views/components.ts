// The cabinet's form parts, after GOV.UK's design system: an error summary at the top that links to each field,
// the error beside its field (aria-describedby, aria-invalid), hints, buttons, banners and summary lists.
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { type Html, html } from "../html.ts";
import { LAYOUT } from "../messages/layout.ts";
import type { PageContext } from "./page-context.ts";

/** One problem with a form: the id of the field it is about (null for the form as a whole) and what to do. */
export interface FieldError {
  field: string | null;
  message: string;
}

export const errorFor = (errors: readonly FieldError[], field: string): string | undefined =>
  errors.find((e) => e.field === field)?.message;

export function csrfField(ctx: Pick<PageContext, "csrf">): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;
}

/** The list of problems at the top of a form; empty when there are none. Focused by the script, if it runs. */
export function errorSummary(locale: Locale, errors: readonly FieldError[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${format(LAYOUT.errorSummaryTitle, locale)}</h2>
<ul>${errors.map((e) => html`<li>${e.field ? html`<a href="#${e.field}">${e.message}</a>` : e.message}</li>`)}</ul>
</div>`;
}

export interface TextFieldOptions {
  id: string;
  /** The form field's name; the id when not given. */
  name?: string;
  label: string;
  hint?: string;
  value?: string | undefined;
  error?: string | undefined;
  type?: "text" | "email" | "tel" | "password" | "date" | "month" | "number";
  autocomplete?: string;
  inputmode?: "numeric" | "decimal" | "tel" | "email" | "text";
  required?: boolean;
  short?: boolean;
  /** Extra attributes that need no escaping beyond the tag's own (spellcheck, pattern, min, max). */
  spellcheck?: boolean;
  labelIsHeading?: boolean;
}

export function textField(o: TextFieldOptions): Html {
  const describedBy = [o.hint ? `${o.id}-hint` : "", o.error ? `${o.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const label = html`<label for="${o.id}">${o.label}</label>`;
  return html`<div class="form-group${o.error ? " has-error" : ""}">
${o.labelIsHeading ? html`<h2>${label}</h2>` : label}
${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ""}
${o.error ? html`<p class="error-message" id="${o.id}-error">${o.error}</p>` : ""}
<input id="${o.id}" name="${o.name ?? o.id}" type="${o.type ?? "text"}"${o.short ? html` class="short"` : ""}${
    o.value !== undefined ? html` value="${o.value}"` : ""
  }${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""}${o.inputmode ? html` inputmode="${o.inputmode}"` : ""}${
    o.required ? html` required` : ""
  }${o.spellcheck === false ? html` spellcheck="false"` : ""}${describedBy ? html` aria-describedby="${describedBy}"` : ""}${
    o.error ? html` aria-invalid="true"` : ""
  }>
</div>`;
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export function radios(o: {
  id: string;
  name?: string;
  legend: string;
  hint?: string;
  choices: readonly Choice[];
  value?: string | undefined;
  error?: string | undefined;
}): Html {
  const name = o.name ?? o.id;
  const describedBy = [o.hint ? `${o.id}-hint` : "", o.error ? `${o.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return html`<div class="form-group${o.error ? " has-error" : ""}"><fieldset${
    describedBy ? html` aria-describedby="${describedBy}"` : ""
  }>
<legend>${o.legend}</legend>
${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ""}
${o.error ? html`<p class="error-message" id="${o.id}-error">${o.error}</p>` : ""}
<div class="radios">${o.choices.map(
    (c, i) =>
      html`<label><input type="radio" id="${i === 0 ? o.id : `${o.id}-${i}`}" name="${name}" value="${c.value}"${
        c.value === o.value ? html` checked` : ""
      }> ${c.label}</label>`,
  )}</div>
</fieldset></div>`;
}

export function select(o: {
  id: string;
  name?: string;
  label: string;
  hint?: string;
  choices: readonly Choice[];
  value?: string | undefined;
  error?: string | undefined;
}): Html {
  const describedBy = [o.hint ? `${o.id}-hint` : "", o.error ? `${o.id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return html`<div class="form-group${o.error ? " has-error" : ""}">
<label for="${o.id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ""}
${o.error ? html`<p class="error-message" id="${o.id}-error">${o.error}</p>` : ""}
<select id="${o.id}" name="${o.name ?? o.id}"${describedBy ? html` aria-describedby="${describedBy}"` : ""}${
    o.error ? html` aria-invalid="true"` : ""
  }>${o.choices.map(
    (c) => html`<option value="${c.value}"${c.value === o.value ? html` selected` : ""}>${c.label}</option>`,
  )}</select>
</div>`;
}

export function button(
  label: string,
  o: { kind?: "secondary" | "warning"; name?: string; value?: string } = {},
): Html {
  return html`<button type="submit"${o.kind ? html` class="${o.kind}"` : ""}${o.name ? html` name="${o.name}"` : ""}${
    o.value !== undefined ? html` value="${o.value}"` : ""
  }>${label}</button>`;
}

/** A POST form with the CSRF token. */
export function postForm(
  ctx: Pick<PageContext, "csrf">,
  action: string,
  content: Html,
  o: { novalidate?: boolean } = {},
): Html {
  return html`<form method="post" action="${action}"${o.novalidate === false ? "" : html` novalidate`}>${csrfField(ctx)}${content}</form>`;
}

/** A notice above the content: what just happened (success) or what needs attention (warning). */
export function banner(content: Html | string, kind: "info" | "success" | "warning" = "info"): Html {
  return html`<div class="banner${kind === "info" ? "" : ` ${kind}`}" role="${kind === "warning" ? "alert" : "status"}">${
    typeof content === "string" ? html`<p>${content}</p>` : content
  }</div>`;
}

export function summaryList(rows: readonly [string, Html | string][]): Html {
  return html`<dl class="summary">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
}
