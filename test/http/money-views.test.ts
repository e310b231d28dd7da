// The money views over HTTP on a small billed region with known figures (test/support/documents-region.ts):
// the single power account was charged 342.00 for June (dated 30 June), paid 404.00 on 5 July without naming a
// service, and was charged 63.00 for July; the water account 173.64 cold water + 115.02 sewerage for June.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { parsePeriod } from "../../src/domain/period.ts";
import { loadBill } from "../../src/services/documents/load-bill.ts";
import { accountBalance } from "../../src/services/ledger/account-balance.ts";
import { callUseCase } from "../../src/services/registry.ts";
import { forEachDatabase } from "../support/databases.ts";
import { buildDocumentsRegion, type DocumentsRegion } from "../support/documents-region.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import { addMoneyPeople, PEOPLE, PEOPLE_PASSWORD, type PersonIds } from "../support/money-people.ts";

const NOW = "2019-08-10T10:00:00Z";
let region: DocumentsRegion;
let people: PersonIds;
const m = (kop: number) => ({ kop, uah: (kop / 100).toFixed(2) });

forEachDatabase(
  "money views",
  (get) => {
    let app: FastifyInstance;
    let taras: string;
    let operator: string;
    let heatOperator: string;
    before(async () => {
      get().setNow(NOW);
      app = await quietApp(get().deps);
      taras = await signInAs(app, PEOPLE.taras, PEOPLE_PASSWORD);
      operator = await signInAs(app, PEOPLE.powerOperator, PEOPLE_PASSWORD);
      heatOperator = await signInAs(app, PEOPLE.heatOperator, PEOPLE_PASSWORD);
    });
    after(async () => {
      await app?.close();
    });
    const view = (token: string, accountId: number, what: string, query = "") =>
      call(app, "GET", `/api/accounts/${accountId}/${what}${query}`, { token });

    test("the balance now and on earlier days: one service carries the advance", async () => {
      get().setNow(NOW);
      const now = await view(taras, region.single, "balance");
      assert.equal(now.status, 200, JSON.stringify(now.body));
      assert.deepEqual(now.body, {
        accountId: region.single,
        asOf: "2019-08-10",
        total: m(34_200 - 40_400 + 6_300),
        services: [{ service: "electricity", balance: m(100) }],
        advance: m(0),
      });
      const paid = await view(taras, region.single, "balance", "?asOf=2019-07-05");
      assert.deepEqual(paid.body.total, m(-6_200));
      assert.deepEqual(paid.body.services, [{ service: "electricity", balance: m(-6_200) }]);
      assert.deepEqual(
        (await view(taras, region.single, "balance", "?asOf=2019-06-30")).body.total,
        m(34_200),
      );
      assert.equal((await view(taras, region.single, "balance", "?asOf=2019-02-30")).status, 400);
    });

    test("open debts: the 404.00 paid June's 342.00 and 62.00 of July's 63.00", async () => {
      get().setNow(NOW);
      const debts = await view(taras, region.single, "debts");
      assert.deepEqual(debts.body, {
        accountId: region.single,
        asOf: "2019-08-10",
        outstanding: [{ period: "2019-07", service: "electricity", amount: m(100) }],
        advance: m(0),
        total: m(100),
      });
      const june = await view(operator, region.single, "debts", "?asOf=2019-06-30");
      assert.deepEqual(june.body.outstanding, [
        { period: "2019-06", service: "electricity", amount: m(34_200) },
      ]);
      assert.equal(
        (await view(heatOperator, region.single, "debts")).status,
        404,
        "another provider's operator",
      );
    });

    test("an account with two services: a line each, for a platform administrator too", async () => {
      const admin = { kind: "platform_admin", userId: people.taras, locale: "uk" } as const;
      const context = { actor: admin, channel: "api", locale: "uk" } as const;
      const input = { accountId: region.waterMetered, asOf: "2019-07-01" };
      const balance = await callUseCase(get().deps, "accountBalance", context, input);
      assert.deepEqual(balance.total, m(17_364 + 11_502));
      assert.deepEqual(balance.services, [
        { service: "cold_water", balance: m(17_364) },
        { service: "sewerage", balance: m(11_502) },
      ]);
      const debts = await callUseCase(get().deps, "accountDebts", context, input);
      assert.deepEqual(debts.outstanding, [
        { period: "2019-06", service: "cold_water", amount: m(17_364) },
        { period: "2019-06", service: "sewerage", amount: m(11_502) },
      ]);
    });

    test("charges and payments month by month, newest first, with the balance at each month's end", async () => {
      const history = await view(taras, region.single, "history");
      assert.deepEqual(history.body, {
        accountId: region.single,
        months: [
          {
            period: "2019-07",
            charges: [{ service: "electricity", amount: m(6_300) }],
            chargesTotal: m(6_300),
            payments: m(40_400),
            balance: m(100),
          },
          {
            period: "2019-06",
            charges: [{ service: "electricity", amount: m(34_200) }],
            chargesTotal: m(34_200),
            payments: m(0),
            balance: m(34_200),
          },
        ],
        nextBefore: null,
      });
      const older = await view(taras, region.single, "history", "?before=2019-07");
      assert.deepEqual(
        older.body.months.map((x: { period: string }) => x.period),
        ["2019-06"],
      );
    });

    test("a long history comes a page at a time, the pages adding up to the balance", async () => {
      const months: {
        period: string;
        chargesTotal: { kop: number };
        payments: { kop: number };
        balance: { kop: number };
      }[] = [];
      let before = "";
      for (let page = 0; page < 20; page++) {
        const res = await view(
          operator,
          region.busy,
          "history",
          `?limit=4${before ? `&before=${before}` : ""}`,
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.ok(res.body.months.length <= 4);
        months.push(...res.body.months);
        if (res.body.nextBefore === null) break;
        assert.equal(res.body.nextBefore, res.body.months.at(-1).period);
        before = res.body.nextBefore;
      }
      assert.ok(months.length > 8, `${months.length} months`);
      const periods = months.map((x) => x.period);
      assert.deepEqual(periods, [...periods].sort().reverse());
      assert.equal(new Set(periods).size, periods.length);
      // Oldest first, each month's end balance is the last one plus its charges less its payments.
      let balance = 0;
      for (const month of [...months].reverse()) {
        balance += month.chargesTotal.kop - month.payments.kop;
        assert.equal(month.balance.kop, balance, month.period);
      }
      const total = (await accountBalance(get().database.db, region.busy, "2019-08-10")).totalKop;
      assert.equal(months[0]!.balance.kop, total);
    });

    test("the last bill's foot: July, 1.00 due, 62.00 planned for August, as the bill prints it", async () => {
      get().setNow(NOW);
      const last = await view(taras, region.single, "last-bill");
      assert.deepEqual(last.body, {
        accountId: region.single,
        period: "2019-07",
        amountDue: m(100),
        dueOn: null,
        planned: {
          period: "2019-08",
          services: [{ service: "electricity", amount: m(6_200) }],
          total: m(6_200),
        },
      });
      const water = await view(
        await signInAs(app, PEOPLE.powerOperator, PEOPLE_PASSWORD),
        region.waterMetered,
        "last-bill",
      );
      assert.equal(water.status, 404);
      const heating = await view(heatOperator, region.heating, "last-bill");
      assert.equal(heating.body.period, "2019-04");
      assert.deepEqual(heating.body.amountDue, m(141_120));
      // Every billed account's amount due is the one its bill prints.
      const admin = { kind: "platform_admin", userId: people.taras, locale: "uk" } as const;
      for (const accountId of [
        region.single,
        region.twoZone,
        region.late,
        region.heating,
        region.waterMetered,
      ]) {
        const foot = await view(
          accountId === region.heating ? heatOperator : operator,
          accountId,
          "last-bill",
        );
        if (foot.status !== 200) continue;
        const bill = await loadBill(get().deps, {
          actor: admin,
          accountId,
          period: parsePeriod(foot.body.period),
        });
        assert.equal(foot.body.amountDue.kop, bill.amountDueKop, `account ${accountId}`);
        assert.equal(foot.body.planned.total.kop, bill.planned.totalKop, `account ${accountId}`);
      }
    });

    test("someone else's account is not found in every view", async () => {
      for (const what of ["balance", "debts", "history", "last-bill"]) {
        assert.equal((await view(taras, region.twoZone, what)).status, 404, what);
        assert.equal((await view(heatOperator, region.single, what)).status, 404, what);
      }
    });
  },
  async (f) => {
    region = await buildDocumentsRegion(f.database);
    people = await addMoneyPeople(f.database, region);
  },
);
