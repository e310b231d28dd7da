// Documents over HTTP as a resident's browser gets them: their bill as a PDF attachment, the QR code as PNG, the
// reconciliation statement as PDF and CSV; someone else's account and a month never billed are 404.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { parseNbuQr } from "../../src/domain/nbu-qr.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import { accountBalance } from "../../src/services/ledger/account-balance.ts";
import { forEachDatabase } from "../support/databases.ts";
import { buildDocumentsRegion, type DocumentsRegion, SINGLE_NUMBER } from "../support/documents-region.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import { decodeQrImage, lineWith, pdfText, printed } from "../support/pdf.ts";

const EMAIL = "shevchenko@example.org";
const PASSWORD = "kobzar-1814-password";
let region: DocumentsRegion;

forEachDatabase(
  "documents API",
  (get) => {
    let app: FastifyInstance;
    let token: string;
    before(async () => {
      get().setNow("2019-08-10T10:00:00Z");
      app = await quietApp(get().deps);
      token = await signInAs(app, EMAIL, PASSWORD);
    });
    after(async () => {
      await app?.close();
    });
    const download = (url: string, auth = true) =>
      app.inject({ method: "GET", url, headers: auth ? { authorization: `Bearer ${token}` } : {} });

    test("a resident downloads their bill: 200, a PDF attachment with the figures of the ledger", async () => {
      const res = await download(`/api/accounts/${region.single}/bills/2019-07.pdf`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers["content-type"], "application/pdf");
      assert.equal(
        res.headers["content-disposition"],
        `attachment; filename="rakhunok-10-000123_4-2019-07.pdf"; filename*=UTF-8''rakhunok-10-000123_4-2019-07.pdf`,
      );
      assert.equal(res.rawPayload.subarray(0, 5).toString("latin1"), "%PDF-");
      const text = pdfText(res.rawPayload);
      assert.ok(lineWith(text, `Особовий рахунок: ${SINGLE_NUMBER}`));
      const due = (await accountBalance(get().database.db, region.single, "2019-07-31")).totalKop;
      assert.ok(lineWith(text, "До сплати", printed(due)));

      const ru = await download(`/api/accounts/${region.single}/bills/2019-07.pdf?lang=ru`);
      assert.equal(ru.statusCode, 200);
      assert.match(ru.headers["content-disposition"] as string, /schet-10-000123_4-2019-07\.pdf/);
      assert.ok(lineWith(pdfText(ru.rawPayload), "К оплате", printed(due)));
    });

    test("someone else's account, a month never billed, no sign-in, a malformed month", async () => {
      const other = await download(`/api/accounts/${region.twoZone}/bills/2019-06.pdf`);
      assert.equal(other.statusCode, 404);
      assert.equal(other.json().error.code, "not_found");
      assert.equal((await download(`/api/accounts/${region.single}/bills/2019-05.pdf`)).statusCode, 404);
      assert.equal(
        (await download(`/api/accounts/${region.single}/bills/2019-07.pdf`, false)).statusCode,
        401,
      );
      assert.equal((await download(`/api/accounts/${region.single}/bills/2019-13.pdf`)).statusCode, 400);
      assert.equal(
        (await download(`/api/accounts/${region.twoZone}/statement.pdf?from=2019-01-01&to=2019-12-31`))
          .statusCode,
        404,
      );
    });

    test("the QR code alone as PNG: zbarimg reads the same payment, the amount due", async () => {
      const res = await download(`/api/accounts/${region.single}/bills/2019-06/qr.png`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-type"], "image/png");
      const qr = parseNbuQr(decodeQrImage(res.rawPayload));
      assert.equal(qr.amountKop, 34_200);
      assert.match(qr.purpose, /10-000123\/4, період 06\.2019/);
    });

    test("the statement as PDF and CSV, its closing balance the ledger's", async () => {
      const url = `/api/accounts/${region.single}/statement`;
      const pdf = await download(`${url}.pdf?from=2019-06-01&to=2019-08-31`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers["content-type"], "application/pdf");
      assert.match(
        pdf.headers["content-disposition"] as string,
        /akt-zvirky-10-000123_4-2019-06-01-2019-08-31\.pdf/,
      );
      assert.ok(lineWith(pdfText(pdf.rawPayload), "Сальдо на кінець 31.08.2019", "1,00"));

      const csv = await download(`${url}.csv?from=2019-06-01&to=2019-08-31&lang=en`);
      assert.equal(csv.statusCode, 200);
      assert.equal(csv.headers["content-type"], "text/csv; charset=utf-8");
      const lines = csv.body.trim().split("\r\n");
      assert.equal(lines[0], "date,period,service,service_name,kind,document,source,reference,amount_uah");
      assert.equal(lines.at(-1), "2019-08-31,,,Total,closing_total,,,,1.00");
      assert.equal(lines.filter((l) => /,(charge|payment),/.test(l)).length, 3);

      const bad = await call(app, "GET", `${url}.csv?from=2019-09-01&to=2019-08-31`, { token });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, "validation_failed");
      assert.equal((await call(app, "GET", `${url}.pdf?from=2019-09-01`, { token })).status, 400);
    });

    test("the OpenAPI document names the operations", async () => {
      const doc = (await call(app, "GET", "/api/openapi.json")).body;
      assert.equal(doc.paths["/api/accounts/{accountId}/bills/{period}.pdf"].get.operationId, "downloadBill");
      assert.equal(doc.paths["/api/accounts/{accountId}/statement.pdf"].get.operationId, "downloadStatement");
      assert.equal(
        doc.paths["/api/accounts/{accountId}/statement.csv"].get.operationId,
        "downloadStatementCsv",
      );
      assert.equal(
        doc.paths["/api/accounts/{accountId}/bills/{period}/qr.png"].get.operationId,
        "downloadBillQr",
      );
      assert.ok(
        doc.paths["/api/accounts/{accountId}/bills/{period}.pdf"].get.responses["200"].content[
          "application/pdf"
        ],
      );
    });
  },
  async ({ database }) => {
    region = await buildDocumentsRegion(database);
    const user = await database.db
      .insertInto("users")
      .values({ email: EMAIL, full_name: "Тарас Шевченко", password_hash: await hashPassword(PASSWORD) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("user_accounts")
      .values({ account_id: region.single, user_id: user.id, provider_id: region.power })
      .execute();
  },
);
