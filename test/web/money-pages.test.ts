// "Charges and payments" in the cabinet, as a resident uses it: the months with an estimated charge and its
// recalculation explained in words, the consumption chart and its table with the same figures, the bill PDF and
// the reconciliation statement downloaded by the session cookie, a statement with a reversed range refused at its
// field, and someone else's account a 404 page. In Ukrainian and in Russian.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { buildDocumentsRegion, type DocumentsRegion, SINGLE_NUMBER } from "../support/documents-region.ts";
import { quietApp } from "../support/http.ts";
import { addMoneyPeople, PEOPLE, PEOPLE_PASSWORD } from "../support/money-people.ts";

forEachDatabase("cabinet: charges and payments", (get) => {
  let app: FastifyInstance;
  let region: DocumentsRegion;

  before(async () => {
    const { database } = get();
    region = await buildDocumentsRegion(database);
    const people = await addMoneyPeople(database, region);
    // Oksana holds the account that was billed by estimate in June and recalculated in July.
    await database.db
      .insertInto("user_accounts")
      .values({ user_id: people.oksana, account_id: region.late, provider_id: region.power })
      .execute();
    app = await quietApp(get().deps);
  });
  after(async () => {
    await app?.close();
  });

  async function signedIn(email: string, locale?: "ru") {
    const client = new CabinetClient(app);
    const home = await client.signIn(email, PEOPLE_PASSWORD);
    assert.equal(home.status, 200);
    // The language switch in the page's header, as a person would use it.
    if (locale) await client.post("/language", { locale, back: "/" });
    return client;
  }

  test("one account: /money goes straight to it; the estimated month and its recalculation are said in words", async () => {
    const client = await signedIn(PEOPLE.oksana);
    const page = await client.get("/money");
    assert.equal(page.location, `/money/${region.late}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /aria-current="page">Нарахування й оплати/);
    const text = textOf(page.body);
    assert.match(text, /Червень 2019: нарахування й оплати/);
    assert.match(
      text,
      /Нараховано за середнім: електроенергія 30\.06\.2019 Показники не надійшли, тож нараховано за вашим середнім споживанням\./,
    );
    assert.match(
      text,
      /Перерахунок: електроенергія 31\.07\.2019 Перераховано після ваших показників від 1 серпня 2019: за червень 2019 нараховано за 150 кВт·год, а спожито 162,295 кВт·год\./,
    );
    // The June estimate and the July recalculation, as the fixture bills them.
    assert.match(text, /174,00 грн/);
    assert.match(text, /20,66 грн/);
    // Tables are tables: a caption and header cells with their scope.
    assert.match(
      page.body,
      /<table class="month-lines">\s*<caption>Липень 2019: нарахування й оплати<\/caption>/,
    );
    assert.match(page.body, /<th scope="col">Що<\/th>/);
    assert.doesNotMatch(page.body, /style="/, "no inline style");
    assert.ok(Buffer.byteLength(page.body) < 60_000, `${Buffer.byteLength(page.body)} bytes`);
  });

  test("the consumption chart and the table beside it show the same figures, an estimated month marked in both", async () => {
    const client = await signedIn(PEOPLE.oksana);
    const page = await client.get(`/money/${region.late}`);
    const block = /<div class="chart" id="usage-electricity">([\s\S]*?)<\/table>/.exec(page.body)?.[1];
    assert.ok(block, "a chart for electricity");
    const svg = /<svg[\s\S]*<\/svg>/.exec(block)![0];
    assert.match(svg, /role="img" aria-labelledby="chart-electricity-title chart-electricity-desc"/);
    assert.match(
      svg,
      /<title id="chart-electricity-title">Електроенергія: споживання за місяцями, кВт·год<\/title>/,
    );
    assert.match(svg, /<desc id="chart-electricity-desc">/);
    const bars = [
      ...svg.matchAll(
        /<text class="label"[^>]*>([^<]*)<\/text><rect [^>]*\/><text class="value"[^>]*>([^<]*)<\/text>/g,
      ),
    ].map((m) => [m[1], m[2]]);
    const table = /<tbody>([\s\S]*)<\/tbody>/.exec(block)![1]!;
    const rows = [
      ...table.matchAll(/<th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td><td>([^<]*)<\/td>/g),
    ];
    assert.equal(bars.length, 2, "June and July");
    assert.deepEqual(
      bars.map(([, value]) => value),
      rows.map((r) => r[2]),
    );
    assert.deepEqual(
      rows.map((r) => r[1]),
      ["Червень 2019", "Липень 2019"],
    );
    assert.deepEqual(
      bars.map(([label]) => label),
      ["06.2019", "07.2019"],
    );
    // June was estimated: hatched and "≈" in the chart, said in words in the table.
    assert.match(bars[0]![1]!, /^≈/);
    assert.doesNotMatch(bars[1]![1]!, /≈/);
    assert.match(
      svg,
      /<g class="month is-estimated"><text [^>]*>06\.2019<\/text><rect class="bar-estimated"[^>]*fill="url\(#chart-electricity-hatch\)"/,
    );
    assert.equal(rows[0]![3], "за середнім, без показників");
    assert.equal(rows[1]![3], "за показниками");
  });

  test("the bill of a billed month downloads as a PDF by the session cookie", async () => {
    const client = await signedIn(PEOPLE.taras);
    const page = await client.get(`/money/${region.single}`);
    assert.match(page.body, new RegExp(`href="/money/${region.single}/bills/2019-06\\.pdf"`));
    const pdf = await client.get(`/money/${region.single}/bills/2019-06.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.match(String(pdf.headers["content-disposition"]), /^attachment; filename="[^"]+\.pdf"/);
    assert.ok(pdf.body.startsWith("%PDF-"));
    // A month that was never billed is a page saying so, not a file.
    const none = await client.get(`/money/${region.single}/bills/2018-01.pdf`);
    assert.equal(none.status, 404);
    assert.match(none.headers["content-type"] as string, /text\/html/);
  });

  test("a statement with its start after its end is refused at the field; a good one downloads", async () => {
    const client = await signedIn(PEOPLE.taras);
    const url = `/money/${region.single}/statement`;
    const bad = await client.get(`${url}?from=2019-07-31&to=2019-06-01&format=pdf`);
    assert.equal(bad.status, 400);
    assert.match(bad.body, /<title>Помилка: Акт звірки/);
    assert.match(
      bad.body,
      /class="error-summary"[\s\S]*<a href="#from">Дата початку має бути не пізніше дати кінця<\/a>/,
    );
    assert.match(
      bad.body,
      /<p class="error-message" id="from-error">Дата початку має бути не пізніше дати кінця<\/p>/,
    );
    assert.match(
      bad.body,
      /<input id="from" name="from" type="date" value="2019-07-31"[^>]*aria-invalid="true"/,
    );
    const missing = await client.get(`${url}?from=2019-02-30&to=`);
    assert.equal(missing.status, 400);
    assert.match(missing.body, /id="from-error">Введіть справжню дату/);
    assert.match(missing.body, /id="to-error">Введіть дату/);

    const csv = await client.get(`${url}?from=2019-06-01&to=2019-07-31&format=csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers["content-type"] as string, /^text\/csv/);
    assert.match(String(csv.headers["content-disposition"]), /^attachment; filename=".+\.csv"/);
    assert.match(csv.body, /404[.,]00/);
    const pdf = await client.get(`${url}?from=2019-06-01&to=2019-07-31&format=pdf`);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.ok(pdf.body.startsWith("%PDF-"));
  });

  test("another resident's account is a 404 page, for its months, its bills and its statement alike", async () => {
    const client = await signedIn(PEOPLE.taras);
    for (const path of [
      `/money/${region.late}`,
      `/money/${region.late}/bills/2019-06.pdf`,
      `/money/${region.late}/statement?from=2019-06-01&to=2019-07-31`,
      `/money/${region.late}/statement`,
      "/money/not-a-number",
    ]) {
      const res = await client.get(path);
      assert.equal(res.status, 404, path);
      assert.match(res.headers["content-type"] as string, /text\/html/, path);
      assert.doesNotMatch(res.body, /174,00/, path);
    }
    const visitor = await new CabinetClient(app).get(`/money/${region.single}`, { follow: false });
    assert.equal(visitor.status, 303);
    assert.equal(visitor.location, `/?next=${encodeURIComponent(`/money/${region.single}`)}`);
  });

  test("in Russian: the estimate, the recalculation and the chart are in Russian", async () => {
    const client = await signedIn(PEOPLE.oksana, "ru");
    const page = await client.get(`/money/${region.late}`);
    assert.match(page.body, /<html lang="ru">/);
    const text = textOf(page.body);
    assert.match(
      text,
      /Начислено по среднему: электроэнергия 30\.06\.2019 Показания не поступили, поэтому начислено по вашему среднему потреблению\./,
    );
    assert.match(
      text,
      /Перерасчёт: электроэнергия 31\.07\.2019 Пересчитано после ваших показаний от 1 августа 2019/,
    );
    assert.match(
      page.body,
      /<title id="chart-electricity-title">Электроэнергия: потребление по месяцам, кВт·ч<\/title>/,
    );
    assert.match(text, /Акт сверки/);
    const taras = await signedIn(PEOPLE.taras, "ru");
    const single = textOf((await taras.get(`/money/${region.single}`)).body);
    assert.ok(single.includes(`Лицевой счёт ${SINGLE_NUMBER}`));
    assert.match(single, /Оплата через банк .*-404,00 грн/);
  });
});
