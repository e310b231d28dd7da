import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fromEpochDay } from "../../../../domain/local-date.ts";
import { pairsOfText } from "./state-pairs-text.ts";

const pair = fc.record({
  // 1900-01-01 … 2199-12-31: every date a register state can hold, and leap days and centuries around them.
  from: fc.integer({ min: -25_567, max: 84_005 }),
  to: fc.integer({ min: -25_567, max: 84_005 }),
  used: fc.maxSafeInteger().map(Math.abs),
});

test("a state's pair arrays, as PostgreSQL writes them, read back as the pairs they hold", () => {
  fc.assert(
    fc.property(fc.array(pair, { maxLength: 15 }), (pairs) => {
      const text = (xs: (string | number)[]) => `{${xs.join(",")}}`;
      const read = pairsOfText(
        text(pairs.map((p) => fromEpochDay(p.from))),
        text(pairs.map((p) => fromEpochDay(p.to))),
        text(pairs.map((p) => p.used)),
      );
      assert.deepEqual(
        read,
        pairs.map((p) => ({ ...p })),
      );
    }),
  );
});

test("text that is not three arrays of one length of ISO dates and integers is refused, not misread", () => {
  assert.deepEqual(pairsOfText("{}", "{}", "{}"), []);
  assert.deepEqual(pairsOfText("{2024-02-29}", "{2024-03-31}", "{-5}"), [
    { from: 19_782, to: 19_813, used: -5 },
  ]);
  assert.throws(() => pairsOfText("{02/29/2024}", "{2024-03-31}", "{5}"), /ISO style/);
  assert.throws(() => pairsOfText("{2024-02-29}", "{}", "{5}"), /unequal/);
  assert.throws(() => pairsOfText("{2024-02-29}", "{2024-03-31}", "{5,6}"), /unequal/);
  assert.throws(() => pairsOfText("{2024-02-29}", "{2024-03-31}", "{NULL}"), /not a number/);
});
