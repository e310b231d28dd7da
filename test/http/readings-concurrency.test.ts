// Many submissions for one meter at the same instant: exactly one current reading, the full history kept.
// On PostgreSQL the requests really run in parallel (a pool of connections); the meter row lock queues them.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { forEachDatabase } from "../support/databases.ts";
import { call, quietApp, signInAs } from "../support/http.ts";
import { createReadingsFixture, PASSWORD, type ReadingsFixture } from "../support/readings-fixture.ts";

forEachDatabase("parallel submissions", (get) => {
  let app: FastifyInstance;
  let f: ReadingsFixture;
  let token: string;

  before(async () => {
    f = await createReadingsFixture(get().database);
    app = await quietApp(get().deps);
    token = await signInAs(app, f.users.olena, PASSWORD);
    get().setNow("2019-07-30T09:00:00Z");
  });

  const current = async (meterId: number) =>
    get()
      .database.db.selectFrom("readings")
      .select(["value", "status", "corrects_reading_id"])
      .where("meter_id", "=", meterId)
      .where("period", "=", "2019-07-01")
      .orderBy("id")
      .execute();

  test("20 different values at once: one accepted, 19 superseded, each correcting the one before", async () => {
    const values = Array.from({ length: 20 }, (_, i) => String(12_400 + i));
    const results = await Promise.all(
      values.map((value) =>
        call(app, "POST", `/api/accounts/${f.accounts.olena}/readings`, {
          token,
          body: { meterId: f.meters.single, value },
        }),
      ),
    );
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
    const rows = await current(f.meters.single);
    assert.equal(rows.length, 20);
    assert.equal(rows.filter((r) => r.status === "accepted").length, 1);
    assert.equal(rows.filter((r) => r.status === "superseded").length, 19);
    assert.equal(rows.filter((r) => r.corrects_reading_id === null).length, 1, "one chain of corrections");
  });

  test("the same value 15 times at once (a client retrying): stored once, one receipt for all", async () => {
    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        call(app, "POST", `/api/accounts/${f.accounts.olena}/readings`, {
          token,
          body: { meterId: f.meters.rollover, value: "99990" },
        }),
      ),
    );
    const receipts = new Set(results.map((r) => r.body.receipt));
    assert.equal(receipts.size, 1);
    assert.equal(results.filter((r) => r.status === 201).length, 1);
    const rows = await current(f.meters.rollover);
    assert.deepEqual(
      rows.map((r) => [r.value, r.status]),
      [["99990.000", "accepted"]],
    );
  });

  test("the same Idempotency-Key sent 10 times at once is answered 10 times with one stored reading", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(app, "POST", `/api/accounts/${f.accounts.olena}/readings`, {
          token,
          headers: { "idempotency-key": "parallel-key" },
          body: { meterId: f.meters.replacement, value: "60" },
        }),
      ),
    );
    for (const r of results) assert.deepEqual(r.body, results[0]!.body);
    const rows = await current(f.meters.replacement);
    assert.equal(rows.length, 1);
  });

  test("submissions that arrive together are answered each on its own: a refusal does not sink the others", async () => {
    const submit = (body: unknown) =>
      call(app, "POST", `/api/accounts/${f.accounts.olena}/readings`, { token, body });
    const [good, bad, otherGood, notMine] = await Promise.all([
      submit({
        meterId: f.meters.twoZone,
        values: [
          { zone: 1, value: "5610" },
          { zone: 2, value: "3260" },
        ],
      }),
      submit({ meterId: f.meters.overdue, value: "100" }),
      submit({ meterId: f.meters.single, value: "12600" }),
      call(app, "POST", `/api/accounts/${f.accounts.petro}/readings`, {
        token,
        body: { service: "electricity", value: "1" },
      }),
    ]);
    assert.equal(good!.status, 201, JSON.stringify(good!.body));
    assert.equal(bad!.body.error.code, "meter_verification_overdue");
    assert.equal(otherGood!.status, 201, JSON.stringify(otherGood!.body));
    assert.equal(notMine!.status, 404);
    const twoZone = await current(f.meters.twoZone);
    assert.deepEqual(
      twoZone.map((r) => [r.value, r.status]),
      [
        ["5610.000", "accepted"],
        ["3260.000", "accepted"],
      ],
    );
  });
});
