// The bill read back as a person's tools read it: the PDF's text (pdftotext) checked against the ledger,
// billed_usage and planned_payments of a hand-made region, and the payment QR code decoded from the rendered page
// (pdftoppm at 150 dpi, zbarimg) with every field of the NBU format checked.
import assert from "node:assert/strict";
import { buffer } from "node:stream/consumers";
import { before, test } from "node:test";
import { sql } from "kysely";
import { parseNbuQr } from "../../src/domain/nbu-qr.ts";
import { parsePeriod } from "../../src/domain/period.ts";
import type { Actor } from "../../src/services/actor.ts";
import { loadBill } from "../../src/services/documents/load-bill.ts";
import { billPdf } from "../../src/services/documents/render/bill-pdf.ts";
import { nbuQrMatrix } from "../../src/services/documents/render/nbu-qr-image.ts";
import { AppError } from "../../src/services/errors.ts";
import { accountBalance } from "../../src/services/ledger/account-balance.ts";
import { forEachDatabase } from "../support/databases.ts";
import {
  buildDocumentsRegion,
  type DocumentsRegion,
  POWER,
  SINGLE_HOLDER,
  SINGLE_NUMBER,
} from "../support/documents-region.ts";
import { lineWith, pdfText, printed, qrFromPdf } from "../support/pdf.ts";

const ADMIN: Actor = { kind: "platform_admin", userId: 1, locale: "uk" };
let region: DocumentsRegion;

