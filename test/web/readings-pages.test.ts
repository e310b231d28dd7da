// The readings pages as a resident uses them: the accounts to choose from, each meter's last reading and window,
// a field per zone, and the service's answer in place — accepted with its receipt (and a double submit is one
// reading), refused beside the field (below the previous one; the window closed while the page was open), and an
// unusually high reading confirmed on a second step. Someone else's account is a 404 page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { CabinetClient, textOf } from "../support/cabinet-client.ts";
import { forEachDatabase } from "../support/databases.ts";
import { quietApp } from "../support/http.ts";
import { createReadingsFixture, PASSWORD, type ReadingsFixture } from "../support/readings-fixture.ts";

// Kyiv is UTC+3 in summer: 2019-07-30 12:00 Kyiv = 09:00Z, inside the electricity window (29 July – 2 August).
const IN_WINDOW = "2019-07-30T09:00:00Z";
const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** The hidden fields of a page's form for a meter: the first step's, or the "yes, confirm" one's. */
function meterForm(body: string, meterId: number, o: { confirm?: boolean } = {}): Record<string, string> {
  const forms = body.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find(
    (f) => f.includes(`name="meterId" value="${meterId}"`) && f.includes('name="confirmed"') === !!o.confirm,
  );
  assert.ok(form, `a form for meter ${meterId}`);
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[m[1]!] = m[2]!;
  return fields;
}

