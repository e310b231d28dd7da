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

export function cabinetPage(ctx: PageContext, options: PageOptions): string {
  const t = (key: keyof typeof LAYOUT) => format(LAYOUT[key], ctx.locale);
  const errorPrefix = { uk: "Помилка: ", ru: "Ошибка: ", en: "Error: " }[ctx.locale];
  const title = `${options.hasErrors ? errorPrefix : ""}${options.title} — ${t("brand")}`;
  const nav = ctx.signedIn
    ? html`<nav class="main" aria-label="${t("navLabel")}"><ul>${SECTIONS.map(
        (s) =>
          html`<li><a href="${s.href}"${s.id === options.section ? html` aria-current="page"` : ""}>${t(s.label)}</a></li>`,
      )}</ul></nav>`
    : "";
  const signOut = ctx.signedIn
    ? html`<form class="inline-form" method="post" action="/sign-out">${csrfField(ctx)}<button class="link" type="submit">${t("signOut")}</button></form>`
    : "";
  const languages = html`<div class="langs" role="group" aria-label="${t("language")}">${LOCALES.filter(
    (l) => l !== ctx.locale,
  ).map(
    (l) =>
      html`<form method="post" action="/language">${csrfField(ctx)}<input type="hidden" name="locale" value="${l}"><input type="hidden" name="back" value="${ctx.path}"><button class="link" type="submit" lang="${l}">${LANGUAGE_NAMES[l]}</button></form>`,
  )}</div>`;
  return `<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${html`${title}`.html}</title>
<link rel="stylesheet" href="${STYLESHEET.path}">
<script src="${SCRIPT.path}" defer></script>
</head>
<body>
${
  html`<a class="skip" href="#content">${t("skip")}</a>
<header class="site"><div class="bar"><a class="brand" href="/">${t("brand")}</a>${languages}${signOut}</div></header>
${nav}
<main id="content" tabindex="-1">
${options.body}
</main>
<footer class="site"><p>${t("footer")}</p></footer>`.html
}
</body>
</html>
`;
}
