// The provider console's "done when", in a real browser (Debian's chromium at a desk's 1280×800), on the whole app
// served on a port with administrators' two-step sign-in required, as production has it. Two journeys:
// - the DEU operator, JavaScript off: signs in, finds an account by its number typed any way, enters a caller's
//   reading and reads out the receipt, decides the readings flagged for review (the resident reads the rejection's
//   reason), posts a bank line that matched no account to the right one (one ledger entry), and answers and closes
//   a chat handed over from the Telegram bot;
// - the DEU administrator, JavaScript on: is sent to set up two-step sign-in (codes computed here with otpauth),
//   signs in again with the code, changes a submission window after its 12-month preview, adds a tariff and is
//   refused an overlapping one, publishes news a resident then reads, bills a month while the run's page follows it
//   by server-sent events, and invites an operator who accepts by the e-mail's link and lands in the console.
// axe-core checks every console page visited; screenshots land in test-artifacts/screenshots ("console-…").
// DEBUG_JOURNEY=operator or DEBUG_JOURNEY=administrator runs one journey.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../../src/demo/region.ts";
import type { Actor } from "../../../src/services/actor.ts";
import { importPaymentRegistry } from "../../../src/services/registries/import-payment-registry.ts";
import { callUseCase } from "../../../src/services/registry.ts";
import {
  type AxeViolation,
  axeViolations,
  DESKTOP,
  launchBrowser,
  phoneContext,
  screenshot,
} from "../../support/browser.ts";
import { textOf } from "../../support/cabinet-client.ts";
import { type DbFixture, forEachDatabase } from "../../support/databases.ts";
import { BILLING_DAY, IN_WINDOW, loadJourneyRegion, serveJourney } from "../../web/e2e/journey-region.ts";

const NEW_OPERATOR = { email: "marta.nova@deu.journey.test", fullName: "Марта Нова" };
const NEW_PASSWORD = "a lamp above the counter";
/** November, the month the administrator bills on the 3rd of December. */
const PERIOD = "2026-11";

interface MeterAccount {
  id: number;
  number: string;
  meterId: number;
  zones: number;
  /** The last value of each zone (accepted or waiting for review), whole units. */
  last: number[];
}

const only = process.env["DEBUG_JOURNEY"];

