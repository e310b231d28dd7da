// The platform administrator's partner pages: the list of partners with the form that registers one, and a
// partner's own page (its settings, disabling, its keys). A new key's secret is drawn only into the answer to the
// POST that made it, never into a page that can be fetched again.
import { formatUah, kop, uahString } from "../../../domain/money.ts";
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
  summaryList,
  textField,
} from "../../web/views/components.ts";
import { CONSOLE_PARTNERS } from "../messages/partners.ts";
import type { ConsoleContext } from "./console-context.ts";
import { countText, kyivDateTimeText } from "./console-format.ts";
import { checkboxes, textArea } from "./settings-fields.ts";

export type PartnerView = OutputOf<"listPartners">[number];
export type ProviderChoices = OutputOf<"listAllProviders">;

/** The settings form's fields as typed (amounts in hryvnias), re-shown as they were when refused. */
export interface PartnerFormValues {
  code: string;
  name: string;
  providers: string[];
  terminalProtocol: boolean;
  ipAllow: string;
  ratePerMinute: string;
  minPayment: string;
  maxPayment: string;
  dailyLimit: string;
}

export interface PartnerForm {
  values: PartnerFormValues;
  errors: FieldError[];
}

/** A new key just made: shown in the answer to the POST that made it, and nowhere else. */
export interface NewKey {
  keyId: string;
  secret: string;
  oldKeysExpireAt?: string;
}

/** The form's values of a partner as it is now. */
export function formOfPartner(p: PartnerView): PartnerFormValues {
  return {
    code: p.code,
    name: p.name,
    providers: p.providers,
    terminalProtocol: p.terminalProtocol,
    ipAllow: p.ipAllow.join("\n"),
    ratePerMinute: String(p.ratePerMinute),
    minPayment: uahString(kop(p.minPaymentKop)),
    maxPayment: uahString(kop(p.maxPaymentKop)),
    dailyLimit: uahString(kop(p.dailyLimitKop)),
  };
}

type Key = keyof typeof CONSOLE_PARTNERS;
const words =
  (ctx: ConsoleContext) =>
  (key: Key, params: Record<string, string | number> = {}) =>
    format(CONSOLE_PARTNERS[key], ctx.locale, params);

function newKeyPanel(ctx: ConsoleContext, key: NewKey): Html {
  const t = words(ctx);
  return html`<section class="banner warning" role="alert" aria-labelledby="new-key-title">
<h2 id="new-key-title">${t("secretTitle")}</h2>
${summaryList([
  [t("keyId"), html`<code>${key.keyId}</code>`],
  [t("secret"), html`<code class="secret">${key.secret}</code>`],
])}
<p><strong>${t("secretOnce")}</strong></p>
${key.oldKeysExpireAt ? html`<p>${t("oldKeysExpire", { at: kyivDateTimeText(new Date(key.oldKeysExpireAt)) })}</p>` : ""}
</section>`;
}

/** The settings' fields, the same on the register form and on a partner's page (where the code is fixed). */
function settingsFields(
  ctx: ConsoleContext,
  providers: ProviderChoices,
  form: PartnerForm,
  withCode: boolean,
) {
  const t = words(ctx);
  const v = form.values;
  const text = (
    id: "code" | "name" | "ratePerMinute" | "minPayment" | "maxPayment" | "dailyLimit",
    extra: { hint?: string; short?: boolean; inputmode?: "numeric" | "decimal" } = {},
  ) =>
    textField({
      id,
      label: t(id),
      value: v[id],
      error: errorFor(form.errors, id),
      spellcheck: false,
      autocomplete: "off",
      ...extra,
    });
  const amount = (id: "minPayment" | "maxPayment" | "dailyLimit") =>
    text(id, { hint: t("amountHint"), short: true, inputmode: "decimal" });
  const providersError = errorFor(form.errors, "providers");
  return html`${withCode ? text("code", { hint: t("codeHint"), short: true }) : ""}
${text("name")}
<div id="providers"${providersError ? html` class="has-error"` : ""}>${
    providersError ? html`<p class="error-message">${providersError}</p>` : ""
  }${checkboxes({
    id: "provider",
    name: "provider",
    legend: t("providers"),
    choices: providers.map((p) => ({
      value: p.code,
      label: p.name[ctx.locale],
      hint: p.code,
      checked: v.providers.includes(p.code),
    })),
  })}</div>
${checkboxes({
  id: "terminalProtocol",
  name: "terminal",
  legend: t("terminalProtocol"),
  choices: [
    {
      value: "protocol",
      label: t("terminalProtocol"),
      hint: t("terminalProtocolHint"),
      checked: v.terminalProtocol,
    },
  ],
})}
${textArea({
  id: "ipAllow",
  label: t("ipAllow"),
  hint: t("ipAllowHint"),
  value: v.ipAllow,
  error: errorFor(form.errors, "ipAllow"),
  rows: 3,
})}
${text("ratePerMinute", { short: true, inputmode: "numeric" })}
${amount("minPayment")}
${amount("maxPayment")}
${amount("dailyLimit")}`;
}

