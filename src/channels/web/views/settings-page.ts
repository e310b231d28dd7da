// The settings pages: the overview (language, addresses, reminders, API tokens, signing out everywhere), and the
// one-task pages it links to.

import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import type { ReminderChannel } from "../../../domain/reminder-channel.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { type Html, html } from "../html.ts";
import { SETTINGS } from "../messages/settings.ts";
import { messengersSection } from "./chat-link-page.ts";
import {
  banner,
  button,
  errorFor,
  errorSummary,
  type FieldError,
  postForm,
  radios,
  summaryList,
  textField,
} from "./components.ts";
import type { PageContext } from "./page-context.ts";

type Key = keyof typeof SETTINGS;
const say = (locale: Locale, key: Key, params: Record<string, string | number> = {}) =>
  format(SETTINGS[key], locale, params);

export const LANGUAGE_NAMES: Record<Locale, string> = { uk: "Українська", ru: "Русский", en: "English" };

export interface IdentityView {
  kind: string;
  address: string;
}

export interface TokenView {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date | string;
  lastUsedAt: Date | string | null;
}

export interface SettingsView {
  locale: Locale;
  identities: IdentityView[];
  reminderChannel: ReminderChannel;
  tokens: TokenView[];
  notice?: string;
}

const day = (d: Date | string, locale: Locale) => formatDate(kyivDateOf(new Date(d)), locale);

const backLink = (locale: Locale) => html`<p><a href="/settings">${say(locale, "backToSettings")}</a></p>`;

