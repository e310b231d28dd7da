// Paying in the cabinet through the demo gateway, over inject, as a resident would with JavaScript off: the form
// offers the amount due and the planned payment, another amount is refused at its field when it is not money,
// sending the form answers with a page whose one form posts the gateway's checkout fields; that form leads to
// the demo card page, a test card pays, the gateway sends the browser to the result page in the cabinet's frame
// (which a visitor without the session can read too), and the payment is in "Charges and payments".
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/channels/http/app.ts";
import { SUCCEEDING_CARD } from "../../src/gateways/demo/test-cards.ts";
import { CabinetClient, type PageResponse, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { buildDocumentsRegion, type DocumentsRegion } from "../support/documents-region.ts";
import { addMoneyPeople, PEOPLE, PEOPLE_PASSWORD } from "../support/money-people.ts";

const PUBLIC_URL = "http://cabinet.test";
const NEXT_YEAR = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, "0");

/** The hidden fields and the action of the page's form that posts to `action`. */
function formOf(page: PageResponse, action: RegExp): { action: string; fields: Record<string, string> } {
  const form = [...page.body.matchAll(/<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].find(
    (m) => action.test(m[1]!),
  );
  assert.ok(form, `a form posting to ${action}`);
  const fields: Record<string, string> = {};
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1]!] = m[2]!;
  return { action: form[1]!, fields };
}

