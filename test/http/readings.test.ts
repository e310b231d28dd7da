// submitReading over HTTP: every rule of the window, the values, roll-over, corrections, retries, access.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import { createReadingsFixture, PASSWORD, type ReadingsFixture } from "../support/readings-fixture.ts";

// Kyiv is UTC+3 in summer: 2019-07-30 12:00 Kyiv = 09:00Z.
const IN_WINDOW = "2019-07-30T09:00:00Z";

forEachDatabase("readings API", (get) => {
  let app: FastifyInstance;
  let f: ReadingsFixture;
  let olena: string;
  let petro: string;
  let operator: string;
  let waterOperator: string;

  before(async () => {
    f = await createReadingsFixture(get().database);
    app = await quietApp(get().deps);
    olena = await signInAs(app, f.users.olena, PASSWORD);
    petro = await signInAs(app, f.users.petro, PASSWORD);
    operator = await signInAs(app, f.users.operatorPower, PASSWORD);
    waterOperator = await signInAs(app, f.users.operatorWater, PASSWORD);
  });

  const submit = (
    token: string,
    accountId: number,
    body: unknown,
    extra: { lang?: "uk" | "ru" | "en"; headers?: Record<string, string> } = {},
  ) => call(app, "POST", `/api/accounts/${accountId}/readings`, { token, body, ...extra });

  test("a reading in the window is accepted with a receipt, its period and the deemed date of the 1st", async () => {
    get().setNow(IN_WINDOW);
    const res = await submit(olena, f.accounts.olena, { meterId: f.meters.single, value: "12 495,5" });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.status, "accepted");
    assert.match(res.body.receipt, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(res.body.period, "2019-07");
    assert.equal(res.body.deemedOn, "2019-08-01");
    assert.deepEqual(res.body.zones, [
      {
        zone: 1,
        value: "12495.5",
        previous: { value: "12345.0", deemedOn: "2019-07-01" },
        consumption: "150.500",
        rollover: false,
      },
    ]);
    const history = await call(
      app,
      "GET",
      `/api/accounts/${f.accounts.olena}/meters/${f.meters.single}/readings`,
      { token: olena },
    );
    assert.equal(history.body[0].rawInput, "12 495,5");
    assert.equal(history.body[0].channel, "api");
    assert.equal(history.body[0].receipt, res.body.receipt);
  });

  test("the window's edges are Kyiv midnights: closed a millisecond before it opens and from the midnight after it closes", async () => {
    const body = { meterId: f.meters.rollover, value: "99960" };
    get().setNow("2019-07-28T20:59:59.999Z"); // 23:59:59.999 on 28 July in Kyiv
    const before = await submit(olena, f.accounts.olena, body, { lang: "en" });
    assert.equal(before.status, 422);
    assert.equal(before.body.error.code, "window_closed");
    assert.deepEqual(before.body.error.details.next, {
      opensOn: "2019-07-29",
      closesOn: "2019-08-02",
      period: "2019-07",
    });
    assert.equal(
      before.body.error.message,
      "Readings are not being accepted now. The next submission window is 29 July 2019 to 2 August 2019.",
    );
    get().setNow("2019-07-28T21:00:00.000Z"); // 00:00 on 29 July in Kyiv
    assert.equal((await submit(olena, f.accounts.olena, body)).status, 201);
    get().setNow("2019-08-02T20:59:59.999Z"); // the last millisecond of 2 August in Kyiv
    assert.equal((await submit(olena, f.accounts.olena, { ...body, value: "99961" })).status, 201);
    get().setNow("2019-08-02T21:00:00.000Z");
    const after = await submit(olena, f.accounts.olena, { ...body, value: "99962" }, { lang: "uk" });
    assert.equal(after.body.error.code, "window_closed");
    assert.match(after.body.error.message, /з 29 серпня 2019 по 2 вересня 2019\./);
  });

  test("a provider that takes late readings counts them for its next window", async () => {
    get().setNow("2019-07-27T09:00:00Z"); // after the water window (10th–25th) closed
    const res = await submit(olena, f.accounts.water, { value: "105,25" });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.late, true);
    assert.equal(res.body.period, "2019-08");
    assert.equal(res.body.zones[0].consumption, "5.250");
  });

  test("values are read as people type them, and bad ones are refused with a reason in each language", async () => {
    get().setNow(IN_WINDOW);
    const cases: [string, string, Record<string, RegExp>][] = [
      ["", "reading_empty", { uk: /Введіть показання/, ru: /Введите показания/, en: /enter the reading/ }],
      [
        "12a45",
        "reading_not_a_number",
        { uk: /мають бути числом/, ru: /должны быть числом/, en: /must be a number/ },
      ],
      [
        "12495,55",
        "reading_too_many_decimals",
        {
          uk: /не більше 1 знака після коми/,
          ru: /не больше 1 знака после запятой/,
          en: /at most 1 decimal place\b/,
        },
      ],
      ["123456", "reading_too_many_digits", { uk: /лише 5 цифр/, ru: /только 5 цифр/, en: /only 5 digits/ }],
      ["-5", "reading_negative", { uk: /відʼємними/, ru: /отрицательными/, en: /cannot be negative/ }],
    ];
    for (const [value, code, messages] of cases) {
      for (const lang of ["uk", "ru", "en"] as const) {
        const res = await submit(olena, f.accounts.olena, { meterId: f.meters.single, value }, { lang });
        assert.equal(res.status, 422, `${value}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, code);
        assert.match(res.body.error.message, messages[lang]!);
      }
    }
  });

  test("a value below the previous one is refused, naming the previous reading and its date", async () => {
    get().setNow(IN_WINDOW);
    const expected = {
      uk: "Показання 12 000 (зона «день») менші за попередні: 5 500 від 1 липня 2019. Перевірте цифри.",
      ru: "Показания 12 000 (зона «день») меньше предыдущих: 5 500 от 1 июля 2019. Проверьте цифры.",
      en: "The reading 12,000 (day zone) is below the previous one: 5,500 on 1 July 2019. Please check the digits.",
    };
    for (const lang of ["uk", "ru", "en"] as const) {
      const res = await submit(
        olena,
        f.accounts.olena,
        {
          meterId: f.meters.twoZone,
          values: [
            { zone: 1, value: "4999" },
            { zone: 2, value: "3300" },
          ],
        },
        { lang },
      );
      assert.equal(res.body.error.code, "reading_below_previous");
      assert.deepEqual(res.body.error.details.previous, { value: "5500", deemedOn: "2019-07-01" });
      assert.equal(
        res.body.error.message.replace(/[\u00a0\u202f]/g, " "),
        expected[lang].replace("12 000", "4 999").replace("12,000", "4,999"),
      );
    }
  });

  test("every zone of a two-zone meter comes in one submission", async () => {
    get().setNow(IN_WINDOW);
    const one = await submit(olena, f.accounts.olena, {
      meterId: f.meters.twoZone,
      values: [{ zone: 1, value: "5600" }],
    });
    assert.equal(one.body.error.code, "reading_zones_mismatch");
    const both = await submit(olena, f.accounts.olena, {
      meterId: f.meters.twoZone,
      values: [
        { zone: 2, value: "3300" },
        { zone: 1, value: "5600" },
      ],
    });
    assert.equal(both.status, 201, JSON.stringify(both.body));
    assert.deepEqual(
      both.body.zones.map((z: { zone: number; consumption: string }) => [z.zone, z.consumption]),
      [
        [1, "100.000"],
        [2, "50.000"],
      ],
    );
  });

  test("a meter that rolled over is accepted with the consumption across zero", async () => {
    get().setNow("2019-07-31T09:00:00Z");
    const res = await submit(olena, f.accounts.olena, { meterId: f.meters.rollover, value: "00030" });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // Corrects the earlier submissions of this window; the previous accepted reading is 99 950 of 1 July.
    assert.deepEqual(res.body.zones[0].previous, { value: "99950", deemedOn: "2019-07-01" });
    assert.equal(res.body.zones[0].consumption, "80.000");
    assert.equal(res.body.zones[0].rollover, true);
    assert.equal(res.body.correction, true);
  });

  test("a second submission in the window corrects the first, both kept; the same value again changes nothing", async () => {
    get().setNow(IN_WINDOW);
    const first = await submit(olena, f.accounts.olena, { meterId: f.meters.single, value: "12500" });
    assert.equal(first.body.correction, true);
    const again = await submit(olena, f.accounts.olena, { meterId: f.meters.single, value: "12500,0" });
    assert.equal(again.status, 200);
    assert.equal(again.body.unchanged, true);
    assert.equal(again.body.receipt, first.body.receipt);
    const history = await call(
      app,
      "GET",
      `/api/accounts/${f.accounts.olena}/meters/${f.meters.single}/readings`,
      { token: olena },
    );
    const july = history.body.filter((r: { period: string }) => r.period === "2019-07");
    assert.deepEqual(
      july.map((r: { value: string; status: string }) => [r.value, r.status]),
      [
        ["12500.0", "accepted"],
        ["12495.5", "superseded"],
      ],
    );
    assert.equal(july[0].correctsReadingId, july[1].id);
  });

  test("an unusually high consumption asks for confirmation, then is stored for an operator's review", async () => {
    get().setNow(IN_WINDOW);
    // 1 400 kWh of day use in a month against about 100 before: far above this meter's own average.
    const body = {
      meterId: f.meters.twoZone,
      values: [
        { zone: 1, value: "6900" },
        { zone: 2, value: "3300" },
      ],
    };
    const ask = await submit(olena, f.accounts.olena, body);
    assert.equal(ask.status, 200);
    assert.equal(ask.body.status, "needs_confirmation");
    assert.equal(ask.body.reason, "above_own_average");
    const history = await call(
      app,
      "GET",
      `/api/accounts/${f.accounts.olena}/meters/${f.meters.twoZone}/readings`,
      { token: olena },
    );
    assert.equal(
      history.body.filter((r: { value: string }) => r.value === "6900").length,
      0,
      "nothing stored before confirmation",
    );
    const confirmed = await submit(olena, f.accounts.olena, { ...body, confirmed: true });
    assert.equal(confirmed.status, 201);
    assert.equal(confirmed.body.review, true);
    const after = await call(
      app,
      "GET",
      `/api/accounts/${f.accounts.olena}/meters/${f.meters.twoZone}/readings`,
      { token: olena },
    );
    assert.equal(after.body[0].status, "pending_review");
    assert.equal(after.body[0].reviewReason, "above_own_average");
  });

  test("a retried request with the same Idempotency-Key gets the same answer and stores nothing twice", async () => {
    get().setNow(IN_WINDOW);
    const headers = { "idempotency-key": "retry-1" };
    const body = { meterId: f.meters.single, value: "12510" };
    const first = await submit(olena, f.accounts.olena, body, { headers });
    const second = await submit(olena, f.accounts.olena, body, { headers });
    assert.equal(first.status, 201);
    assert.deepEqual(second.body, first.body);
    const history = await call(
      app,
      "GET",
      `/api/accounts/${f.accounts.olena}/meters/${f.meters.single}/readings`,
      { token: olena },
    );
    assert.equal(history.body.filter((r: { value: string }) => r.value === "12510.0").length, 1);
    const reused = await submit(olena, f.accounts.olena, { ...body, value: "12511" }, { headers });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, "idempotency_key_reused");
  });

  test("a removed meter and a meter past verification get a clear answer", async () => {
    get().setNow(IN_WINDOW);
    const removed = await submit(
      olena,
      f.accounts.olena,
      { meterId: f.meters.removed, value: "12100" },
      { lang: "uk" },
    );
    assert.equal(removed.body.error.code, "meter_removed");
    assert.match(removed.body.error.message, /Лічильник OLD знято 15 червня 2019\. Показання/);
    const overdue = await submit(
      olena,
      f.accounts.olena,
      { meterId: f.meters.overdue, value: "100" },
      { lang: "ru" },
    );
    assert.equal(overdue.body.error.code, "meter_verification_overdue");
    assert.match(
      overdue.body.error.message,
      /Срок поверки счётчика OVERDUE истёк 1 января 2019\. Обратитесь/,
    );
  });

  test("after a meter replacement the new meter counts from its initial reading: no negative, nothing lost", async () => {
    get().setNow(IN_WINDOW);
    const res = await submit(olena, f.accounts.olena, { meterId: f.meters.replacement, value: "50" });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.zones[0].previous, { value: "5", deemedOn: "2019-06-15" });
    assert.equal(res.body.zones[0].consumption, "45.000");
  });

  test("the meters list shows last readings and whether the window is open, until when and what comes next", async () => {
    get().setNow("2019-07-31T09:00:00Z");
    const res = await call(app, "GET", `/api/accounts/${f.accounts.olena}/meters`, { token: olena });
    assert.equal(res.status, 200);
    const single = res.body.find((m: { id: number }) => m.id === f.meters.single);
    assert.equal(single.window.open, true);
    assert.equal(single.window.daysLeft, 3);
    assert.equal(single.window.current.closesOn, "2019-08-02");
    assert.equal(single.window.next.opensOn, "2019-08-29");
    assert.equal(single.lastReadings[0].value, "12510.0");
    assert.ok(
      !res.body.some((m: { id: number }) => m.id === f.meters.removed),
      "a removed meter is not offered",
    );
    get().setNow("2019-07-15T09:00:00Z");
    const closed = await call(app, "GET", `/api/accounts/${f.accounts.olena}/meters`, { token: olena });
    const c = closed.body.find((m: { id: number }) => m.id === f.meters.single);
    assert.equal(c.window.open, false);
    assert.equal(c.window.daysLeft, null);
    assert.equal(c.window.next.opensOn, "2019-07-29");
  });

  test("another resident's or another provider's account is not found (404), never forbidden", async () => {
    get().setNow(IN_WINDOW);
    for (const [token, accountId] of [
      [petro, f.accounts.olena],
      [olena, f.accounts.petro],
      [waterOperator, f.accounts.olena],
      [olena, 999_999],
    ] as const) {
      const meters = await call(app, "GET", `/api/accounts/${accountId}/meters`, { token });
      assert.equal(meters.status, 404);
      assert.equal(meters.body.error.code, "not_found");
      const res = await submit(token, accountId, { service: "electricity", value: "1" });
      assert.equal(res.status, 404);
    }
    const anonymous = await call(app, "GET", `/api/accounts/${f.accounts.olena}/meters`);
    assert.equal(anonymous.status, 401);
    const mine = await call(app, "GET", "/api/accounts", { token: petro });
    assert.deepEqual(
      mine.body.map((a: { id: number }) => a.id),
      [f.accounts.petro],
    );
  });

  test("an operator enters a reading for a caller of their provider, through the same service", async () => {
    get().setNow(IN_WINDOW);
    const res = await submit(operator, f.accounts.petro, { service: "electricity", value: "1" });
    // Petro's account has no meter: not found; Olena's meters are reachable for the operator.
    assert.equal(res.status, 404);
    const ok = await submit(operator, f.accounts.olena, { meterId: f.meters.single, value: "12520" });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const history = await call(
      app,
      "GET",
      `/api/accounts/${f.accounts.olena}/meters/${f.meters.single}/readings`,
      { token: olena },
    );
    assert.equal(history.body[0].channel, "contact_centre");
  });

  test("a personal API token lets a home-automation tool submit", async () => {
    get().setNow(IN_WINDOW);
    const created = await call(app, "POST", "/api/tokens", {
      token: olena,
      body: { name: "Home Assistant" },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const res = await submit(created.body.token, f.accounts.olena, {
      meterId: f.meters.single,
      value: "12530",
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  test("the OpenAPI document names the operations after the services", async () => {
    const res = await call(app, "GET", "/api/openapi.json");
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, "3.1.0");
    const ids = Object.values(
      res.body.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((p) => Object.values(p).map((op) => op.operationId));
    for (const id of [
      "submitReading",
      "listMyAccounts",
      "listAccountMeters",
      "listMeterReadings",
      "signIn",
    ]) {
      assert.ok(ids.includes(id), `${id} in ${ids.join(", ")}`);
    }
  });

  test("naming only the service when an account has several such meters asks which one, in each language", async () => {
    get().setNow(IN_WINDOW);
    const expected = { uk: /кілька лічильників/, ru: /несколько счётчиков/, en: /several meters/ };
    for (const lang of ["uk", "ru", "en"] as const) {
      const res = await submit(olena, f.accounts.olena, { service: "electricity", value: "1" }, { lang });
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, "meter_not_chosen");
      assert.match(res.body.error.message, expected[lang]);
      assert.ok(res.body.error.details.meters.some((m: { id: number }) => m.id === f.meters.single));
      const zones = await submit(
        olena,
        f.accounts.olena,
        { meterId: f.meters.twoZone, value: "1" },
        { lang },
      );
      assert.equal(zones.body.error.code, "reading_zones_mismatch");
      assert.match(
        zones.body.error.message,
        { uk: /має 2 зони\./, ru: /счётчика 2 зоны\./, en: /has 2 zones\./ }[lang],
      );
    }
    // The only water meter of an account is found by its service alone.
    const water = await submit(olena, f.accounts.water, { service: "cold_water", value: "106" });
    assert.equal(water.body.meterId, f.meters.water);
  });
});