forEachDatabase("cabinet: readings pages", (get) => {
  let app: FastifyInstance;
  let f: ReadingsFixture;
  let olena: CabinetClient;
  let petro: CabinetClient;

  before(async () => {
    f = await createReadingsFixture(get().database);
    app = await quietApp(get().deps);
    get().setNow(new Date());
    olena = new CabinetClient(app);
    await olena.signIn(f.users.olena, PASSWORD);
    petro = new CabinetClient(app);
    await petro.signIn(f.users.petro, PASSWORD);
    get().setNow(IN_WINDOW);
  });
  after(async () => {
    await app?.close();
  });

  const readingsOf = (meterId: number) =>
    get()
      .database.db.selectFrom("readings")
      .select(["value", "receipt", "status", "channel"])
      .where("meter_id", "=", meterId)
      .orderBy("id")
      .execute();

  test("with several accounts /readings lists them; with one it goes straight there; another's is a 404 page", async () => {
    get().setNow(IN_WINDOW);
    const list = await olena.get("/readings");
    assert.equal(list.status, 200);
    assert.match(
      list.body,
      new RegExp(`<a href="/readings/${f.accounts.olena}">Показники за рахунком 12-345/6</a>`),
    );
    assert.match(
      list.body,
      new RegExp(`<a href="/readings/${f.accounts.water}">Показники за рахунком ВК0000001</a>`),
    );
    assert.match(list.body, /aria-current="page">Показники/);

    const one = await petro.get("/readings", { follow: false });
    assert.equal(one.status, 303);
    assert.equal(one.location, `/readings/${f.accounts.petro}`);

    const foreign = await petro.get(`/readings/${f.accounts.olena}`);
    assert.equal(foreign.status, 404);
    assert.match(textOf(foreign.body), /Не знайдено/);
    assert.doesNotMatch(foreign.body, /TWOZONE|12-345\/6/);
    assert.equal((await petro.get("/readings/abc")).status, 404);
  });

  test("each meter: its last reading and date, the window, one labelled field per zone, the zones in a fieldset", async () => {
    get().setNow(IN_WINDOW);
    const page = await olena.get(`/readings/${f.accounts.olena}`);
    assert.equal(page.status, 200);
    const text = nbsp(textOf(page.body));
    assert.match(text, /Електроенергія, лічильник SINGLE Останні показники 12345,0 від 1 липня 2019/);
    assert.match(text, /Період передачі Відкрито до 2 серпня 2019 включно \(4 дні\)/);
    assert.match(text, /день: 5500; ніч: 3250 від 1 липня 2019/);
    assert.match(page.body, new RegExp(`<label for="m${f.meters.single}-z1">Показники, кВт·год</label>`));
    assert.match(
      page.body,
      new RegExp(`<input id="m${f.meters.single}-z1" name="zone1" type="text"[^>]*inputmode="decimal"`),
    );
    assert.match(
      page.body,
      new RegExp(
        `<fieldset class="zones"><legend>Показники лічильника TWOZONE за кожною зоною, кВт·год</legend>[\\s\\S]*?<label for="m${f.meters.twoZone}-z1">Зона «день», кВт·год</label>[\\s\\S]*?<label for="m${f.meters.twoZone}-z2">Зона «ніч», кВт·год</label>`,
      ),
    );
    assert.doesNotMatch(page.body, />Електроенергія, лічильник OLD</, "a removed meter is not shown");
    assert.doesNotMatch(page.body, /style=|<script>/);
  });

  test("a reading below the previous one is refused beside its zone's field, in Ukrainian and in Russian", async () => {
    get().setNow(IN_WINDOW);
    for (const [lang, expected] of [
      ["uk", "Показання 4 999 (зона «день») менші за попередні: 5 500 від 1 липня 2019. Перевірте цифри."],
      ["ru", "Показания 4 999 (зона «день») меньше предыдущих: 5 500 от 1 июля 2019. Проверьте цифры."],
    ] as const) {
      const page = await olena.get(`/readings/${f.accounts.olena}?lang=${lang}`);
      const res = await olena.post(`/readings/${f.accounts.olena}?lang=${lang}`, {
        ...meterForm(page.body, f.meters.twoZone),
        zone1: "4999",
        zone2: "3300",
      });
      assert.equal(res.status, 422);
      assert.match(res.body, new RegExp(`<html lang="${lang}">`));
      const field = `m${f.meters.twoZone}-z1`;
      assert.match(nbsp(res.body), new RegExp(`href="#${field}">${expected.replace(/[.()]/g, "\\$&")}</a>`));
      assert.match(
        nbsp(res.body),
        new RegExp(`<p class="error-message" id="${field}-error">${expected.replace(/[.()]/g, "\\$&")}`),
      );
      assert.match(
        res.body,
        new RegExp(`<input id="${field}" name="zone1" type="text"[^>]*value="4999"[^>]*aria-invalid="true"`),
      );
      assert.match(res.body, /value="3300"/, "the other zone's figure stays");
    }
    assert.equal((await readingsOf(f.meters.twoZone)).length, 12, "nothing stored");
  });

  test("a form sent after the window closed is refused with the next window's dates", async () => {
    get().setNow(IN_WINDOW);
    const page = await olena.get(`/readings/${f.accounts.olena}`);
    get().setNow("2019-08-03T09:00:00Z");
    const res = await olena.post(`/readings/${f.accounts.olena}`, {
      ...meterForm(page.body, f.meters.single),
      zone1: "12 400",
    });
    assert.equal(res.status, 422);
    assert.match(
      nbsp(textOf(res.body)),
      /Зараз показання не приймаються\. Наступний період передачі: з 29 серпня 2019 по 2 вересня 2019\./,
    );
    assert.match(res.body, new RegExp(`href="#m${f.meters.single}-z1"`));
    // With the window closed the page offers no form, and says when to come back.
    const closed = await olena.get(`/readings/${f.accounts.olena}`);
    assert.match(nbsp(textOf(closed.body)), /Поверніться 29 серпня 2019/);
    assert.doesNotMatch(closed.body, new RegExp(`name="meterId" value="${f.meters.single}"`));
  });

  test("an accepted reading shows its receipt; sending the same form twice stores one reading", async () => {
    get().setNow(IN_WINDOW);
    const page = await olena.get(`/readings/${f.accounts.olena}`);
    const fields = { ...meterForm(page.body, f.meters.single), zone1: "12 495,5" };
    const first = await olena.post(`/readings/${f.accounts.olena}`, fields);
    assert.equal(first.location, `/readings/${f.accounts.olena}?done=accepted&meter=${f.meters.single}`);
    const stored = (await readingsOf(f.meters.single)).at(-1)!;
    assert.equal(Number(stored.value), 12495.5);
    assert.equal(stored.channel, "web");
    assert.match(stored.receipt, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.match(
      textOf(first.body),
      new RegExp(`Показники лічильника SINGLE прийнято\\. Номер квитанції: ${stored.receipt}\\.`),
    );
    assert.match(first.body, /class="banner success" role="status"/);

    const second = await olena.post(`/readings/${f.accounts.olena}`, fields);
    assert.match(textOf(second.body), new RegExp(`Номер квитанції: ${stored.receipt}`));
    const rows = (await readingsOf(f.meters.single)).filter((r) => Number(r.value) === 12495.5);
    assert.equal(rows.length, 1, "the double submit is one reading");
    // The meter's last reading is now this one, deemed on the 1st as the electricity rule says.
    assert.match(nbsp(textOf(second.body)), /лічильник SINGLE Останні показники 12495,5 від 1 серпня 2019/);
    assert.match(textOf(second.body), /Показники за цей період уже передано/);
  });

  test("an unusually high reading asks to confirm; confirming stores it for an operator's review", async () => {
    get().setNow(IN_WINDOW);
    const page = await olena.get(`/readings/${f.accounts.olena}`);
    const ask = await olena.post(`/readings/${f.accounts.olena}`, {
      ...meterForm(page.body, f.meters.twoZone),
      zone1: "6900",
      zone2: "3300",
    });
    assert.equal(ask.status, 200);
    const text = nbsp(textOf(ask.body));
    assert.match(text, /Будь ласка, підтвердьте незвично високі показники/);
    assert.match(text, /\(день: 1400; ніч: 50 кВт·год\)/);
    assert.equal((await readingsOf(f.meters.twoZone)).filter((r) => Number(r.value) === 6900).length, 0);

    const confirm = meterForm(ask.body, f.meters.twoZone, { confirm: true });
    assert.deepEqual([confirm["confirmed"], confirm["zone1"], confirm["zone2"]], ["true", "6900", "3300"]);
    const done = await olena.post(`/readings/${f.accounts.olena}`, confirm);
    assert.equal(done.location, `/readings/${f.accounts.olena}?done=accepted&meter=${f.meters.twoZone}`);
    const stored = (await readingsOf(f.meters.twoZone)).filter((r) => Number(r.value) === 6900);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.status, "pending_review");
    assert.match(
      textOf(done.body),
      new RegExp(
        `Показники лічильника TWOZONE прийнято й передано операторові на перевірку\\. Номер квитанції: ${stored[0]!.receipt}`,
      ),
    );
  });
});
