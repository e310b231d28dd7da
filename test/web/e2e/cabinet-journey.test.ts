// A new resident's whole way through the cabinet in a real browser (Debian's chromium, 360×740): signing up with
// the code from the outbox, linking an account by its bill, a reading refused, one that needs confirmation and is
// confirmed, one accepted, the charge after the month's billing run, the bill and a statement downloaded, and a
// card payment through the demo gateway that then shows in the history. Twice: with JavaScript on in Ukrainian,
// and off in Russian. axe-core checks every page visited; screenshots land in test-artifacts/screenshots.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../../src/demo/region.ts";
import { SUCCEEDING_CARD } from "../../../src/gateways/demo/test-cards.ts";
import type { Actor } from "../../../src/services/actor.ts";
import { callUseCase } from "../../../src/services/registry.ts";
import {
  type AxeViolation,
  axeViolations,
  launchBrowser,
  phoneContext,
  screenshot,
} from "../../support/browser.ts";
import { textOf } from "../../support/cabinet-client.ts";
import { type DbFixture, forEachDatabase } from "../../support/databases.ts";
import { BILLING_DAY, IN_WINDOW, loadJourneyRegion, serveJourney } from "./journey-region.ts";

const PASSWORD = "blue kettle on a windowsill";
const NEXT_YEAR = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, "0");

interface Journey {
  locale: "uk" | "ru";
  javaScript: boolean;
  /** A moment inside the electricity window of `period`, and the day that month is billed. */
  inWindow: string;
  billingDay: string;
  period: string;
}

// Each journey has a month of its own: a billed month is closed, and its readings are taken no more.
const JOURNEYS: Journey[] = [
  { locale: "uk", javaScript: true, inWindow: IN_WINDOW, billingDay: BILLING_DAY, period: "2026-11" },
  {
    locale: "ru",
    javaScript: false,
    inWindow: "2026-12-29T10:00:00+02:00",
    billingDay: "2027-01-03T09:00:00+02:00",
    period: "2026-12",
  },
];

/** Digits of an amount as a page shows it ("1 234,56" with any spaces) → "123456". */
const digits = (text: string) => text.replace(/[^\d]/g, "");

