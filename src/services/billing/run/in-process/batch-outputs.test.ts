import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { ReadingPair } from "../../../../domain/billing/register-month.ts";
import { droppedPairs } from "./batch-outputs.ts";

const pair = fc.record({ from: fc.nat(30_000), to: fc.nat(30_000), used: fc.nat(10 ** 9) });

test("a state's pairs dropped from its front are counted, and the kept rest with the new ones is what was computed", () => {
  fc.assert(
    fc.property(
      fc.array(pair, { maxLength: 15 }),
      fc.nat(16),
      fc.array(pair, { maxLength: 3 }),
      (before, k, added) => {
        const dropped = Math.min(k, before.length);
        const after = [...before.slice(dropped), ...added];
        assert.equal(droppedPairs(before, after), dropped);
        // What the update rebuilds: the row's pairs from the dropped count on, then the pairs sent.
        const sent = after.slice(before.length - dropped);
        assert.deepEqual([...before.slice(dropped), ...sent], after);
      },
    ),
  );
});

test("pairs that are not the old ones' rest (one dropped from the middle) are written whole; any other order is rebuilt exactly", () => {
  const a: ReadingPair = { from: 1, to: 31, used: 5 };
  const b: ReadingPair = { from: 31, to: 61, used: 6 };
  const c: ReadingPair = { from: 61, to: 92, used: 7 };
  assert.equal(droppedPairs([a, b, c], [a, c]), null);
  // Equal copies are not the same objects: all of the old ones count as dropped and the copies are sent.
  assert.equal(droppedPairs([a, b], [{ ...a }, { ...b }]), 2);
  // The rest of the old ones (b) is kept, and a is sent again after it.
  assert.equal(droppedPairs([a, b], [b, a]), 1);
  assert.equal(droppedPairs([a, b, c], []), 3);
  assert.equal(droppedPairs([], [a]), 0);
});