function tokenTable(ctx: PageContext, tokens: TokenView[]): Html {
  const l = ctx.locale;
  if (tokens.length === 0) return html`<p>${say(l, "noTokens")}</p>`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="${say(l, "tokensCaption")}"><table class="tokens">
<caption>${say(l, "tokensCaption")}</caption>
<thead><tr><th scope="col">${say(l, "tokenName")}</th><th scope="col">${say(l, "tokenStart")}</th><th scope="col">${say(
    l,
    "tokenCreated",
  )}</th><th scope="col">${say(l, "tokenLastUsed")}</th><th scope="col">${say(l, "tokenAction")}</th></tr></thead>
<tbody>${tokens.map(
    (t) =>
      html`<tr><th scope="row">${t.name}</th><td><code>${t.prefix}…</code></td><td>${day(t.createdAt, l)}</td><td>${
        t.lastUsedAt ? day(t.lastUsedAt, l) : say(l, "never")
      }</td><td>${postForm(
        ctx,
        `/settings/tokens/${t.id}/revoke`,
        html`<button type="submit" class="secondary">${say(l, "revoke")}<span class="visually-hidden"> ${say(
          l,
          "revokeNamed",
          { name: t.name },
        )}</span></button>`,
      )}</td></tr>`,
  )}</tbody>
</table></div>`;
}

export function settingsBody(ctx: PageContext, view: SettingsView): Html {
  const l = ctx.locale;
  return html`${view.notice ? banner(view.notice, "success") : ""}
<h1>${say(l, "title")}</h1>
<h2>${say(l, "language")}</h2>
${summaryList([[say(l, "language"), LANGUAGE_NAMES[view.locale]]])}
<p>${say(l, "languageIs")} <a href="/settings/language">${say(l, "changeLanguage")}</a></p>
<h2>${say(l, "identities")}</h2>
<p>${say(l, "identitiesIntro")}</p>
${
  view.identities.length
    ? summaryList(
        view.identities.map((i) => [
          say(l, "kind", { kind: i.kind }),
          html`${i.address} <strong class="tag green">${say(l, "confirmed")}</strong>`,
        ]),
      )
    : html`<p>${say(l, "noIdentities")}</p>`
}
<p><a class="button secondary" href="/settings/identities/add">${say(l, "addIdentity")}</a></p>
<h2>${say(l, "reminders")}</h2>
<p>${say(l, "remindersGoTo", { channel: view.reminderChannel })}</p>
<p><a href="/settings/reminders">${say(l, "changeReminders")}</a></p>
${messengersSection(ctx)}
<h2>${say(l, "tokens")}</h2>
<p>${say(l, "tokensIntro")}</p>
${tokenTable(ctx, view.tokens)}
<p><a class="button secondary" href="/settings/tokens/new">${say(l, "createToken")}</a></p>
<h2>${say(l, "everywhere")}</h2>
<p>${say(l, "everywhereIntro")}</p>
${postForm(ctx, "/settings/sign-out-everywhere", button(say(l, "everywhere"), { kind: "warning" }))}`;
}

export function languageBody(ctx: PageContext, current: Locale): Html {
  const l = ctx.locale;
  return html`<h1>${say(l, "language")}</h1>
${postForm(
  ctx,
  "/settings/language",
  html`${radios({
    id: "locale",
    legend: say(l, "languageLegend"),
    choices: (Object.keys(LANGUAGE_NAMES) as Locale[]).map((value) => ({
      value,
      label: LANGUAGE_NAMES[value],
    })),
    value: current,
  })}${button(say(l, "save"))}`,
)}
${backLink(l)}`;
}

const CHAT_PLATFORM_NAMES = { telegram: "Telegram", viber: "Viber", messenger: "Messenger" } as const;

export function remindersBody(
  ctx: PageContext,
  o: {
    current: ReminderChannel;
    choices: ReminderChannel[];
    email?: string;
    phone?: string;
    errors: FieldError[];
  },
): Html {
  const l = ctx.locale;
  const label = (c: ReminderChannel) =>
    c === "email"
      ? say(l, "channelEmail", { address: o.email ?? "" })
      : c === "sms"
        ? say(l, "channelSms", { address: o.phone ?? "" })
        : c === "none"
          ? say(l, "channelNone")
          : say(l, "channelChat", { platform: CHAT_PLATFORM_NAMES[c] });
  return html`${errorSummary(l, o.errors)}
<h1>${say(l, "reminders")}</h1>
${postForm(
  ctx,
  "/settings/reminders",
  html`${radios({
    id: "channel",
    legend: say(l, "remindersLegend"),
    hint: say(l, "remindersHint"),
    choices: o.choices.map((value) => ({ value, label: label(value) })),
    value: o.current,
    error: errorFor(o.errors, "channel"),
  })}${button(say(l, "save"))}`,
)}
${
  !(o.choices.includes("email") && o.choices.includes("sms"))
    ? html`<p>${say(l, "remindersNeedAddress")} <a href="/settings/identities/add">${say(l, "addIdentity")}</a></p>`
    : ""
}
${backLink(l)}`;
}

export function addIdentityBody(
  ctx: PageContext,
  o: { errors: FieldError[]; loginField: Html; submit: string },
): Html {
  const l = ctx.locale;
  return html`${errorSummary(l, o.errors)}
<h1>${say(l, "addIdentity")}</h1>
<p class="lead">${say(l, "addIdentityIntro")}</p>
${postForm(ctx, "/settings/identities/add", html`${o.loginField}${button(o.submit)}`)}
${backLink(l)}`;
}

export function newTokenBody(ctx: PageContext, o: { name?: string; errors: FieldError[] }): Html {
  const l = ctx.locale;
  return html`${errorSummary(l, o.errors)}
<h1>${say(l, "newTokenTitle")}</h1>
<p>${say(l, "tokensIntro")}</p>
${postForm(
  ctx,
  "/settings/tokens",
  html`${textField({
    id: "name",
    label: say(l, "newTokenName"),
    hint: say(l, "newTokenNameHint"),
    value: o.name,
    autocomplete: "off",
    error: errorFor(o.errors, "name"),
  })}${button(say(l, "createToken"))}`,
)}
${backLink(l)}`;
}

export function tokenShownBody(ctx: PageContext, token: { name: string; token: string }): Html {
  const l = ctx.locale;
  return html`<h1>${say(l, "tokenShownTitle")}</h1>
${banner(say(l, "tokenShownOnce"), "warning")}
<div class="form-group">
<label for="token">${say(l, "tokenLabel", { name: token.name })}</label>
<p class="hint" id="token-hint">${say(l, "tokenUse")}</p>
<input id="token" type="text" readonly value="${token.token}" aria-describedby="token-hint" spellcheck="false" autocomplete="off" class="token">
</div>
${backLink(l)}`;
}

export const settingsWords = say;
