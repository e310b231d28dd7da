// Linking a personal account from its paper bill, and the "are you sure?" step before removing one.
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import { type Html, html } from "../html.ts";
import { ACCOUNTS } from "../messages/accounts.ts";
import { LAYOUT } from "../messages/layout.ts";
import { addressOf } from "./account-facts.ts";
import {
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  select,
  summaryList,
  textField,
} from "./components.ts";
import type { PageContext } from "./page-context.ts";

export interface LinkForm {
  provider?: string;
  number?: string;
  amountDue?: string;
  errors: FieldError[];
}

export interface ProviderOption {
  code: string;
  name: { uk: string; ru: string; en: string };
}

export function linkBody(ctx: PageContext, providers: readonly ProviderOption[], form: LinkForm): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof ACCOUNTS) => format(ACCOUNTS[key], locale);
  return html`${errorSummary(locale, form.errors)}
<h1>${t("linkTitle")}</h1>
<p class="lead">${t("linkIntro")}</p>
${postForm(
  ctx,
  "/accounts/link",
  html`${select({
    id: "provider",
    label: t("providerLabel"),
    hint: t("providerHint"),
    value: form.provider ?? "",
    error: errorFor(form.errors, "provider"),
    choices: [
      { value: "", label: t("providerChoose") },
      ...providers.map((p) => ({ value: p.code, label: p.name[locale] })),
    ],
  })}
${textField({
  id: "number",
  label: t("numberLabel"),
  hint: t("numberHint"),
  value: form.number,
  spellcheck: false,
  autocomplete: "off",
  error: errorFor(form.errors, "number"),
})}
${textField({
  id: "amountDue",
  label: t("amountLabel"),
  hint: t("amountHint"),
  value: form.amountDue,
  inputmode: "decimal",
  autocomplete: "off",
  short: true,
  error: errorFor(form.errors, "amountDue"),
})}
${button(t("linkSubmit"))}`,
)}
<p><a href="/">${format(LAYOUT.back, locale)}</a></p>`;
}

export function unlinkBody(ctx: PageContext, account: AccountSummary): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof ACCOUNTS) => format(ACCOUNTS[key], locale);
  return html`<h1>${t("unlinkTitle")}</h1>
${summaryList([
  [t("provider"), account.provider.name[locale]],
  [t("accountNumber"), account.number],
  [t("address"), addressOf(account, locale)],
])}
<p>${t("unlinkExplain")}</p>
${postForm(ctx, `/accounts/${account.id}/unlink`, button(t("unlinkConfirm"), { kind: "warning" }))}
<p><a href="/">${t("unlinkCancel")}</a></p>`;
}
