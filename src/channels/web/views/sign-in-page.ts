// The sign-in form: what a visitor who is not signed in sees at "/".
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { type Html, html } from "../html.ts";
import { SIGN_IN } from "../messages/sign-in.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  textField,
} from "./components.ts";
import type { PageContext } from "./page-context.ts";

export interface SignInForm {
  login?: string;
  next?: string;
  errors: FieldError[];
  notice?: string;
}

export function signInBody(ctx: PageContext, form: SignInForm): Html {
  const t = (key: keyof typeof SIGN_IN) => format(SIGN_IN[key], ctx.locale);
  return html`${errorSummary(ctx.locale, form.errors)}
${form.notice ? banner(form.notice, "success") : ""}
<h1>${t("title")}</h1>
<p class="lead">${t("intro")}</p>
${postForm(
  ctx,
  "/sign-in",
  html`${form.next ? html`<input type="hidden" name="next" value="${form.next}">` : ""}
${textField({
  id: "login",
  label: t("login"),
  hint: t("loginHint"),
  value: form.login,
  autocomplete: "username",
  spellcheck: false,
  error: errorFor(form.errors, "login"),
})}
${textField({
  id: "password",
  label: t("password"),
  type: "password",
  autocomplete: "current-password",
  error: errorFor(form.errors, "password"),
})}
${button(t("submit"))}`,
)}
<p><a href="/sign-in/code">${t("byCode")}</a></p>
<p><a href="/password-reset">${t("forgot")}</a></p>
<h2>${t("noAccount")}</h2>
<p><a class="button secondary" href="/sign-up">${t("signUp")}</a></p>`;
}

export const signInTitle = (locale: Locale) => format(SIGN_IN.title, locale);
