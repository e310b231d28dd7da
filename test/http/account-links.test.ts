// Linking an account over HTTP as a resident does it from the paper bill: the right amount due links it (twice is
// no change), a wrong amount, an unknown number and an unknown provider get one identical answer, guessing is
// stopped per person and per account number, a household shares an account, a link can be removed, an operator
// links for a caller of their own provider only, and staff find their own provider's accounts by number.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachDatabase } from "../support/databases.ts";
import { buildDocumentsRegion, type DocumentsRegion, SINGLE_NUMBER } from "../support/documents-region.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import { addMoneyPeople, PEOPLE, PEOPLE_PASSWORD, type PersonIds } from "../support/money-people.ts";

const NOW = "2019-08-10T10:00:00Z";
let region: DocumentsRegion;
let people: PersonIds;

forEachDatabase(
  "linking accounts",
  (get) => {
    let app: FastifyInstance;
    const tokens = {} as Record<keyof typeof PEOPLE, string>;
    let heatingNumber: string;

    before(async () => {
      get().setNow(NOW);
      app = await quietApp(get().deps);
      for (const key of Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]) {
        tokens[key] = await signInAs(app, PEOPLE[key], PEOPLE_PASSWORD);
      }
      const row = await get()
        .database.db.selectFrom("accounts")
        .select("number")
        .where("id", "=", region.heating)
        .executeTakeFirstOrThrow();
      heatingNumber = row.number;
    });
    after(async () => {
      await app?.close();
    });

    const link = (who: keyof typeof PEOPLE, body: Record<string, string>, lang?: "uk" | "ru" | "en") =>
      call(app, "POST", "/api/accounts/links", { token: tokens[who], body, ...(lang ? { lang } : {}) });
    const myAccounts = async (who: keyof typeof PEOPLE) =>
      (await call(app, "GET", "/api/accounts", { token: tokens[who] })).body.map((a: { id: number }) => a.id);
    const audit = (userId: number) =>
      get()
        .database.db.selectFrom("audit_log")
        .select(["action", "account_id", "channel", "details"])
        .where("actor_user_id", "=", userId)
        .orderBy("id")
        .execute();

    test("a second resident of the household links the account with its number and last amount due, once or twice", async () => {
      get().setNow(NOW);
      // July's bill of the single account: 342.00 − 404.00 + 63.00 = 1.00 due.
      const body = { provider: "power", number: "10 000123 4", amountDue: "1,00" };
      const first = await link("oksana", body);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.deepEqual(first.body, {
        accountId: region.single,
        number: SINGLE_NUMBER,
        provider: { id: region.power, code: "power" },
        alreadyLinked: false,
      });
      const again = await link("oksana", { ...body, number: "10-000123/4", amountDue: "1.00 грн" });
      assert.equal(again.status, 200);
      assert.equal(again.body.alreadyLinked, true);

      // Both residents see it, and its money.
      assert.deepEqual(await myAccounts("oksana"), [region.single]);
      assert.deepEqual(await myAccounts("taras"), [region.single]);
      for (const who of ["oksana", "taras"] as const) {
        const balance = await call(app, "GET", `/api/accounts/${region.single}/balance`, {
          token: tokens[who],
        });
        assert.equal(balance.status, 200);
        assert.deepEqual(balance.body.total, { kop: 100, uah: "1.00" });
      }
      const lines = await audit(people.oksana);
      assert.equal(lines.length, 2);
      assert.deepEqual(
        lines.map((l) => [l.action, l.account_id, l.channel]),
        [
          ["account.link", region.single, "api"],
          ["account.link", region.single, "api"],
        ],
      );
      assert.equal((lines[0]!.details as { number: string }).number, "10 000123 4");
    });

    test("a wrong amount, an unknown number and an unknown provider get the same answer, and are audited", async () => {
      get().setNow(NOW);
      const answers = [
        await link("caller", { provider: "heat", number: heatingNumber, amountDue: "1 411,21" }, "en"),
        await link("caller", { provider: "heat", number: "T-999999", amountDue: "1 411,20" }, "en"),
        await link("caller", { provider: "no-such", number: heatingNumber, amountDue: "1 411,20" }, "en"),
      ];
      for (const a of answers) {
        assert.equal(a.status, 422);
        assert.deepEqual(a.body, answers[0]!.body);
      }
      assert.equal(answers[0]!.body.error.code, "link_proof_mismatch");
      assert.match(answers[0]!.body.error.message, /amount due on your last paper bill/);
      assert.deepEqual(await myAccounts("caller"), []);
      const lines = await audit(people.caller);
      assert.deepEqual(
        lines.map((l) => [l.action, (l.details as { reason: string }).reason]),
        [
          ["account.link_refused", "wrong_amount"],
          ["account.link_refused", "unknown_number"],
          ["account.link_refused", "unknown_provider"],
        ],
      );
      assert.equal(lines[0]!.account_id, region.heating);
      // The right amount, typed with the bill's grouping, then links it (two failures so far: under the limit).
      const right = await link("caller", {
        provider: "heat",
        number: heatingNumber.toLowerCase().replace("-", " "),
        amountDue: "1 411,20",
      });
      assert.equal(right.status, 201, JSON.stringify(right.body));
      assert.deepEqual(await myAccounts("caller"), [region.heating]);
    });

    test("an amount that is no amount is explained, not counted as a guess", async () => {
      const res = await link(
        "caller",
        { provider: "heat", number: heatingNumber, amountDue: "one hundred" },
        "uk",
      );
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, "link_amount_unreadable");
      assert.match(res.body.error.message, /1 234,56/);
    });

    test("a number with a lone surrogate is no text: refused before it is looked up or audited", async () => {
      const before = (await audit(people.caller)).length;
      const res = await link("caller", { provider: "heat", number: "\udfff", amountDue: "1" }, "en");
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, "validation_failed");
      assert.match(JSON.stringify(res.body.error), /malformed characters/);
      assert.equal((await audit(people.caller)).length, before);
    });

    test("five failures in an hour stop a resident, even with the right amount, until the hour is over", async () => {
      get().setNow(NOW);
      const wrong = { provider: "power", number: SINGLE_NUMBER, amountDue: "2,00" };
      for (let i = 0; i < 5; i++) assert.equal((await link("guesser", wrong)).status, 422);
      const stopped = await link("guesser", { ...wrong, amountDue: "1,00" }, "en");
      assert.equal(stopped.status, 429);
      assert.equal(stopped.body.error.code, "too_many_attempts");
      const retry = stopped.body.error.details.retryAfterSeconds;
      assert.ok(retry > 0 && retry <= 3600, String(retry));
      assert.deepEqual(await myAccounts("guesser"), []);
      get().setNow(new Date(new Date(NOW).getTime() + 3601_000));
      assert.equal((await link("guesser", { ...wrong, amountDue: "1,00" })).status, 201);
    });

    test("ten failures a day on one account number stop everyone trying it", async () => {
      get().setNow(NOW);
      const { number } = await get()
        .database.db.selectFrom("accounts")
        .select("number")
        .where("id", "=", region.waterMetered)
        .executeTakeFirstOrThrow();
      const wrong = { provider: "water", number, amountDue: "0,01" };
      for (const who of ["guesser2", "guesser3"] as const) {
        for (let i = 0; i < 5; i++) assert.equal((await link(who, wrong)).status, 422);
      }
      const third = await link("oksana", wrong);
      assert.equal(third.status, 429);
      assert.ok(third.body.error.details.retryAfterSeconds > 3600);
    });

    test("a resident removes their own link; the household's other link stays", async () => {
      get().setNow(NOW);
      const res = await call(app, "DELETE", `/api/accounts/${region.single}/link`, { token: tokens.oksana });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, { accountId: region.single, unlinked: true });
      assert.deepEqual(await myAccounts("oksana"), []);
      assert.deepEqual(await myAccounts("taras"), [region.single]);
      const gone = await call(app, "GET", `/api/accounts/${region.single}/balance`, { token: tokens.oksana });
      assert.equal(gone.status, 404);
      const twice = await call(app, "DELETE", `/api/accounts/${region.single}/link`, {
        token: tokens.oksana,
      });
      assert.equal(twice.status, 404);
      assert.equal((await audit(people.oksana)).filter((l) => l.action === "account.unlink").length, 1);
    });

    test("an operator links an account of their provider for a caller, and not another provider's", async () => {
      const url = (accountId: number) => `/api/staff/accounts/${accountId}/residents`;
      const own = await call(app, "POST", url(region.twoZone), {
        token: tokens.powerOperator,
        body: { userId: people.oksana },
      });
      assert.equal(own.status, 200, JSON.stringify(own.body));
      assert.deepEqual(own.body, { accountId: region.twoZone, userId: people.oksana, alreadyLinked: false });
      assert.deepEqual(await myAccounts("oksana"), [region.twoZone]);
      const lines = await audit(people.powerOperator);
      assert.deepEqual(
        lines.map((l) => [l.action, l.account_id, (l.details as { userId: number }).userId]),
        [["account.link_for_user", region.twoZone, people.oksana]],
      );
      const other = await call(app, "POST", url(region.heating), {
        token: tokens.powerOperator,
        body: { userId: people.oksana },
      });
      assert.equal(other.status, 404);
      const byResident = await call(app, "POST", url(region.twoZone), {
        token: tokens.taras,
        body: { userId: people.taras },
      });
      // A resident is an outsider to staff work, as to any data not theirs (services/access.ts).
      assert.equal(byResident.status, 404);
    });

    test("staff find an account of their own provider by its number typed any way; others' are not found", async () => {
      const find = (who: keyof typeof PEOPLE, provider: string, number: string) =>
        call(app, "GET", `/api/staff/accounts?provider=${provider}&number=${encodeURIComponent(number)}`, {
          token: tokens[who],
        });
      const found = await find("powerOperator", "power", "10 000123-4");
      assert.equal(found.status, 200, JSON.stringify(found.body));
      assert.deepEqual(found.body, {
        id: region.single,
        number: SINGLE_NUMBER,
        holderName: "Шевченко Тарас Григорович",
        provider: { id: region.power, code: "power" },
      });
      assert.equal((await find("heatOperator", "power", SINGLE_NUMBER)).status, 404);
      assert.equal((await find("powerOperator", "power", "10-000999/9")).status, 404);
      assert.equal((await find("taras", "power", SINGLE_NUMBER)).status, 404);
    });
  },
  async (f) => {
    region = await buildDocumentsRegion(f.database);
    people = await addMoneyPeople(f.database, region);
  },
);
