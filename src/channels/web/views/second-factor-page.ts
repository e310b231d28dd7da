// The second step of signing in: one field for the authenticator app's code (or a recovery code). The challenge
// from the first step rides in a hidden field, so the step works without JavaScript or a cookie of its own.
import { format } from "../../../i18n/messages.ts";
import { type Html, html } from "../html.ts";
import { SECOND_FACTOR } from "../messages/second-factor.ts";
import { button, errorFor, errorSummary, type FieldError, postForm, textField } from "./components.ts";
import type { PageContext } from "./page-context.ts";

export interface SecondFactorForm {
  challenge: string;
  next?: string;
  errors: FieldError[];
}

export function secondFactorBody(ctx: PageContext, form: SecondFactorForm): Html {
  const t = (key: keyof typeof SECOND_FACTOR) => format(SECOND_FACTOR[key], ctx.locale);
  return html`${errorSummary(ctx.locale, form.errors)}
<h1>${t("title")}</h1>
<p class="lead">${t("intro")}</p>
${postForm(
  ctx,
  "/sign-in/second-factor",
  html`<input type="hidden" name="challenge" value="${form.challenge}">
${form.next ? html`<input type="hidden" name="next" value="${form.next}">` : ""}
${textField({
  id: "code",
  label: t("code"),
  hint: t("codeHint"),
  autocomplete: "one-time-code",
  inputmode: "text",
  spellcheck: false,
  short: true,
  error: errorFor(form.errors, "code"),
})}
${button(t("submit"))}`,
)}
<p><a href="/sign-in">${t("startAgain")}</a></p>`;
}
