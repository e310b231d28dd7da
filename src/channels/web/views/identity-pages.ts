// The pages of signing up, signing in with a one-time code and resetting a password: the first step asks for
// the address (and for a sign-up, the name and a password), the second for the code the address received. The
// address travels between the steps in a hidden field.
import { format } from "../../../i18n/messages.ts";
import { MIN_PASSWORD_LENGTH } from "../../../services/identity/password-policy.ts";
import { type Html, html } from "../html.ts";
import { IDENTITY } from "../messages/identity.ts";
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

type Key = keyof typeof IDENTITY;
const say = (ctx: PageContext, key: Key, params: Record<string, string | number> = {}) =>
  format(IDENTITY[key], ctx.locale, params);

const hidden = (fields: Record<string, string | undefined>): Html =>
  html`${Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}`;

export function loginField(ctx: PageContext, value: string | undefined, errors: readonly FieldError[]): Html {
  return textField({
    id: "login",
    label: say(ctx, "login"),
    hint: say(ctx, "loginHint"),
    value,
    autocomplete: "username",
    spellcheck: false,
    error: errorFor(errors, "login"),
  });
}

export function newPasswordField(
  ctx: PageContext,
  errors: readonly FieldError[],
  label: Key = "newPassword",
): Html {
  return textField({
    id: "password",
    label: say(ctx, label),
    hint: say(ctx, "newPasswordHint", { min: MIN_PASSWORD_LENGTH }),
    type: "password",
    autocomplete: "new-password",
    error: errorFor(errors, "password"),
  });
}

export interface SignUpForm {
  fullName?: string;
  login?: string;
  errors: FieldError[];
  notice?: string;
}

export function signUpBody(ctx: PageContext, form: SignUpForm): Html {
  return html`${errorSummary(ctx.locale, form.errors)}
${form.notice ? banner(form.notice) : ""}
<h1>${say(ctx, "signUpTitle")}</h1>
<p class="lead">${say(ctx, "signUpIntro")}</p>
${postForm(
  ctx,
  "/sign-up",
  html`${textField({
    id: "fullName",
    label: say(ctx, "fullName"),
    hint: say(ctx, "fullNameHint"),
    value: form.fullName,
    autocomplete: "name",
    spellcheck: false,
    error: errorFor(form.errors, "fullName"),
  })}
${loginField(ctx, form.login, form.errors)}
${newPasswordField(ctx, form.errors)}
${button(say(ctx, "continue"))}`,
)}
<p><a href="/sign-in">${say(ctx, "haveCabinet")}</a></p>`;
}

/** The first step of signing in by code and of a password reset: the address to send the code to. */
export function loginStepBody(
  ctx: PageContext,
  o: {
    title: string;
    intro: string;
    action: string;
    submit: string;
    login?: string;
    next?: string;
    errors: FieldError[];
    links: Html;
  },
): Html {
  return html`${errorSummary(ctx.locale, o.errors)}
<h1>${o.title}</h1>
<p class="lead">${o.intro}</p>
${postForm(
  ctx,
  o.action,
  html`${hidden({ next: o.next })}${loginField(ctx, o.login, o.errors)}${button(o.submit)}`,
)}
${o.links}`;
}

export interface CodeStep {
  title: string;
  /** Where the code is sent with the hidden login. */
  action: string;
  login: string;
  delivery: "email" | "sms";
  /** A sign-up's code surely went there (or a note instead); sign-in and reset codes only if a cabinet uses it. */
  sent: "surely" | "if-known";
  expiresInSeconds: number;
  errors: FieldError[];
  newCodeSent?: boolean;
  /** Fields the code step asks for besides the code (a reset's new password). */
  extra?: Html;
  extraNote?: string;
  submit: string;
  /** How to get a new code: a form posting the hidden login (and more) to `action`, with its button's label. */
  resend: { action: string; fields: Record<string, string | undefined>; label: string; note?: string };
  next?: string;
  /** Further hidden fields the code form carries, to come back with after a refusal. */
  carry?: Record<string, string | undefined>;
  /** A note below the sent line (a sign-up's taken address). */
  note?: string;
}

export function codeStepBody(ctx: PageContext, step: CodeStep): Html {
  const where =
    step.sent === "surely"
      ? say(ctx, step.delivery === "email" ? "codeSentEmail" : "codeSentSms", { login: step.login })
      : say(ctx, step.delivery === "email" ? "codeSentIfKnownEmail" : "codeSentIfKnownSms", {
          login: step.login,
        });
  return html`${errorSummary(ctx.locale, step.errors)}
${step.newCodeSent && step.errors.length === 0 ? banner(say(ctx, "newCodeSent"), "success") : ""}
<h1>${step.title}</h1>
<p class="lead">${where}</p>
${step.note ? html`<p>${step.note}</p>` : ""}
<p>${say(ctx, "codeValid", { minutes: Math.round(step.expiresInSeconds / 60) })}</p>
${step.extraNote ? banner(step.extraNote) : ""}
${postForm(
  ctx,
  step.action,
  html`${hidden({ ...step.carry, login: step.login, next: step.next })}
${textField({
  id: "code",
  label: say(ctx, "code"),
  hint: say(ctx, "codeHint"),
  autocomplete: "one-time-code",
  inputmode: "numeric",
  short: true,
  spellcheck: false,
  error: errorFor(step.errors, "code"),
})}
${step.extra ?? ""}
${button(step.submit)}`,
)}
<h2>${say(ctx, "noCode")}</h2>
<p>${step.resend.note ?? say(ctx, "noCodeHint")}</p>
${postForm(
  ctx,
  step.resend.action,
  html`${hidden({ ...step.resend.fields, next: step.next })}${button(step.resend.label, { kind: "secondary" })}`,
)}`;
}

/** A typed code as the use cases take it: six digits, spaces and dashes people type between them dropped. */
export function cleanCode(text: string | undefined): string {
  return (text ?? "").replace(/[\s-]/g, "");
}

export const isSixDigits = (code: string) => /^[0-9]{6}$/.test(code);

export const identityWords = say;
