import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { allocateQuantity } from "./allocate-quantity.ts";

describe("allocateQuantity", () => {
  test("proportional, leftovers to the largest remainders, ties to the earlier index", () => {
    assert.deepEqual(allocateQuantity(100_000n, [150n, 100n]), [60_000n, 40_000n]);
    assert.deepEqual(allocateQuantity(10n, [1n, 1n, 1n]), [4n, 3n, 3n]);
    assert.deepEqual(allocateQuantity(2n, [1n, 2n, 2n]), [0n, 1n, 1n]);
  });

  test("zero over zero weights is zeros; a non-zero total over zero weights is refused", () => {
    assert.deepEqual(allocateQuantity(0n, [0n, 0n]), [0n, 0n]);
    assert.throws(() => allocateQuantity(5n, [0n, 0n]), RangeError);
  });

  test("parts sum exactly to the total and stay within one of the exact share", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 6 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0n));
          const parts = allocateQuantity(total, weights);
          assert.equal(
            parts.reduce((a, b) => a + b, 0n),
            total,
          );
          const sum = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((p, i) => {
            const floor = (total * weights[i]!) / sum;
            assert.ok(p === floor || p === floor + 1n);
          });
        },
      ),
    );
  });
});
