// The security page: two-step sign-in's state, setting it up (the secret as a QR code drawn inline as SVG — the
// CSP allows images from this site only — and as text to type; the form carries it to the confirmation), the
// recovery codes once, and turning it off.
import { format } from "../../../i18n/messages.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html, raw } from "../../web/html.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  textField,
} from "../../web/views/components.ts";
import { SECURITY } from "../messages/security.ts";
import type { ConsoleContext } from "./console-context.ts";

export type TwoFactorStatusView = OutputOf<"getTwoFactorStatus">;

export interface Setup {
  secret: string;
  /** The QR code of the otpauth:// address, as SVG markup from the qrcode package (no text of ours inside). */
  qrSvg: string;
}

export function securityBody(
  ctx: ConsoleContext,
  status: TwoFactorStatusView,
  o: { setup?: Setup; errors: FieldError[]; notice?: string },
): Html {
  const t = (key: keyof typeof SECURITY, params = {}) => format(SECURITY[key], ctx.locale, params);
  const head = html`${errorSummary(ctx.locale, o.errors)}
${o.notice ? banner(o.notice, "success") : ""}
<h1>${t("title")}</h1>
${status.required && !status.enabled ? banner(t("requiredNotice"), "warning") : ""}`;
  if (status.enabled) {
    return html`${head}
<p>${t("statusOn")}</p>
<p>${t("recoveryLeft", { n: status.recoveryCodesLeft })}</p>
${
  status.required
    ? html`<p>${t("requiredCannotDisable")}</p>`
    : html`<h2>${t("disableTitle")}</h2>
${postForm(
  ctx,
  "/console/security/disable",
  html`${textField({ id: "code", label: t("disableCode"), autocomplete: "one-time-code", spellcheck: false, short: true, error: errorFor(o.errors, "code") })}
${button(t("disable"), { kind: "warning" })}`,
)}`
}`;
  }
  if (o.setup) {
    return html`${head}
<h2>${t("setupTitle")}</h2>
<ol class="two-factor-steps">
<li><p>${t("step1")}</p>
<div class="two-factor-qr" role="img" aria-label="${t("qrLabel")}">${raw(o.setup.qrSvg)}</div>
<p>${t("secretLabel")} <code class="two-factor-secret">${groupsOf(o.setup.secret)}</code></p></li>
<li><p>${t("step2")}</p>
${postForm(
  ctx,
  "/console/security/confirm",
  html`<input type="hidden" name="secret" value="${o.setup.secret}">
${textField({ id: "code", label: t("code"), autocomplete: "one-time-code", inputmode: "numeric", spellcheck: false, short: true, error: errorFor(o.errors, "code") })}
${button(t("confirm"))}`,
)}</li>
</ol>`;
  }
  return html`${head}
<p>${t("statusOff")}</p>
${postForm(ctx, "/console/security/start", button(t("start")))}`;
}

/** The recovery codes, shown once, right after two-step sign-in was turned on. */
export function recoveryCodesBody(ctx: ConsoleContext, codes: readonly string[]): Html {
  const t = (key: keyof typeof SECURITY) => format(SECURITY[key], ctx.locale);
  return html`<h1>${t("title")}</h1>
${banner(t("statusOn"), "success")}
<h2>${t("recoveryTitle")}</h2>
<p>${t("recoveryIntro")}</p>
<ul class="recovery-codes">${codes.map((c) => html`<li><code>${c}</code></li>`)}</ul>
<p><a class="button" href="/console">${t("continue")}</a></p>`;
}

/** "JBSW Y3DP …": easier to copy by eye; apps ignore the spaces. */
function groupsOf(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(" ");
}
