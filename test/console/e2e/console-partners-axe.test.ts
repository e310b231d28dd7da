// The partner pages in a real browser (Debian's chromium at a desk, JavaScript off, as the administrator may have
// it): the platform administrator signs in, sees the empty list, is refused a bad form, registers a partner (the
// answer with its secret), opens the partner's page, is refused inconsistent limits and rotates its key. axe-core
// checks each of those pages (in a second window with JavaScript, as the console's journey does).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../../src/demo/region.ts";
import { axeViolations, DESKTOP, launchBrowser, phoneContext } from "../../support/browser.ts";
import { textOf } from "../../support/cabinet-client.ts";
import { seedConsoleRegion } from "../../support/console-region.ts";
import { forEachDatabase } from "../../support/databases.ts";
import { serveJourney } from "../../web/e2e/journey-region.ts";

forEachDatabase("the console's partner pages in a real browser", (get) => {
  let browser: Browser;
  let app: FastifyInstance;
  let base: string;
  before(async () => {
    await seedConsoleRegion(get().database, get().deps);
    ({ app, base } = await serveJourney(get(), { staffTwoFactor: "optional" }));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  test("the platform administrator's partner pages pass axe-core, JavaScript off", async () => {
    const context = await phoneContext(browser, { javaScript: false, locale: "uk", viewport: DESKTOP });
    const checkerContext = await phoneContext(browser, { javaScript: true, locale: "uk", viewport: DESKTOP });
    const page = await context.newPage();
    const checker = await checkerContext.newPage();
    const found: string[] = [];
    const look = async () => {
      for (const v of await axeViolations(page, checker))
        found.push(
          `${new URL(page.url()).pathname} ${v.id} (${v.help}): ${v.nodes.map((n) => n.html).join(" | ")}`,
        );
      return textOf(await page.content());
    };
    const submit = async (form: string) => {
      await Promise.all([
        page.waitForNavigation(),
        page.locator(form).locator("button[type=submit]").first().click(),
      ]);
      await page.waitForLoadState("load");
    };
    try {
      await page.goto(`${base}/sign-in`);
      await page.fill("#login", DEMO_PEOPLE.platformAdmin.email);
      await page.fill("#password", DEMO_PASSWORD);
      await submit("form:has(#password)");

      await page.goto(`${base}/console/partners`);
      assert.match(await look(), /Партнерів ще немає/);

      const register = 'form[action="/console/partners"]';
      await page.fill("#code", "Bad Code");
      await page.fill("#name", "Ощадбанк термінали");
      await submit(register);
      assert.match(await look(), /Код: 2–30/);

      await page.fill("#code", "oschad-terminals");
      await page.locator('input[name="provider-deu"]').check();
      await page.fill("#ipAllow", "203.0.113.0/24");
      await submit(register);
      assert.match(await look(), /більше його не буде показано/);

      await page.goto(`${base}/console/partners/oschad-terminals`);
      assert.match(await look(), /Звірки/);

      await page.fill("#minPayment", "100000");
      await submit('form[action="/console/partners/oschad-terminals"]');
      assert.match(await look(), /Найменший платіж не може/);

      await submit('form[action="/console/partners/oschad-terminals/rotate"]');
      assert.match(await look(), /Попередні ключі діятимуть до/);
    } finally {
      await context.close();
      await checkerContext.close();
    }
    assert.deepEqual(found, [], "axe-core finds nothing on the partner pages");
  });
});
