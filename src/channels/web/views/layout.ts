// The cabinet's one page frame: a skip link, the header with the language switch and sign-out, the sections'
// navigation for a signed-in resident, the page's own content, and the footer. One stylesheet and one small
// script, both from the app itself.
import { LOCALES } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { SCRIPT, STYLESHEET } from "../assets.ts";
import { type Html, html } from "../html.ts";
import { LAYOUT } from "../messages/layout.ts";
import { csrfField } from "./components.ts";
import type { PageContext, Section } from "./page-context.ts";

const LANGUAGE_NAMES = { uk: "Українська", ru: "Русский", en: "English" } as const;

const SECTIONS: { id: Exclude<Section, null>; href: string; label: keyof typeof LAYOUT }[] = [
  { id: "home", href: "/", label: "navHome" },
  { id: "readings", href: "/readings", label: "navReadings" },
  { id: "money", href: "/money", label: "navMoney" },
  { id: "pay", href: "/pay", label: "navPay" },
  { id: "calculator", href: "/calculator", label: "navCalculator" },
  { id: "news", href: "/news", label: "navNews" },
  { id: "settings", href: "/settings", label: "navSettings" },
];

export interface PageOptions {
  title: string;
  body: Html;
  section?: Section;
  /** The page shows an error summary: the title starts with "Error:", as screen-reader users expect. */
  hasErrors?: boolean;
}

/** The page's title as the tab and screen readers say it: "Error: " first when its form has errors. */
export function pageTitle(
  locale: PageContext["locale"],
  title: string,
  brand: string,
  hasErrors = false,
): string {
  const errorPrefix = { uk: "Помилка: ", ru: "Ошибка: ", en: "Error: " }[locale];
  return `${hasErrors ? errorPrefix : ""}${title} — ${brand}`;
}

/** The other languages, each a small form that remembers the choice and comes back to this page. */
export function languageSwitch(ctx: PageContext): Html {
  return html`<div class="langs" role="group" aria-label="${format(LAYOUT.language, ctx.locale)}">${LOCALES.filter(
    (l) => l !== ctx.locale,
  ).map(
    (l) =>
      html`<form method="post" action="/language">${csrfField(ctx)}<input type="hidden" name="locale" value="${l}"><input type="hidden" name="back" value="${ctx.path}"><button class="link" type="submit" lang="${l}">${LANGUAGE_NAMES[l]}</button></form>`,
  )}</div>`;
}

export function signOutForm(ctx: PageContext): Html {
  return html`<form class="inline-form" method="post" action="/sign-out">${csrfField(ctx)}<button class="link" type="submit">${format(LAYOUT.signOut, ctx.locale)}</button></form>`;
}

/** The whole document around a frame's body: the app's own stylesheets and deferred scripts, nothing inline. */
export function htmlDocument(o: {
  locale: PageContext["locale"];
  title: string;
  stylesheets: readonly string[];
  scripts: readonly string[];
  head?: Html | undefined;
  bodyClass?: string;
  body: Html;
}): string {
  return `<!doctype html>
<html lang="${o.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${html`${o.title}`.html}</title>
${o.stylesheets.map((href) => `<link rel="stylesheet" href="${href}">\n`).join("")}${o.scripts
  .map((src) => `<script src="${src}" defer></script>\n`)
  .join("")}${o.head ? `${o.head.html}\n` : ""}</head>
<body${o.bodyClass ? ` class="${o.bodyClass}"` : ""}>
${o.body.html}
</body>
</html>
`;
}

export function cabinetPage(ctx: PageContext, options: PageOptions): string {
  const t = (key: keyof typeof LAYOUT) => format(LAYOUT[key], ctx.locale);
  const nav = ctx.signedIn
    ? html`<nav class="main" aria-label="${t("navLabel")}"><ul>${SECTIONS.map(
        (s) =>
          html`<li><a href="${s.href}"${s.id === options.section ? html` aria-current="page"` : ""}>${t(s.label)}</a></li>`,
      )}</ul></nav>`
    : "";
  return htmlDocument({
    locale: ctx.locale,
    title: pageTitle(ctx.locale, options.title, t("brand"), options.hasErrors),
    stylesheets: [STYLESHEET.path],
    scripts: [SCRIPT.path],
    body: html`<a class="skip" href="#content">${t("skip")}</a>
<header class="site"><div class="bar"><a class="brand" href="/">${t("brand")}</a>${languageSwitch(ctx)}${ctx.signedIn ? signOutForm(ctx) : ""}</div></header>
${nav}
<main id="content" tabindex="-1">
${options.body}
</main>
<footer class="site"><p>${t("footer")}</p></footer>`,
  });
}
