// The settings page's "Messengers" part (a form asking for a code) and the answer to it: the 8-digit code grouped
// in fours, until when it works (Kyiv time) and where to type it in the bot.
import { kyivDateOf, kyivPartsOf } from "../../../domain/kyiv-time.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format, type MessageParams } from "../../../i18n/messages.ts";
import { type Html, html } from "../html.ts";
import { CHAT_LINK } from "../messages/chat-link.ts";
import { banner, button, postForm } from "./components.ts";
import type { PageContext } from "./page-context.ts";

export const CHAT_LINK_CODE_PATH = "/settings/chat-link-code";

const say = (locale: Locale, key: keyof typeof CHAT_LINK, params: MessageParams = {}) =>
  format(CHAT_LINK[key], locale, params);

/** "12345678" → "1234 5678": easier to read off a screen and type on a phone. */
export const groupedCode = (code: string) => code.replace(/^(\d{4})(\d{4})$/, "$1 $2");

/** The part of the settings overview. */
export function messengersSection(ctx: PageContext): Html {
  const l = ctx.locale;
  return html`<h2 id="messengers">${say(l, "heading")}</h2>
<p>${say(l, "intro")}</p>
${postForm(ctx, CHAT_LINK_CODE_PATH, button(say(l, "getCode"), { kind: "secondary" }))}`;
}

export function chatLinkCodeBody(ctx: PageContext, o: { code: string; expiresAt: string }): Html {
  const l = ctx.locale;
  const expires = new Date(o.expiresAt);
  const p = kyivPartsOf(expires);
  const time = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  return html`<h1>${say(l, "codeTitle")}</h1>
${banner(say(l, "shownOnce"), "warning")}
<dl class="summary"><div><dt>${say(l, "codeLabel")}</dt><dd><strong class="chat-link-code">${groupedCode(o.code)}</strong></dd></div></dl>
<p>${say(l, "expires", { time, date: formatDate(kyivDateOf(expires), l) })}</p>
<h2>${say(l, "whereHeading")}</h2>
<p>${say(l, "where")}</p>
<p><a href="/settings#messengers">${say(l, "backToSettings")}</a></p>`;
}