forEachDatabase(
  "the bill as PDF",
  (get) => {
    const db = () => get().database.db;
    before(() => get().setNow("2019-08-10T10:00:00Z"));

    const render = async (accountId: number, period: string, lang: "uk" | "ru" | "en" = "uk") => {
      const bill = await loadBill(get().deps, { actor: ADMIN, accountId, period: parsePeriod(period) });
      const pdf = await buffer(billPdf(bill, lang));
      return { bill, pdf, text: pdfText(pdf) };
    };
    /** The ledger's billing entries of a month: "service:kind" → kopiykas. */
    const billed = async (accountId: number, period: string) => {
      const rows = await db()
        .selectFrom("ledger_entries")
        .select(["service_code", "kind", "amount_kop"])
        .where("account_id", "=", accountId)
        .where("period", "=", `${period}-01`)
        .where("source", "=", "billing")
        .execute();
      return Object.fromEntries(rows.map((r) => [`${r.service_code}:${r.kind}`, r.amount_kop]));
    };
    const balance = async (accountId: number, day: string) =>
      (await accountBalance(db(), accountId, day)).totalKop;
    const planned = async (accountId: number, period: string) => {
      const { rows } = await sql<{ total: number }>`
        select coalesce(sum(amount_kop), 0)::int8 as total from planned_payments
        where account_id = ${accountId} and period = ${`${period}-01`}::date`.execute(db());
      return rows[0]!.total;
    };

    test("July, paid in advance: parties, readings, the period's money against the ledger, Cyrillic intact", async () => {
      const { text, bill } = await render(region.single, "2019-07");
      assert.match(text, /Рахунок за липень 2019/);
      assert.match(lineWith(text, "Постачальник:"), new RegExp(POWER.name.uk));
      assert.ok(lineWith(text, "Код ЄДРПОУ: 42350012", "IBAN: UA48 3052 9900 0002 6004 0003 0000 1"));
      assert.ok(lineWith(text, `Особовий рахунок: ${SINGLE_NUMBER}`, `Абонент: ${SINGLE_HOLDER}`));
      assert.ok(lineWith(text, "Адреса: 84100, Тестове, вул. Тестова", "кв. 12"));

      // The billed usage: 1 400 → 1 470, 70 kWh, 63.00.
      const usage = await db()
        .selectFrom("billed_usage")
        .select(["from_value", "to_value", "quantity", "amount_kop", "method"])
        .where("account_id", "=", region.single)
        .where("period", "=", "2019-07-01")
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [Number(usage.from_value), Number(usage.to_value), Number(usage.quantity)],
        [1400, 1470, 70],
      );
      assert.ok(lineWith(text, "1 400", "1 470", " 70 ", "за показаннями", printed(usage.amount_kop)));
      assert.ok(lineWith(text, "блок 1: 70 кВт·год × 0,90 грн", "63,00"));

      const charges = await billed(region.single, "2019-07");
      assert.deepEqual(charges, { "electricity:charge": 6300 });
      assert.ok(lineWith(text, "Разом за послугою", printed(6300)));

      // Opening: June's 342.00, the ledger's balance on 30 June; the 404.00 paid on 5 July; due: the balance on 31 July.
      const opening = await balance(region.single, "2019-06-30");
      assert.equal(opening, 34_200);
      assert.ok(lineWith(text, "Заборгованість (+) / переплата (-) на 30.06.2019", printed(opening)));
      assert.ok(lineWith(text, "Нараховано за період", printed(6300)));
      assert.ok(lineWith(text, "Оплачено в періоді", printed(40_400)));
      assert.ok(lineWith(text, "Оплата 05.07.2019 (Реєстр банку)", printed(40_400)));
      const due = await balance(region.single, "2019-07-31");
      assert.equal(due, 34_200 + 6300 - 40_400);
      assert.equal(bill.amountDueKop, due);
      assert.ok(lineWith(text, "До сплати", printed(due)));

      const plannedKop = await planned(region.single, "2019-08");
      assert.equal(plannedKop, 6200);
      assert.ok(lineWith(text, "Плановий платіж на серпень 2019", printed(plannedKop)));
    });

    test("the QR code decoded from the rendered page holds every NBU field, the amount being the amount due", async () => {
      const { pdf } = await render(region.late, "2019-07");
      const scanned = qrFromPdf(pdf);
      assert.ok(scanned.startsWith("https://bank.gov.ua/qr/"), scanned);
      const qr = parseNbuQr(scanned);
      assert.equal(qr.serviceMark, "BCD");
      assert.equal(qr.version, "002");
      assert.equal(qr.encoding, 2);
      assert.equal(qr.function, "UCT");
      assert.equal(qr.bic, "");
      assert.equal(qr.recipient, POWER.name.uk);
      assert.equal(qr.iban, POWER.iban);
      const due = await balance(region.late, "2019-07-31");
      assert.equal(due, 17_400 + 20_374 + 2066);
      assert.equal(qr.amountKop, due);
      assert.equal(qr.amountText, "UAH398.40");
      assert.equal(qr.recipientCode, POWER.edrpou);
      assert.equal(qr.purposeCode, "");
      assert.equal(qr.reference, "");
      const number = (
        await db()
          .selectFrom("accounts")
          .select("number")
          .where("id", "=", region.late)
          .executeTakeFirstOrThrow()
      ).number;
      assert.match(qr.purpose, new RegExp(`особовий рахунок ${number}, період 07\\.2019`));
      assert.equal(qr.display, "");
      // Annex 1: a QR version from 10 to 20 at error correction Q, the link within 507 bytes.
      const matrix = nbuQrMatrix(scanned);
      assert.ok(matrix.version >= 10 && matrix.version <= 20, String(matrix.version));
      assert.equal(matrix.level, "Q");
      assert.ok(scanned.length <= 507);
    });

    test("an estimated month is marked, and the recalculation after the late reading is its own line", async () => {
      const june = await render(region.late, "2019-06");
      assert.deepEqual(await billed(region.late, "2019-06"), { "electricity:estimated_charge": 17_400 });
      // 150 kWh by average from the last reading, 1 600 on 1 June; no current reading.
      assert.ok(lineWith(june.text, "1 600", "150", "оцінка: за середнім*", printed(17_400)));
      assert.match(june.text, /\* Показань за місяць не надано: обсяг нараховано за оцінкою/);
      assert.ok(lineWith(june.text, "До сплати", printed(await balance(region.late, "2019-06-30"))));

      const july = await render(region.late, "2019-07");
      const charges = await billed(region.late, "2019-07");
      assert.deepEqual(charges, { "electricity:charge": 20_374, "electricity:recalculation": 2066 });
      assert.ok(lineWith(july.text, "Перерахунок за 06.2019", "+20,66"));
      assert.ok(lineWith(july.text, "оцінка 150, фактично 162,295 кВт·год: було 174,00, стало 194,66"));
      assert.ok(lineWith(july.text, "блок 2: 67,705 кВт·год × 1,68 грн", "113,74"));
      assert.ok(lineWith(july.text, "Разом за послугою", printed(20_374 + 2066)));
      assert.ok(lineWith(july.text, "Заборгованість (+) / переплата (-) на 30.06.2019", printed(17_400)));
      assert.doesNotMatch(july.text, /оцінка: за середнім/);
    });

    test("a two-zone meter in Russian: Russian headings, the day and night lines that make up the charge", async () => {
      const { text } = await render(region.twoZone, "2019-06", "ru");
      for (const heading of [
        "Счёт за июнь 2019",
        "Поставщик:",
        "Код ЕГРПОУ",
        "Лицевой счёт",
        "Электроэнергия, кВт·ч",
      ]) {
        assert.match(text, new RegExp(heading), heading);
      }
      assert.ok(lineWith(text, "Расчёты за период"));
      assert.match(lineWith(text, "Поставщик:"), new RegExp(POWER.name.ru));
      assert.ok(lineWith(text, "день", "5 000", "5 120", "120", "по показаниям"));
      assert.ok(lineWith(text, "ночь", "3 000", "3 060", "60", "по показаниям"));
      for (const [label, amount] of [
        ["день, блок 1: 66,667 кВт·ч × 0,90 грн × 1,0", "60,00"],
        ["день, блок 2: 53,333 кВт·ч × 1,68 грн × 1,0", "89,60"],
        ["ночь, блок 1: 33,333 кВт·ч × 0,90 грн × 0,5", "15,00"],
        ["ночь, блок 2: 26,667 кВт·ч × 1,68 грн × 0,5", "22,40"],
      ] as const) {
        assert.ok(lineWith(text, label, amount), label);
      }
      assert.deepEqual(await billed(region.twoZone, "2019-06"), { "electricity:charge": 18_700 });
      assert.ok(lineWith(text, "К оплате", printed(18_700)));
      assert.ok(
        lineWith(text, "Плановый платёж на июль 2019", printed(await planned(region.twoZone, "2019-07"))),
      );
      assert.doesNotMatch(text, /Рахунок|Особовий|До сплати/);
    });

    test("heating by norm with its fixed fee, and water with sewerage on the same meter", async () => {
      const heating = await render(region.heating, "2019-04");
      assert.deepEqual(await billed(region.heating, "2019-04"), { "heating:charge": 141_120 });
      assert.ok(lineWith(heating.text, "блок 1: 0,84 Гкал × 1654,41 грн", "1 389,70"));
      assert.ok(lineWith(heating.text, "Абонентська плата", "21,50"));
      assert.ok(lineWith(heating.text, "Разом за послугою", "1 411,20"));
      assert.ok(lineWith(heating.text, "за нормою споживання"));

      const water = await render(region.waterMetered, "2019-06");
      assert.deepEqual(await billed(region.waterMetered, "2019-06"), {
        "cold_water:charge": 17_364,
        "sewerage:charge": 11_502,
      });
      assert.match(water.text, /Холодна вода, м³[\s\S]*Водовідведення, м³/);
      assert.ok(lineWith(water.text, "блок 1: 10 м³ × 17,364 грн", "173,64"));
      assert.ok(lineWith(water.text, "блок 1: 10 м³ × 11,502 грн", "115,02"));
      assert.ok(lineWith(water.text, "До сплати", printed(await balance(region.waterMetered, "2019-06-30"))));
      assert.equal(await balance(region.waterMetered, "2019-06-30"), 28_866);
    });

    test("the loaded bill adds up: lines to usage, services to the ledger, due to the balance", async () => {
      for (const [accountId, period] of [
        [region.single, "2019-06"],
        [region.single, "2019-07"],
        [region.late, "2019-07"],
        [region.twoZone, "2019-06"],
        [region.heating, "2019-04"],
        [region.waterMetered, "2019-06"],
      ] as const) {
        const bill = await loadBill(get().deps, { actor: ADMIN, accountId, period: parsePeriod(period) });
        for (const s of bill.services) {
          assert.equal(
            s.lines.reduce((a, l) => a + l.amountKop, 0),
            s.readings.reduce((a, r) => a + r.amountKop, 0),
          );
          assert.equal(s.totalKop, s.consumptionKop + s.fixedFeeKop + s.recalculationKop);
        }
        const entries = await billed(accountId, period);
        assert.equal(
          bill.services.reduce((a, s) => a + s.totalKop, 0),
          Object.values(entries).reduce((a, v) => a + v, 0),
        );
        assert.equal(bill.amountDueKop, bill.openingBalanceKop + bill.chargesKop - bill.paymentsKop);
        const last = `${period}-${period.endsWith("-04") || period.endsWith("-06") ? "30" : "31"}`;
        assert.equal(bill.amountDueKop, await balance(accountId, last));
      }
    });

    test("not found: a month never billed, someone else's account, another provider's staff", async () => {
      const notFound = (p: Promise<unknown>) =>
        assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === "not_found");
      await notFound(
        loadBill(get().deps, { actor: ADMIN, accountId: region.single, period: parsePeriod("2019-05") }),
      );
      await notFound(
        loadBill(get().deps, { actor: ADMIN, accountId: region.heating, period: parsePeriod("2019-06") }),
      );
      const stranger: Actor = { kind: "resident", userId: 424242, locale: "uk" };
      await notFound(
        loadBill(get().deps, { actor: stranger, accountId: region.single, period: parsePeriod("2019-06") }),
      );
      const heatStaff: Actor = {
        kind: "staff",
        userId: 1,
        role: "operator",
        providerId: region.heat,
        locale: "uk",
      };
      await notFound(
        loadBill(get().deps, { actor: heatStaff, accountId: region.single, period: parsePeriod("2019-06") }),
      );
      const powerStaff: Actor = { ...heatStaff, providerId: region.power };
      const own = await loadBill(get().deps, {
        actor: powerStaff,
        accountId: region.single,
        period: parsePeriod("2019-06"),
      });
      assert.equal(own.amountDueKop, 34_200);
    });
  },
  async ({ database }) => {
    region = await buildDocumentsRegion(database);
  },
);