forEachDatabase(
  "the console in a real browser",
  (get, engine) => {
    let browser: Browser;
    let app: FastifyInstance;
    let base: string;
    let deuId: number;

    before(async () => {
      ({ app, base } = await serveJourney(get(), { staffTwoFactor: "required" }));
      browser = await launchBrowser();
      deuId = (
        await get()
          .database.db.selectFrom("providers")
          .select("id")
          .where("code", "=", "deu")
          .executeTakeFirstOrThrow()
      ).id;
    });
    after(async () => {
      await browser?.close();
      await app?.close();
    });

    const db = () => get().database.db;
    const userId = async (email: string) =>
      (await db().selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

    /**
     * A browser window at a desk, with axe-core run on every page `look` sees. With JavaScript off, each page's HTML
     * is checked in a second window that has it (axe needs the page's timers).
     */
    async function desk(o: { javaScript: boolean; name: string; found: string[] }) {
      const context = await phoneContext(browser, {
        javaScript: o.javaScript,
        locale: "uk",
        viewport: DESKTOP,
      });
      const page = await context.newPage();
      const checkerContext = o.javaScript
        ? null
        : await phoneContext(browser, { javaScript: true, locale: "uk", viewport: DESKTOP });
      const checker = (await checkerContext?.newPage()) ?? undefined;
      const look = async (shot?: string) => {
        const violations: AxeViolation[] = await axeViolations(page, checker);
        const path = new URL(page.url()).pathname;
        for (const v of violations)
          o.found.push(`${path} ${v.id} (${v.help}): ${v.nodes.map((n) => n.html).join(" | ")}`);
        if (shot) await screenshot(page, `console-${engine}-${o.name}-${shot}`);
        return textOf(await page.content());
      };
      /** Submits the form (the first submit button in it) and waits for the answer's page. */
      const submit = async (form: string, button = "button[type=submit]") => {
        await Promise.all([page.waitForNavigation(), page.locator(form).locator(button).first().click()]);
        await page.waitForLoadState("load");
      };
      const close = async () => {
        await context.close();
        await checkerContext?.close();
      };
      return { page, look, submit, close };
    }

    async function signIn(
      page: Page,
      submit: (form: string) => Promise<void>,
      email: string,
      password = DEMO_PASSWORD,
    ) {
      await page.goto(`${base}/sign-in`);
      await page.fill("#login", email);
      await page.fill("#password", password);
      await submit("form:has(#password)");
    }

    const pathOf = (page: Page) => new URL(page.url()).pathname;

    /** DEU accounts with one meter, room on its dial for a high reading, and their last values. */
    async function deuMeterAccounts(): Promise<MeterAccount[]> {
      const rows = await sql<{ id: number; number: string; meter_id: number; zones: number; digits: number }>`
        select a.id, a.number, m.id as meter_id, m.zones, m.digits
        from accounts a join meters m on m.account_id = a.id and m.removed_on is null
        where a.provider_id = ${deuId} and a.closed_on is null
          and (m.verification_due is null or m.verification_due > '2027-12-31')
          and (select count(*) from meters m2 where m2.account_id = a.id and m2.removed_on is null) = 1
        order by a.id`.execute(db());
      const out: MeterAccount[] = [];
      for (const r of rows.rows) {
        const readings = await db()
          .selectFrom("readings")
          .select(["zone", "value"])
          .where("account_id", "=", r.id)
          .where("meter_id", "=", r.meter_id)
          .where("status", "in", ["accepted", "pending_review"])
          .orderBy("deemed_on", "desc")
          .orderBy("id", "desc")
          .execute();
        const last = Array.from({ length: r.zones }, (_, i) =>
          Math.floor(Number(readings.find((x) => x.zone === i + 1)?.value ?? 0)),
        );
        if (readings.length === 0 || last.some((v) => v + 6000 >= 10 ** r.digits)) continue;
        out.push({ id: Number(r.id), number: r.number, meterId: r.meter_id, zones: r.zones, last });
      }
      return out;
    }

    /** Sends a reading far above the last one, confirmed, as `actor`: it waits for an operator's review. */
    async function flag(actor: Actor, channel: "web" | "contact_centre", a: MeterAccount): Promise<number> {
      const values = a.last.map((v, i) => ({ zone: i + 1, value: String(v + 4000) }));
      const result = await callUseCase(
        get().deps,
        "submitReading",
        { actor, channel, locale: "uk" },
        { accountId: a.id, meterId: a.meterId, values, confirmed: true },
      );
      assert.ok(result.status === "accepted" && result.review, "flagged for review");
      const pending = await db()
        .selectFrom("readings")
        .select("id")
        .where("account_id", "=", a.id)
        .where("status", "=", "pending_review")
        .where("zone", "=", 1)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      return pending.id;
    }

    test("an operator, JavaScript off: find a caller's account, enter their reading, review flagged ones, post a bank line", {
      skip: only !== undefined && only !== "operator",
    }, async () => {
      const fixture: DbFixture = get();
      fixture.setNow(IN_WINDOW);
      const found: string[] = [];
      const residentId = await userId(DEMO_PEOPLE.resident.email);
      const operatorId = await userId(DEMO_PEOPLE.operator.email);
      const linked = new Set(
        (
          await db()
            .selectFrom("user_accounts")
            .select("account_id")
            .where("user_id", "=", residentId)
            .execute()
        ).map((r) => Number(r.account_id)),
      );
      const accounts = await deuMeterAccounts();
      const residents = accounts.find((a) => linked.has(a.id));
      const others = accounts.filter((a) => !linked.has(a.id));
      const caller = others.find((a) => a.zones === 1 && /-0/.test(a.number));
      const toAccept = others.find((a) => a !== caller);
      const payer = others.find((a) => a !== caller && a !== toAccept);
      assert.ok(residents && caller && toAccept && payer, "DEU accounts for each step");

      // Two readings flagged as implausible: the demo resident's own, and one a colleague took by phone.
      const rejectId = await flag({ kind: "resident", userId: residentId, locale: "uk" }, "web", residents);
      const operatorActor: Actor = {
        kind: "staff",
        userId: operatorId,
        role: "operator",
        providerId: deuId,
        locale: "uk",
      };
      const acceptId = await flag(operatorActor, "contact_centre", toAccept);

      // A bank's file with a line whose account number the provider does not have.
      const { edrpou } = await db()
        .selectFrom("providers")
        .select("edrpou")
        .where("id", "=", deuId)
        .executeTakeFirstOrThrow();
      const reference = `JRN-${engine}`;
      const registry = await importPaymentRegistry(fixture.deps, {
        source: "standard",
        fileName: "bank-journey.csv",
        content: new TextEncoder().encode(
          `reference,account,amount,paid_on,payer,provider_edrpou\n${reference},99-999999/9,245.60,2026-11-27,Гнатюк Степан,${edrpou}\n`,
        ),
        importedBy: "cli",
      });
      assert.equal(registry.unmatched, 1);

      const { page, look, submit, close } = await desk({ javaScript: false, name: "operator", found });

      // Signing in lands in the console, on the search.
      await signIn(page, submit, DEMO_PEOPLE.operator.email);
      assert.equal(pathOf(page), "/console");
      await look("search");

      // The caller reads the number out without its dashes and zeros: "10 123 4" for 10-000123/4.
      const typed = caller.number.replace(/(^|[^0-9])0+(?=[0-9])/g, "$1").replace(/[-/]/g, " ");
      assert.notEqual(typed.replace(/ /g, ""), caller.number.replace(/[^0-9]/g, ""), "a zero was dropped");
      await page.fill("#q", typed);
      await submit("form[role=search]");
      const results = await look("search-results");
      assert.ok(results.includes(caller.number), `${typed} finds ${caller.number}`);
      await Promise.all([
        page.waitForNavigation(),
        page.locator(`a[href="/console/accounts/${caller.id}"]`).first().click(),
      ]);
      assert.equal(pathOf(page), `/console/accounts/${caller.id}`);
      assert.ok((await look("account")).includes(caller.number));

      // The caller's reading, entered on their behalf: the receipt is on the page to read out.
      await page.goto(`${base}/console/accounts/${caller.id}/readings`);
      await look("readings");
      const value = caller.last[0]! + 120;
      await page.fill('input[name="zone1"]', String(value));
      await submit('form:has(input[name="zone1"])');
      const receiptPage = await look("reading-receipt");
      const entered = await db()
        .selectFrom("readings")
        .select(["receipt", "channel", "status"])
        .where("account_id", "=", caller.id)
        .where("meter_id", "=", caller.meterId)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      assert.equal(entered.channel, "contact_centre");
      assert.equal(entered.status, "accepted");
      assert.ok(entered.receipt && receiptPage.includes(`Номер квитанції: ${entered.receipt}`), receiptPage);
      await page.goto(`${base}/console/accounts/${caller.id}`);
      const history = await look("account-after-reading");
      assert.ok(history.includes(entered.receipt), "the reading is in the account's history");
      assert.match(history, /Телефон, контакт-центр/);

      // The review queue: reject the resident's implausible reading with a reason, accept the other.
      await page.goto(`${base}/console/reviews`);
      const queue = await look("reviews");
      assert.ok(queue.includes(residents.number) && queue.includes(toAccept.number), "both in the queue");
      const reason = "Схоже на зайву цифру: перевірте, будь ласка, лічильник";
      await page.fill(`#reason-${rejectId}`, reason);
      await submit(`form[action="/console/reviews/${residents.id}/${rejectId}/reject"]`);
      assert.match(await look("review-rejected"), new RegExp(residents.number.replace(/[/]/g, ".")));
      await submit(`form[action="/console/reviews/${toAccept.id}/${acceptId}/accept"]`);
      assert.match(await look("review-accepted"), new RegExp(toAccept.number.replace(/[/]/g, ".")));
      for (const decidedForm of [
        `/console/reviews/${residents.id}/${rejectId}/reject`,
        `/console/reviews/${toAccept.id}/${acceptId}/accept`,
      ])
        assert.equal(await page.locator(`form[action="${decidedForm}"]`).count(), 0, "out of the queue");
      const statusOf = async (id: number) =>
        db()
          .selectFrom("readings")
          .select(["status", "review_note", "reviewed_by"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow();
      assert.deepEqual(await statusOf(rejectId), {
        status: "rejected",
        review_note: reason,
        reviewed_by: operatorId,
      });
      assert.equal((await statusOf(acceptId)).status, "accepted");
      // The resident reads why in their cabinet.
      const cabinet = await desk({ javaScript: false, name: "operator-resident", found });
      await signIn(cabinet.page, cabinet.submit, DEMO_PEOPLE.resident.email);
      await cabinet.page.goto(`${base}/readings/${residents.id}`);
      assert.ok((await cabinet.look("readings")).includes(`Причина: ${reason}`));
      await cabinet.close();

      // The bank line that matched no account, posted to the payer's account typed without separators.
      const ledger = () =>
        db()
          .selectFrom("ledger_entries")
          .select(["account_id", "amount_kop", "kind"])
          .where("source", "=", "bank_registry")
          .where("source_ref", "=", `standard:${reference}`)
          .execute();
      assert.deepEqual(await ledger(), []);
      await page.goto(`${base}/console/registry-lines`);
      const lines = await look("registry-lines");
      assert.ok(lines.includes("Гнатюк Степан") && lines.includes("99-999999/9"), "the line is listed");
      const assign = `form[action="/console/registry-lines/${registry.registryId}/2/assign"]`;
      await page
        .locator(assign)
        .locator('input[name="number"]')
        .fill(payer.number.replace(/[^0-9]/g, ""));
      await submit(assign);
      const posted = await look("registry-line-posted");
      assert.ok(!posted.includes("Гнатюк Степан"), "the line left the queue");
      const entries = await ledger();
      assert.equal(entries.length, 1, "exactly one payment entry");
      assert.equal(Number(entries[0]!.account_id), payer.id);
      assert.equal(Math.abs(Number(entries[0]!.amount_kop)), 24_560);

      // A Telegram chat handed over to the contact centre: answered from the inbox, then given back to the bot.
      const handedOver = new Date(IN_WINDOW);
      const chat = await db()
        .insertInto("conversations")
        .values({
          platform: "telegram",
          chat_id: `journey-${engine}`,
          locale: "uk",
          state: JSON.stringify({ step: "operator" }),
          display_name: "Василь Журба",
          handed_over_at: handedOver,
          provider_id: deuId,
          created_at: handedOver,
          updated_at: handedOver,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db()
        .insertInto("conversation_messages")
        .values({
          conversation_id: chat.id,
          direction: "in",
          body: "Чому такий борг?",
          created_at: handedOver,
        })
        .execute();
      await page.goto(`${base}/console/inbox`);
      assert.ok((await look("inbox")).includes("Василь Журба"), "the chat is in the inbox");
      await Promise.all([page.waitForNavigation(), page.click(`a[href="/console/inbox/${chat.id}"]`)]);
      assert.ok((await look("conversation")).includes("Чому такий борг?"));
      await page.fill("#answer", "Борг за жовтень: оплатіть, будь ласка, до 20 грудня.");
      await submit(`form[action="/console/inbox/${chat.id}/answer"]`);
      assert.match(await look("conversation-answered"), /Відповідь надіслано в чат\./);
      await submit(`form[action="/console/inbox/${chat.id}/close"]`);
      assert.match(await look("inbox-closed"), /Розмову завершено/);

      await close();
      assert.deepEqual(found, [], "axe-core finds nothing on any page visited");
    });

    test("an administrator, JavaScript on: two-step sign-in, a window, tariffs, news, a billing run followed live, an invitation", {
      skip: only !== undefined && only !== "administrator",
    }, async () => {
      const fixture: DbFixture = get();
      // The services' clock, moved on by a TOTP step whenever a fresh code is needed (each step works once).
      let clock = Date.parse(BILLING_DAY);
      fixture.setNow(new Date(clock));
      const tick = () => {
        clock += 30_000;
        fixture.setNow(new Date(clock));
      };
      const codeFor = (secret: string) =>
        new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
          timestamp: clock,
        });
      const found: string[] = [];
      const { page, look, submit, close } = await desk({ javaScript: true, name: "administrator", found });

      // Without two-step sign-in the console opens only its security page.
      await signIn(page, submit, DEMO_PEOPLE.administrator.email);
      assert.equal(pathOf(page), "/console/security");
      await look("security-required");
      await page.goto(`${base}/console/tariffs`);
      assert.equal(pathOf(page), "/console/security", "no other console page before it is set up");
      await submit('form[action="/console/security/start"]');
      const setup = await look("security-setup");
      assert.ok(setup.length > 0);
      assert.equal(await page.locator(".two-factor-qr svg").count(), 1, "the QR code");
      const secret = ((await page.locator("code.two-factor-secret").textContent()) ?? "").replace(/\s/g, "");
      assert.match(secret, /^[A-Z2-7]{32}$/);
      await page.fill("#code", codeFor(secret));
      await submit('form[action="/console/security/confirm"]');
      await look("security-recovery-codes");
      const recovery = await page.locator("ul.recovery-codes code").allTextContents();
      assert.equal(recovery.length, 10, "ten recovery codes, shown once");
      const kept = recovery[0]!;
      tick();

      // Signed out and in again: the password, then the app's code.
      await submit('form[action="/sign-out"]');
      await signIn(page, submit, DEMO_PEOPLE.administrator.email);
      assert.equal(pathOf(page), "/sign-in", "the second step's page");
      await look("second-factor");
      await page.fill("#code", codeFor(secret));
      await submit('form[action="/sign-in/second-factor"]');
      assert.equal(pathOf(page), "/console");
      tick();

      // A submission window: previewed for 12 months, then saved from the preview.
      const rules = () =>
        db()
          .selectFrom("submission_windows")
          .select(["opens_day", "closes_day"])
          .where("provider_id", "=", deuId)
          .where("effective_from", "=", "2027-02-01" as never)
          .execute();
      await page.goto(`${base}/console/windows`);
      await look("windows");
      await page.fill("#opensDay", "-4");
      await page.fill("#closesDay", "3");
      await page.fill("#ruleSource", "Наказ постачальника № 12 від 01.12.2026");
      await page.fill("#effectiveFrom", "2027-02-01");
      await submit('form[action="/console/windows#preview"]');
      const preview = await look("windows-preview");
      assert.equal(await page.locator("#preview tbody tr").count(), 12, "twelve months ahead");
      assert.match(preview, /ще не збережено/);
      assert.deepEqual(await rules(), [], "a preview saves nothing");
      await submit("#preview form");
      assert.match(await look("windows-saved"), /Правило збережено: діє з 1 лютого 2027/);
      assert.deepEqual(await rules(), [{ opens_day: -4, closes_day: 3 }]);

      // A tariff from February, then one overlapping it: refused with the reason, nothing written.
      const tariffs = async () =>
        Number(
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from tariffs where provider_id = ${deuId}`.execute(db())
          ).rows[0]!.n,
        );
      const before = await tariffs();
      await page.goto(`${base}/console/tariffs`);
      await look("tariffs");
      const fillTariff = async (o: { from: string; to: string; endCurrent: boolean }) => {
        await page.selectOption("#service", "electricity");
        await page.selectOption("#settlement", "all");
        await page.fill("#effectiveFrom", o.from);
        await page.fill("#effectiveTo", o.to);
        await page.setChecked("#endCurrent", o.endCurrent);
        await page.fill("#block-0-upTo", "100");
        await page.fill("#block-0-price", "1,44");
        await page.fill("#block-1-upTo", "");
        await page.fill("#block-1-price", "2,10");
        for (const [id, v] of [
          ["zone-2-1", "1"],
          ["zone-2-2", "0,5"],
          ["zone-3-1", "1,5"],
          ["zone-3-2", "1"],
          ["zone-3-3", "0,4"],
        ] as const)
          await page.fill(`#${id}`, v);
        await page.fill("#fee", "0");
        await page.fill("#source", "Постанова НКРЕКП № 2 від 01.12.2026");
      };
      await fillTariff({ from: "2027-02-01", to: "", endCurrent: true });
      await submit("#add form");
      assert.match(await look("tariff-added"), /Тариф додано: діє з 1 лютого 2027/);
      assert.equal(await tariffs(), before + 1);
      await fillTariff({ from: "2027-03-01", to: "2027-04-30", endCurrent: false });
      await submit("#add form");
      const refused = await look("tariff-overlap");
      assert.match(
        refused,
        /Дати перетинаються з наявним тарифом цієї послуги \(з 1 лютого 2027, безстроково\)/,
      );
      assert.equal(await page.locator("#effectiveFrom[aria-invalid=true]").count(), 1, "beside the date");
      assert.equal(await tariffs(), before + 1, "nothing written");

      // News, published now, in the cabinet of a DEU resident.
      const headline = `Планові роботи на підстанції (${engine})`;
      await page.goto(`${base}/console/news`);
      await look("news");
      await page.fill("#title-uk", headline);
      await page.fill("#body-uk", "У вівторок з 9:00 до 13:00 можливі відключення в Лимані.");
      await submit('form[action^="/console/news"]:has(#title-uk)');
      assert.match(await look("news-saved"), /Новину збережено/);
      const resident = await desk({ javaScript: true, name: "administrator-resident", found });
      await signIn(resident.page, resident.submit, DEMO_PEOPLE.resident.email);
      await resident.page.goto(`${base}/news`);
      assert.ok((await resident.look("news")).includes(headline), "the resident reads it");
      await resident.close();

      // Billing November, followed live: the run's page listens to its event stream until it has finished. The
      // region is small enough to bill in a blink; on PostgreSQL the run's batch is held back (a share lock on its
      // record's table, which reading the run does not need) until the page has been seen following it.
      await page.goto(`${base}/console/billing`);
      await look("billing");
      const stream = page.waitForRequest(/\/console\/billing\/runs\/\d+\/events$/, { timeout: 60_000 });
      let release = () => {};
      let holding: Promise<unknown> = Promise.resolve();
      if (engine === "postgres")
        await new Promise<void>((held) => {
          holding = db()
            .transaction()
            .execute(async (trx) => {
              await sql`lock table billing_run_batches in share mode`.execute(trx);
              held();
              await new Promise<void>((r) => {
                release = r;
              });
            });
        });
      let startedAs: string | null;
      let runId: number;
      try {
        await page.fill("#period", PERIOD);
        await submit('form[action^="/console/billing/runs"]');
        assert.match(pathOf(page), /^\/console\/billing\/runs\/\d+$/);
        runId = Number(pathOf(page).split("/").at(-1));
        startedAs = await page.locator("[data-run-state]").getAttribute("data-run-state");
        assert.equal(await page.locator("progress#run-progress").count(), 1, "a progress bar");
        if (engine === "postgres") {
          assert.equal(startedAs, "running");
          await stream;
          assert.match(await look("billing-run-progress"), /Триває|Починається/);
        }
      } finally {
        release();
        await holding;
      }
      await page.getByRole("heading", { name: "Підсумки" }).waitFor({ timeout: 120_000 });
      const finished = await look("billing-run-finished");
      assert.match(finished, /Завершено: нараховано \d+ рахунків, місяць закрито\./);
      // The run's event stream, opened as the page's script opens it, ends with the run finished.
      const ended = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const events = new EventSource(url);
            events.addEventListener("end", (m) => {
              events.close();
              resolve(JSON.parse((m as MessageEvent).data).state);
            });
            events.onerror = () => {
              events.close();
              resolve("error");
            };
          }),
        `/console/billing/runs/${runId}/events`,
      );
      assert.equal(ended, "finished");
      const run = await db()
        .selectFrom("billing_runs")
        .select(["status"])
        .where("id", "=", runId)
        .executeTakeFirstOrThrow();
      assert.equal(run.status, "finished");
      const charged = Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from ledger_entries
              where provider_id = ${deuId} and period = ${`${PERIOD}-01`}
                and kind in ('charge', 'estimated_charge')`.execute(db())
        ).rows[0]!.n,
      );
      assert.ok(charged > 0, "November is charged");

      // An operator invited: the link in the e-mail, a password, and the console.
      await page.goto(`${base}/console/staff`);
      await look("staff");
      await page.fill("#email", NEW_OPERATOR.email);
      await page.fill("#fullName", NEW_OPERATOR.fullName);
      await page.check('input[name="role"][value="operator"]');
      await submit('form[action="/console/staff/invite"]');
      assert.match(await look("staff-invited"), new RegExp(`Запрошення надіслано на ${NEW_OPERATOR.email}`));
      const mail = await db()
        .selectFrom("outbox")
        .select("body")
        .where("address", "=", NEW_OPERATOR.email)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      const link = /https?:\/\/\S+\/console\/invitation\?code=[A-Za-z0-9_%-]+/.exec(mail.body)?.[0];
      assert.ok(link?.startsWith(base), `a link to this site in "${mail.body}"`);
      const invited = await desk({ javaScript: true, name: "invited-operator", found });
      await invited.page.goto(link as string);
      assert.match(await invited.look("invitation"), new RegExp(NEW_OPERATOR.fullName));
      await invited.page.fill("#password", NEW_PASSWORD);
      await invited.submit("form:has(#password)");
      assert.equal(pathOf(invited.page), "/sign-in");
      await invited.look("invitation-accepted");
      await signIn(invited.page, invited.submit, NEW_OPERATOR.email, NEW_PASSWORD);
      assert.equal(pathOf(invited.page), "/console");
      assert.match(await invited.look("invited-console"), /Оператор/);
      await invited.close();

      // The recovery code kept earlier opens a sign-in once, when the phone is not at hand.
      tick();
      await submit('form[action="/sign-out"]');
      await signIn(page, submit, DEMO_PEOPLE.administrator.email);
      await page.fill("#code", kept);
      await submit('form[action="/sign-in/second-factor"]');
      assert.equal(pathOf(page), "/console");

      await close();
      assert.deepEqual(found, [], "axe-core finds nothing on any page visited");
    });
  },
  loadJourneyRegion,
);
