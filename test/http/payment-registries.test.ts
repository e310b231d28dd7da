// A provider's administrator uploads a bank registry over HTTP: the report in their language, lines for another
// provider left unmatched, the same file refused the second time, and who may not upload at all.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import iconv from "iconv-lite";
import { sql } from "kysely";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp, signInAs } from "../support/http.ts";

forEachDatabase(
  "payment registries API",
  (get) => {
    let app: FastifyInstance;
    let admin: string;
    let operator: string;
    let resident: string;
    let platform: string;
    let file: Buffer;

    before(async () => {
      get().setNow("2026-11-26T10:00:00Z");
      app = await quietApp(get().deps);
      admin = await signInAs(app, DEMO_PEOPLE.administrator.email, DEMO_PASSWORD);
      operator = await signInAs(app, DEMO_PEOPLE.operator.email, DEMO_PASSWORD);
      resident = await signInAs(app, DEMO_PEOPLE.resident.email, DEMO_PASSWORD);
      platform = await signInAs(app, DEMO_PEOPLE.platformAdmin.email, DEMO_PASSWORD);
      // Two of deu's accounts and one of another provider, as the demo prints their numbers.
      const { rows } = await sql<{ number: string; code: string; edrpou: string }>`
        (select a.number, p.code, p.edrpou from accounts a join providers p on p.id = a.provider_id
          where p.code = 'deu' order by a.id limit 2)
        union all
        (select a.number, p.code, p.edrpou from accounts a join providers p on p.id = a.provider_id
          where p.code <> 'deu' order by a.id limit 1)`.execute(get().database.db);
      const [a, b, other] = rows;
      file = iconv.encode(
        [
          "Номер документа;Дата оплати;Особовий рахунок;Платник;Сума;ЄДРПОУ отримувача;Рахунок отримувача;Період;Послуга",
          `Д-1;25.11.2026;${a!.number};Шевченко Тарас;1 234,56;${a!.edrpou};;;`,
          `Д-2;25.11.2026;${b!.number};Коваленко Ольга;99,90;;;10.2026;Електроенергія`,
          `Д-3;25.11.2026;${other!.number};Чужий Платник;10,00;${other!.edrpou};;;`,
          `Д-4;25.11.2026;${b!.number};Помилка;12,345;;;;`,
        ].join("\r\n"),
        "win1251",
      );
    });
    after(async () => {
      await app?.close();
    });

    const upload = (token: string, provider: string, query: string, body: Buffer, lang = "uk") =>
      app.inject({
        method: "POST",
        url: `/api/providers/${provider}/payment-registries?${query}${query ? "&" : ""}lang=${lang}`,
        headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "accept-language": lang },
        payload: body,
      });

    test("the provider's administrator imports a cp1251 bank file: 201 and a report in their language", async () => {
      const res = await upload(admin, "deu", "source=demo-bank&fileName=bank-2026-11-25.csv", file);
      assert.equal(res.statusCode, 201, res.body);
      const r = res.json();
      assert.equal(r.fileName, "bank-2026-11-25.csv");
      assert.equal(r.encoding, "windows-1251");
      assert.deepEqual(
        [r.lines, r.posted, r.postedKop, r.unmatched, r.malformed],
        [4, 2, 123456 + 9990, 1, 1],
      );
      assert.deepEqual(
        r.problems.map((p: { line: number; reason: string }) => [p.line, p.reason]),
        [
          [4, "provider_other"],
          [5, "amount_too_many_decimals"],
        ],
      );
      assert.match(
        r.problems[0].message,
        /^Платіж призначено постачальнику .+, а реєстр імпортується для deu$/,
      );
      const { rows } = await sql<{ kop: number; imported_by: string }>`
        select -sum(e.amount_kop)::int8 as kop, min(r.imported_by) as imported_by
        from ledger_entries e join payment_registries r on r.id = (e.details ->> 'registry_id')::bigint
        where e.source = 'bank_registry'`.execute(get().database.db);
      assert.equal(rows[0]!.kop, r.postedKop);
      assert.match(rows[0]!.imported_by, /^user:\d+$/);
    });

    test("the same file again: 409 and nothing new; a file that cannot be read: 422 with the reason", async () => {
      const again = await upload(admin, "deu", "source=demo-bank", file, "en");
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, "registry_already_imported");
      assert.match(again.json().error.message, /already imported from source "demo-bank"/);
      const wrong = await upload(admin, "deu", "source=standard", file, "en");
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.json().error.code, "registry_wrong_encoding");
      const empty = await upload(admin, "deu", "source=standard", Buffer.from("\n"), "en");
      assert.equal(empty.statusCode, 422);
      assert.equal(empty.json().error.code, "registry_empty");
      const noSource = await upload(admin, "deu", "fileName=x.csv", file);
      assert.equal(noSource.statusCode, 400);
      const count = await get().database.db.selectFrom("payment_registries").select("id").execute();
      assert.equal(count.length, 1);
    });

    test("operators get 403, residents 404; a platform administrator may import for any provider", async () => {
      assert.equal((await upload(operator, "deu", "source=demo-bank&again=true", file)).statusCode, 403);
      assert.equal((await upload(resident, "deu", "source=demo-bank&again=true", file)).statusCode, 404);
      const res = await upload(platform, "deu", "source=demo-bank&again=true", file);
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual([res.json().posted, res.json().duplicates], [0, 2]);
    });
  },
  async ({ database }) => {
    await seedRegion(database, { accounts: 60, seed: 42, asOf: "2026-11-25" });
  },
);