forEachDatabase("cabinet: paying", (get) => {
  let app: FastifyInstance;
  let region: DocumentsRegion;

  before(async () => {
    region = await buildDocumentsRegion(get().database);
    await addMoneyPeople(get().database, region);
    app = await buildApp({
      deps: get().deps,
      config: { logLevel: "silent", production: false, demoGateway: "on", publicUrl: PUBLIC_URL },
      logger: false,
    });
  });
  after(async () => {
    await app?.close();
  });

  async function taras(locale?: "ru") {
    const client = new CabinetClient(app);
    await client.signIn(PEOPLE.taras, PEOPLE_PASSWORD);
    if (locale) await client.post("/language", { locale, back: "/" });
    return client;
  }

  test("the form offers the amount due and the planned payment; a wrong amount is refused at its field", async () => {
    const client = await taras();
    const page = await client.get("/pay");
    assert.equal(page.location, `/pay/${region.single}`);
    assert.match(page.body, /aria-current="page">Оплатити/);
    const text = textOf(page.body);
    // June 342.00 + July 63.00 − 404.00 paid = 1.00 due; the July bill plans August.
    assert.match(text, /Усю суму до сплати: 1,00 грн/);
    assert.match(text, /Плановий платіж за серпень 2019: \d+,00 грн/);
    assert.match(page.body, /<input type="radio" id="choice" name="choice" value="due" checked>/);
    assert.match(page.body, /<label for="amount">Сума, грн<\/label>/);
    assert.match(page.body, /<input type="hidden" name="idempotencyKey" value="[0-9a-f-]{36}">/);

    const bad = await client.post(`/pay/${region.single}`, { choice: "other", amount: "двісті" });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /<title>Помилка: Оплатити/);
    assert.match(bad.body, /class="error-summary"[\s\S]*href="#amount"/);
    assert.match(bad.body, /<p class="error-message" id="amount-error">/);
    assert.match(bad.body, /<input id="amount" name="amount" type="text" class="short" value="двісті"/);
    const empty = await client.post(`/pay/${region.single}`, { choice: "other", amount: "" });
    assert.equal(empty.status, 400);
    assert.match(empty.body, /id="amount-error">Введіть суму/);
    const tooMuch = await client.post(`/pay/${region.single}`, { choice: "other", amount: "100 000,01" });
    assert.equal(tooMuch.status >= 400 && tooMuch.status < 500, true);
    assert.match(tooMuch.body, /id="amount-error">/);
  });

  test("paying through the demo gateway end to end, then the payment is in the history", async () => {
    const client = await taras();
    const form = await client.get(`/pay/${region.single}`);
    const key = formOf(form, /^\/pay\//).fields["idempotencyKey"]!;
    const sent = await client.post(`/pay/${region.single}`, {
      idempotencyKey: key,
      choice: "other",
      amount: "250,50",
    });
    assert.equal(sent.status, 200);
    assert.match(textOf(sent.body), /Ви сплачуєте 250,50 грн на особовий рахунок 10-000123\/4/);
    const checkout = formOf(sent, /demo-gateway/);
    assert.equal(checkout.action, `${PUBLIC_URL}/demo-gateway/checkout`);
    assert.ok(checkout.fields["data"] && checkout.fields["signature"]);
    assert.equal(checkout.fields["_csrf"], undefined, "the cabinet's token is not sent to the gateway");
    assert.match(sent.body, /<button type="submit">Продовжити оплату<\/button>/);
    // Sending the same form again (a second tap, a reload) is the same order.
    const again = await client.post(`/pay/${region.single}`, {
      idempotencyKey: key,
      choice: "other",
      amount: "250,50",
    });
    assert.equal(formOf(again, /demo-gateway/).fields["data"], checkout.fields["data"]);

    // The browser posts the checkout form to the gateway: its card page.
    const cardPage = await client.post("/demo-gateway/checkout", checkout.fields);
    assert.equal(cardPage.status, 200);
    assert.match(cardPage.body, /250,50\u00a0грн/);
    const paid = await client.post("/demo-gateway/pay", {
      ...checkout.fields,
      card_number: SUCCEEDING_CARD,
      expiry: `12/${NEXT_YEAR}`,
      cvc: "123",
    });
    assert.match(paid.location!, /^http:\/\/cabinet\.test\/payments\/[0-9a-f-]{36}\?lang=uk$/);
    assert.equal(paid.status, 200);
    assert.match(paid.body, /data-status="success">Оплачено\. Дякуємо!/);
    assert.match(paid.body, /<nav class="main"/, "in the cabinet's frame, signed in");
    assert.match(paid.body, new RegExp(`href="/money/${region.single}#history">Переглянути платіж`));

    // A browser that comes back without the session still reads the result, and is offered to sign in.
    const path = new URL(paid.location!).pathname;
    const visitor = await new CabinetClient(app).get(path);
    assert.equal(visitor.status, 200);
    assert.match(visitor.body, /Оплачено\. Дякуємо!/);
    assert.match(visitor.body, /href="\/\?next=%2Fmoney">Увійдіть/);
    assert.doesNotMatch(visitor.body, /10-000123\/4/, "the public page does not show the account");

    const money = textOf((await client.get(`/money/${region.single}`)).body);
    assert.match(money, /Оплата карткою онлайн \d\d\.\d\d\.\d{4} -250,50 грн/);
  });

  test("in Russian, the planned payment is paid in full for its month; an unknown order is a 404 page", async () => {
    const client = await taras("ru");
    const page = await client.get(`/pay/${region.single}`);
    assert.match(page.body, /<html lang="ru">/);
    const planned = /Плановый платёж за август 2019: (\d+),00 грн/.exec(textOf(page.body));
    assert.ok(planned);
    const none = await client.post(`/pay/${region.single}`, {});
    assert.equal(none.status, 400);
    assert.match(none.body, /id="choice-error">Выберите, сколько оплатить/);
    const sent = await client.post(`/pay/${region.single}`, { choice: "planned" });
    assert.equal(sent.status, 200);
    assert.match(textOf(sent.body), new RegExp(`Вы оплачиваете ${planned[1]},00 грн`));
    const data = JSON.parse(Buffer.from(formOf(sent, /demo-gateway/).fields["data"]!, "base64").toString());
    assert.match(String(data.description), /за 2019-08/);
    const unknown = await client.get("/payments/00000000-0000-4000-8000-000000000000");
    assert.equal(unknown.status, 404);
    assert.match(unknown.body, /<html lang="ru">/);
  });

  test("someone else's account cannot be paid from here: a 404 page", async () => {
    const client = await taras();
    assert.equal((await client.get(`/pay/${region.late}`)).status, 404);
    const res = await client.post(`/pay/${region.late}`, { choice: "other", amount: "10" });
    assert.equal(res.status, 404);
    const orders = await get()
      .database.db.selectFrom("payment_orders")
      .select("id")
      .where("account_id", "=", region.late)
      .execute();
    assert.equal(orders.length, 0);
  });
});
