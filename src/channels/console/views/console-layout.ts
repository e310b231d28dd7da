// The console's one page frame: the cabinet's skip link, header and language switch, a navigation of the
// staff member's sections (an operator's work, then the administrator's), a wider main column for tables.
import { format } from "../../../i18n/messages.ts";
import { SCRIPT, STYLESHEET } from "../../web/assets.ts";
import { type Html, html } from "../../web/html.ts";
import { LAYOUT } from "../../web/messages/layout.ts";
import { htmlDocument, languageSwitch, pageTitle, signOutForm } from "../../web/views/layout.ts";
import { CONSOLE_SCRIPT, CONSOLE_STYLESHEET } from "../console-assets.ts";
import { CONSOLE_LAYOUT } from "../messages/layout.ts";
import { type ConsoleContext, type ConsoleSection, isAdministrator } from "./console-context.ts";

type NavItem = { id: Exclude<ConsoleSection, null>; href: string; label: keyof typeof CONSOLE_LAYOUT };

const OPERATOR_SECTIONS: NavItem[] = [
  { id: "accounts", href: "/console", label: "navAccounts" },
  { id: "reviews", href: "/console/reviews", label: "navReviews" },
  { id: "registry-lines", href: "/console/registry-lines", label: "navRegistryLines" },
  { id: "inbox", href: "/console/inbox", label: "navInbox" },
  { id: "security", href: "/console/security", label: "navSecurity" },
];

const ADMINISTRATOR_SECTIONS: NavItem[] = [
  { id: "windows", href: "/console/windows", label: "navWindows" },
  { id: "tariffs", href: "/console/tariffs", label: "navTariffs" },
  { id: "news", href: "/console/news", label: "navNews" },
  { id: "contact-centre", href: "/console/contact-centre", label: "navContactCentre" },
  { id: "channels", href: "/console/channels", label: "navChannels" },
  { id: "billing", href: "/console/billing", label: "navBilling" },
  { id: "registries", href: "/console/registries", label: "navRegistries" },
  { id: "statistics", href: "/console/statistics", label: "navStatistics" },
  { id: "staff", href: "/console/staff", label: "navStaff" },
  { id: "audit", href: "/console/audit", label: "navAudit" },
];

const PLATFORM_SECTIONS: NavItem[] = [
  { id: "providers", href: "/console/providers", label: "navProviders" },
  { id: "partners", href: "/console/partners", label: "navPartners" },
];

export interface ConsolePageOptions {
  title: string;
  body: Html;
  section?: ConsoleSection;
  hasErrors?: boolean;
  /** More of the head: a page that follows a process refreshes itself without JavaScript (<noscript><meta>). */
  head?: Html;
}

function navList(ctx: ConsoleContext, items: NavItem[], current: ConsoleSection): Html {
  const t = (key: keyof typeof CONSOLE_LAYOUT) => format(CONSOLE_LAYOUT[key], ctx.locale);
  return html`<ul>${items.map(
    (s) =>
      html`<li><a href="${s.href}"${s.id === current ? html` aria-current="page"` : ""}>${t(s.label)}</a></li>`,
  )}</ul>`;
}

export function consolePage(ctx: ConsoleContext, options: ConsolePageOptions): string {
  const t = (key: keyof typeof CONSOLE_LAYOUT) => format(CONSOLE_LAYOUT[key], ctx.locale);
  const title = pageTitle(ctx.locale, options.title, t("brand"), options.hasErrors);
  const current = options.section ?? null;
  const role =
    ctx.actor.kind === "platform_admin"
      ? t("rolePlatformAdmin")
      : t(ctx.actor.role === "administrator" ? "roleAdministrator" : "roleOperator");
  const admin = isAdministrator(ctx.actor);
  const nav = html`<nav class="console-nav" aria-label="${t("navLabel")}">
<h2 class="nav-heading">${t("operatorWork")}</h2>${navList(ctx, OPERATOR_SECTIONS, current)}
${admin ? html`<h2 class="nav-heading">${t("administration")}</h2>${navList(ctx, ADMINISTRATOR_SECTIONS, current)}` : ""}
${ctx.actor.kind === "platform_admin" ? navList(ctx, PLATFORM_SECTIONS, current) : ""}
</nav>`;
  return htmlDocument({
    locale: ctx.locale,
    title,
    stylesheets: [STYLESHEET.path, CONSOLE_STYLESHEET.path],
    scripts: [SCRIPT.path, CONSOLE_SCRIPT.path],
    head: options.head,
    bodyClass: "console",
    body: html`<a class="skip" href="#content">${format(LAYOUT.skip, ctx.locale)}</a>
<header class="site"><div class="bar"><a class="brand" href="/console">${t("brand")}</a><span class="role">${role}</span>${languageSwitch(ctx)}${signOutForm(ctx)}</div></header>
<div class="console-frame">
${nav}
<main id="content" tabindex="-1">
${options.body}
</main>
</div>
<footer class="site"><p>${t("footer")}</p></footer>`,
  });
}
