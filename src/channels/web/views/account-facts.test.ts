// The home page's one next action and "this window's reading is in", from an account's meters and money.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { nextAction, readingGivenThisWindow } from "./account-facts.ts";

function meter(open: boolean, readings: { zone: number; period: string }[], zones = 1): MeterView {
  const occurrence = {
    period: "2019-07",
    opensOn: "2019-07-29",
    closesOn: "2019-08-02",
    opensAt: "2019-07-28T21:00:00.000Z",
    closesAt: "2019-08-02T21:00:00.000Z",
  };
  return {
    id: 1,
    service: "electricity",
    serial: "S",
    zones,
    digits: 5,
    decimals: 0,
    verificationDue: null,
    installedOn: "2015-01-01",
    removedOn: null,
    lastReadings: readings.map((r) => ({
      ...r,
      value: "1",
      deemedOn: "2019-08-01",
      status: "accepted",
      receipt: "R",
      channel: "web",
    })),
    window: {
      open,
      current: open ? occurrence : null,
      daysLeft: open ? 3 : null,
      next: occurrence,
      deemedDateRule: "first_of_month",
      latePolicy: "refuse",
      opensDay: -3,
      closesDay: 2,
      ruleSource: "",
    },
  };
}

test("a reading is in for the window only when every zone has one for the window's month", () => {
  assert.equal(readingGivenThisWindow(meter(true, [{ zone: 1, period: "2019-07" }])), true);
  assert.equal(readingGivenThisWindow(meter(true, [{ zone: 1, period: "2019-06" }])), false, "last month's");
  assert.equal(readingGivenThisWindow(meter(true, [{ zone: 1, period: "2019-07" }], 2)), false, "one zone");
  assert.equal(readingGivenThisWindow(meter(false, [{ zone: 1, period: "2019-07" }])), false, "closed");
});

test("the next action: a reading while a window waits for one, then paying, then nothing", () => {
  const waiting = meter(true, [{ zone: 1, period: "2019-06" }]);
  const given = meter(true, [{ zone: 1, period: "2019-07" }]);
  const closed = meter(false, []);
  assert.deepEqual(nextAction([given, waiting], 500), { kind: "submit" });
  assert.deepEqual(nextAction([given, closed], 500), { kind: "pay", amountKop: 500 });
  assert.deepEqual(nextAction([closed], 0), { kind: "none" });
  assert.deepEqual(nextAction([], -100), { kind: "none" }, "paid ahead");
});