forEachDatabase(
  "the cabinet in a real browser",
  (get, engine) => {
    let browser: Browser;
    let app: FastifyInstance;
    let base: string;
    let admin: Actor;
    let deu: number;
    const used = new Set<number>();

    before(async () => {
      ({ app, base } = await serveJourney(get()));
      browser = await launchBrowser();
      const { db } = get().database;
      const platform = await db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "platform@demo.abonent.ua")
        .executeTakeFirstOrThrow();
      admin = { kind: "platform_admin", userId: platform.id, locale: "uk" };
      deu = (
        await db.selectFrom("providers").select("id").where("code", "=", "deu").executeTakeFirstOrThrow()
      ).id;
    });
    after(async () => {
      await browser?.close();
      await app?.close();
    });

    /** An electricity account nobody has linked, with one single-zone meter and a bill: what the new resident holds. */
    async function unlinkedAccount(fixture: DbFixture) {
      const { db } = fixture.database;
      const rows = await db
        .selectFrom("accounts as a")
        .innerJoin("meters as m", "m.account_id", "a.id")
        .select(["a.id", "a.number", "m.id as meter_id"])
        .where("a.provider_id", "=", deu)
        .where("m.zones", "=", 1)
        .where("m.removed_on", "is", null)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("user_accounts as ua")
                .select("ua.account_id")
                .whereRef("ua.account_id", "=", "a.id"),
            ),
          ),
        )
        .orderBy("a.id")
        .execute();
      for (const row of rows) {
        if (used.has(row.id)) continue;
        const context = { actor: admin, channel: "api" as const, locale: "uk" as const };
        const bill = await callUseCase(fixture.deps, "lastBill", context, { accountId: row.id }).catch(
          () => null,
        );
        if (!bill || bill.amountDue.kop <= 0) continue;
        const meters = await callUseCase(fixture.deps, "listAccountMeters", context, { accountId: row.id });
        const meter = meters.find((m) => m.id === row.meter_id);
        const last = meter?.lastReadings[0]?.value;
        if (!meter || !last || meters.length !== 1) continue;
        used.add(row.id);
        return {
          id: row.id,
          number: row.number,
          amountDue: bill.amountDue.uah,
          last: Number(last.replace(/\s/g, "")),
        };
      }
      throw new Error("no unlinked electricity account with a bill in the journey region");
    }

    for (const journey of JOURNEYS) {
      if (process.env["DEBUG_JOURNEY"] && process.env["DEBUG_JOURNEY"] !== journey.locale) continue;
      const label = `${journey.locale}, JavaScript ${journey.javaScript ? "on" : "off"}`;
      test(`a new resident, ${label}: sign up, link, readings, bill, documents, pay`, async () => {
        const fixture = get();
        fixture.setNow(journey.inWindow);
        const target = await unlinkedAccount(fixture);
        // The browser asks for Ukrainian, as most phones here do; the Russian speaker switches on the first page.
        const context = await phoneContext(browser, { javaScript: journey.javaScript, locale: "uk" });
        const page = await context.newPage();
        // axe-core needs JavaScript: with it off in the journey, each page's HTML is checked in a page that has it.
        const checkerContext = journey.javaScript
          ? null
          : await phoneContext(browser, { javaScript: true, locale: "uk" });
        const checker = (await checkerContext?.newPage()) ?? undefined;
        const violations: { url: string; violations: AxeViolation[] }[] = [];
        const shot = (name: string) =>
          screenshot(page, `${engine}-${journey.locale}-js-${journey.javaScript ? "on" : "off"}-${name}`);
        /** Every page the journey sees is checked by axe-core. */
        const look = async (name?: string) => {
          const found = await axeViolations(page, checker);
          if (found.length) violations.push({ url: page.url(), violations: found });
          if (name) await shot(name);
          return textOf(await page.content());
        };
        const submit = (form: string) =>
          Promise.all([
            page.waitForLoadState("load"),
            page.locator(form).locator("button[type=submit]").first().click(),
          ]);

        // Language: the visitor picks it from the header's switch on the sign-in page, and it is remembered.
        await page.goto(`${base}/`);
        if (journey.locale !== "uk") {
          await page.locator(`form[action="/language"] button[lang="${journey.locale}"]`).click();
          await page.waitForURL(`${base}/`);
        }
        assert.equal(await page.getAttribute("html", "lang"), journey.locale);
        await look("sign-in");

        // Sign up; the code arrives in the outbox (as the e-mail would).
        await page.goto(`${base}/sign-up`);
        const email = `new-${journey.locale}-${journey.javaScript ? "js" : "nojs"}-${engine}@journey.test`;
        await page.fill(
          "#fullName",
          journey.locale === "uk" ? "Мельник Ганна Іванівна" : "Мельник Анна Ивановна",
        );
        await page.fill("#login", email);
        await page.fill("#password", PASSWORD);
        await look("sign-up");
        await submit("form:has(#fullName)");
        await look("sign-up-code");
        const sent = await fixture.database.db
          .selectFrom("outbox")
          .select("body")
          .where("address", "=", email)
          .orderBy("id", "desc")
          .executeTakeFirstOrThrow();
        const code = /\b(\d{6})\b/.exec(sent.body)?.[1];
        assert.ok(code, "a six-digit code was sent");
        await page.fill("#code", code);
        await submit("form:has(#code)");
        assert.equal(new URL(page.url()).pathname, "/");
        const emptyHome = await look("home-empty");
        assert.ok(page.locator('a[href="/accounts/link"]'), "an invitation to link an account");
        assert.match(emptyHome, journey.locale === "uk" ? /рахун/i : /сч[её]т/i);

        // Link the account by the amount due of its last bill: a wrong amount first.
        await page.goto(`${base}/accounts/link`);
        await page
          .selectOption("#provider", { value: "deu" })
          .catch(async () => page.selectOption("#provider", { index: 1 }));
        await page.fill("#number", target.number);
        await page.fill("#amountDue", "1,23");
        await submit("form:has(#amountDue)");
        assert.equal(await page.locator(".error-summary").count(), 1, "the wrong proof is refused");
        await look("link-refused");
        await page.fill("#amountDue", target.amountDue);
        await submit("form:has(#amountDue)");
        const home = await look("home");
        assert.match(home, new RegExp(target.number.replace(/[/-]/g, ".")));

        // Readings: below the last one (refused), an unusual one (confirmation, confirmed), then an ordinary one.
        await page.goto(`${base}/readings/${target.id}`);
        await look("readings");
        const field = page.locator('input[name="zone1"]').first();
        await field.fill(String(target.last - 5));
        await submit(`form:has(input[name="zone1"])`);
        assert.equal(
          await page.locator('input[name="zone1"][aria-invalid="true"]').count(),
          1,
          "refused at its field",
        );
        await look("reading-refused");
        await page
          .locator('input[name="zone1"]')
          .first()
          .fill(String(target.last + 9000));
        await submit(`form:has(input[name="zone1"])`);
        assert.equal(await page.locator(".confirm-reading").count(), 1, "asks to confirm an unusual reading");
        await look("reading-confirm");
        await submit(".confirm-reading form");
        const confirmed = await look();
        assert.match(confirmed, /\d{6,}|[A-Z0-9]{2,}-\d+/, "a receipt number");
        await page
          .locator('input[name="zone1"]')
          .first()
          .fill(String(target.last + 180));
        await submit(`form:has(input[name="zone1"])`);
        assert.equal(await page.locator(".banner.success").count(), 1, "accepted");
        await look("reading-accepted");

        // The month is billed (as the scheduler does on the 3rd), and the charge shows.
        fixture.setNow(journey.billingDay);
        await callUseCase(
          fixture.deps,
          "billPeriod",
          { actor: admin, channel: "api", locale: "uk" },
          {
            provider: "deu",
            period: journey.period,
          },
        );
        const charges = await fixture.database.db
          .selectFrom("ledger_entries")
          .select("amount_kop")
          .where("account_id", "=", target.id)
          .where("period", "=", `${journey.period}-01`)
          .where("kind", "in", ["charge", "estimated_charge"])
          .execute();
        assert.ok(charges.length > 0 && charges.every((c) => c.amount_kop > 0), "the month was charged");
        await page.goto(`${base}/money/${target.id}`);
        const money = await look("money");
        for (const c of charges)
          assert.ok(digits(money).includes(String(c.amount_kop)), "the month's charge is on the page");
        assert.equal(await page.locator(".chart svg").count(), 1, "the consumption chart");

        // The bill of November and a statement, downloaded.
        const billLink = page.locator(`a[href*="/bills/${journey.period}"]`).first();
        const [bill] = await Promise.all([page.waitForEvent("download"), billLink.click()]);
        assert.equal(
          readFileSync((await bill.path())!)
            .subarray(0, 4)
            .toString(),
          "%PDF",
        );
        await page.fill("#from", "2026-06-01");
        await page.fill("#to", journey.billingDay.slice(0, 10));
        const [statement] = await Promise.all([
          page.waitForEvent("download"),
          page.locator("form:has(#from) button[type=submit]").click(),
        ]);
        assert.match(statement.suggestedFilename(), /\.(pdf|csv)$/);
        assert.ok(readFileSync((await statement.path())!).length > 100);

        // Pay the amount due through the demo gateway; no JavaScript needed anywhere on the way.
        await page.goto(`${base}/pay/${target.id}`);
        await look("pay");
        await submit("form:has(#amount)");
        await look("checkout");
        await submit("form.checkout");
        await page.fill("#card", SUCCEEDING_CARD);
        await page.fill("#expiry", `12/${NEXT_YEAR}`);
        await page.fill("#cvc", "123");
        await submit("form:has(#card)");
        await page.waitForURL(/\/payments\//);
        await look("payment-result");
        await page.goto(`${base}/money/${target.id}`);
        const after = await look();
        const paid = await fixture.database.db
          .selectFrom("ledger_entries")
          .select("amount_kop")
          .where("account_id", "=", target.id)
          .where("kind", "=", "payment")
          .where("source_ref", "like", "order:%")
          .executeTakeFirstOrThrow();
        assert.ok(digits(after).includes(String(-paid.amount_kop)), "the payment is in the history");

        await context.close();
        await checkerContext?.close();
        const found = violations.flatMap((v) =>
          v.violations.map(
            (x) =>
              `${new URL(v.url).pathname} ${x.id} (${x.help}): ${x.nodes.map((n) => n.html).join(" | ")}`,
          ),
        );
        assert.deepEqual(found, [], "axe-core finds nothing on any page visited");
      });
    }

    test("every other page, as the demo resident on a phone: axe-core finds nothing, screenshots taken", async () => {
      const fixture = get();
      fixture.setNow(IN_WINDOW);
      const context = await phoneContext(browser, { javaScript: true, locale: "uk" });
      const page = await context.newPage();
      const found: string[] = [];
      const visit = async (path: string, name: string) => {
        const res = await page.goto(base + path);
        assert.ok(res && res.status() < 500, `${path} answered ${res?.status()}`);
        for (const v of await axeViolations(page))
          found.push(`${path} ${v.id} (${v.help}): ${v.nodes.map((n) => n.html).join(" | ")}`);
        await screenshot(page, `${engine}-uk-${name}`);
      };
      await visit("/sign-in/code", "sign-in-by-code");
      await visit("/password-reset", "password-reset");
      await visit("/calculator", "calculator-visitor");
      await page.goto(`${base}/`);
      await page.fill("#login", DEMO_PEOPLE.resident.email);
      await page.fill("#password", DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL(`${base}/`),
        page.locator("form:has(#login) button[type=submit]").click(),
      ]);
      await visit("/", "demo-home");
      const accountId = await page.locator('a[href^="/readings/"]').first().getAttribute("href");
      assert.ok(accountId, "the demo resident's home links to an account's readings");
      const id = accountId.split("/").at(-1);
      await visit(`/readings/${id}`, "demo-readings");
      await visit(`/money/${id}`, "demo-money");
      await visit(`/pay/${id}`, "demo-pay");
      await visit("/calculator", "calculator");
      await page.locator("form button[type=submit]").last().click();
      await page.waitForLoadState("load");
      for (const v of await axeViolations(page)) found.push(`/calculator result ${v.id}: ${v.help}`);
      await screenshot(page, `${engine}-uk-calculator-result`);
      await visit("/news", "news");
      await visit("/contacts", "contacts");
      await visit("/settings", "settings");
      await visit("/settings/language", "settings-language");
      await visit("/settings/identities/add", "settings-add-identity");
      await visit("/settings/reminders", "settings-reminders");
      await visit("/settings/tokens/new", "settings-new-token");
      await visit(`/accounts/${id}/unlink`, "unlink-confirm");
      await visit("/no-such-page", "not-found");
      await context.close();
      assert.deepEqual(found, [], "axe-core finds nothing on any page visited");
    });
  },
  loadJourneyRegion,
);
