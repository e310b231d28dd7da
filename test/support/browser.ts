// A real browser for the cabinet's end-to-end tests: Debian's chromium driven by playwright-core (installed by
// .ci/run), axe-core run inside each page, and screenshots at a cheap phone's size kept in test-artifacts/.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const SCREENSHOTS = join(process.cwd(), "test-artifacts", "screenshots");
/** A cheap phone's screen, in CSS pixels. */
export const PHONE = { width: 360, height: 740 };
/** An office screen: the console's operators and administrators work at a desk. */
export const DESKTOP = { width: 1280, height: 800 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // The flags a sandboxed, offline machine needs: no sandbox as root, and no calls to Google's services.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function phoneContext(
  browser: Browser,
  o: { javaScript: boolean; locale: "uk" | "ru" | "en"; viewport?: { width: number; height: number } },
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: o.viewport ?? PHONE,
    javaScriptEnabled: o.javaScript,
    locale: { uk: "uk-UA", ru: "ru-UA", en: "en-GB" }[o.locale],
    acceptDownloads: true,
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * axe-core's violations on the page as it is now (WCAG 2.0–2.2 A and AA rules, and best practices). axe needs
 * the page's timers, which do not run with JavaScript off: then pass `checker`, a page of a context with
 * JavaScript on, and the page's HTML is checked there, on the same origin so its stylesheet applies.
 */
export async function axeViolations(page: Page, checker?: Page): Promise<AxeViolation[]> {
  let target = page;
  if (checker) {
    const snapshot = await page.content();
    const lang = await page.getAttribute("html", "lang");
    // Any page of the same origin will do as a host; its CSP allows the app's own stylesheet.
    await checker.goto(new URL("/assets/none", page.url()).href);
    await checker.evaluate(
      ({ snapshot, lang }) => {
        const doc = new DOMParser().parseFromString(snapshot, "text/html");
        document.documentElement.replaceWith(document.adoptNode(doc.documentElement));
        if (lang) document.documentElement.setAttribute("lang", lang);
      },
      { snapshot, lang },
    );
    await checker.waitForFunction(() =>
      [...document.querySelectorAll('link[rel="stylesheet"]')].every(
        (l) => (l as HTMLLinkElement).sheet !== null,
      ),
    );
    target = checker;
  }
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) does not stop it.
  await target.evaluate(AXE_SOURCE);
  const result = await target.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return axe.run({
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    });
  });
  return (result.violations as AxeViolation[]).map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
  }));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