export function partnersBody(
  ctx: ConsoleContext,
  partners: PartnerView[],
  providers: ProviderChoices,
  o: { form: PartnerForm; registered?: NewKey & { code: string } },
): Html {
  const t = words(ctx);
  const names = new Map(providers.map((p) => [p.code, p.name[ctx.locale]]));
  const rows = partners.map(
    (p) => html`<tr>
<th scope="row"><code>${p.code}</code>${p.disabled ? html`<br><strong>${t("disabledMark")}</strong>` : ""}</th>
<td><a href="/console/partners/${p.code}">${p.name}</a></td>
<td>${p.providers.length ? p.providers.map((c) => names.get(c) ?? c).join(", ") : t("noProviders")}</td>
<td>${t("limitsText", {
      min: formatUah(kop(p.minPaymentKop), ctx.locale),
      max: formatUah(kop(p.maxPaymentKop), ctx.locale),
      daily: formatUah(kop(p.dailyLimitKop), ctx.locale),
    })}</td>
<td class="num">${t("todayText", {
      amount: formatUah(kop(p.today.kop), ctx.locale),
      payments: countText(p.today.payments, ctx.locale),
    })}</td>
<td class="num">${String(p.keys.filter((k) => k.valid).length)}</td>
</tr>`,
  );
  return html`${errorSummary(ctx.locale, o.form.errors)}
${o.registered ? html`${banner(t("registered", { code: o.registered.code }), "success")}${newKeyPanel(ctx, o.registered)}` : ""}
<h1>${t("title")}</h1>
<p>${t("lead")}</p>
${
  partners.length
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="${t("caption")}"><table class="partners-list">
<caption>${t("caption")}</caption>
<thead><tr><th scope="col">${t("colCode")}</th><th scope="col">${t("colName")}</th><th scope="col">${t("colProviders")}</th><th scope="col">${t("colLimits")}</th><th scope="col">${t("colToday")}</th><th scope="col">${t("colKeys")}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
    : html`<p>${t("none")}</p>`
}
<h2 id="register">${t("registerTitle")}</h2>
${postForm(
  ctx,
  "/console/partners",
  html`${settingsFields(ctx, providers, o.form, true)}
${button(t("register"))}`,
)}`;
}

export function partnerBody(
  ctx: ConsoleContext,
  partner: PartnerView,
  providers: ProviderChoices,
  o: { form: PartnerForm; notice?: string; newKey?: NewKey },
): Html {
  const t = words(ctx);
  const base = `/console/partners/${partner.code}`;
  const keyRows = partner.keys.map(
    (k) => html`<tr>
<th scope="row"><code>${k.keyId}</code></th>
<td>${kyivDateTimeText(new Date(k.createdAt))}</td>
<td>${k.expiresAt ? kyivDateTimeText(new Date(k.expiresAt)) : t("noExpiry")}</td>
<td>${k.valid ? t("keyValid") : t("keyExpired")}</td>
<td>${
      k.valid
        ? postForm(
            ctx,
            `${base}/revoke`,
            html`<input type="hidden" name="keyId" value="${k.keyId}">${button(t("revoke", { keyId: k.keyId }), { kind: "warning" })}`,
          )
        : ""
    }</td>
</tr>`,
  );
  return html`${errorSummary(ctx.locale, o.form.errors)}
${o.notice ? banner(o.notice, "success") : ""}
${o.newKey ? newKeyPanel(ctx, o.newKey) : ""}
<p><a href="/console/partners">${t("back")}</a></p>
<h1>${t("partnerTitle", { name: partner.name })}</h1>
${summaryList([
  [t("code"), html`<code>${partner.code}</code>`],
  [t("registrySource"), html`<code>${partner.registrySource}</code>`],
  [t("state"), partner.disabled ? t("disabledMark") : t("active")],
  [
    t("colToday"),
    t("todayText", {
      amount: formatUah(kop(partner.today.kop), ctx.locale),
      payments: countText(partner.today.payments, ctx.locale),
    }),
  ],
])}
<p><a href="${base}/reconciliations">${t("reconciliations")}</a></p>
<h2 id="settings">${t("settingsTitle")}</h2>
${postForm(
  ctx,
  base,
  html`${settingsFields(ctx, providers, o.form, false)}
${button(t("save"))}`,
)}
<h2 id="keys">${t("keysTitle")}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="${t("keysCaption")}"><table class="partner-keys">
<caption>${t("keysCaption")}</caption>
<thead><tr><th scope="col">${t("keyId")}</th><th scope="col">${t("colCreated")}</th><th scope="col">${t("colExpires")}</th><th scope="col">${t("colValid")}</th><th scope="col"><span class="visually-hidden">${t("colRevoke")}</span></th></tr></thead>
<tbody>${keyRows}</tbody>
</table></div>
${postForm(ctx, `${base}/rotate`, html`<p class="hint">${t("rotateHint")}</p>${button(t("rotate"), { kind: "secondary" })}`)}
<h2 id="state">${t("state")}</h2>
${
  partner.disabled
    ? postForm(ctx, `${base}/state`, html`${button(t("enable"), { name: "disabled", value: "no" })}`)
    : postForm(
        ctx,
        `${base}/state`,
        html`<p class="hint">${t("disableHint")}</p>${button(t("disable"), { kind: "warning", name: "disabled", value: "yes" })}`,
      )
}`;
}
