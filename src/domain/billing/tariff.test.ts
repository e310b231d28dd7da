import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { parseLocalDate } from "../local-date.ts";
import { kop, MoneyFormatError } from "../money.ts";
import {
  blockQuantities,
  lineAmountKop,
  type MeterZones,
  priceConsumption,
  splitBlocksOverZones,
  type Tariff,
  TariffError,
  validateTariff,
  type ZoneUsage,
} from "./tariff.ts";
import { ELECTRICITY_2019, u } from "./test-tariffs.ts";

const one = (used: bigint): ZoneUsage[] => [{ zone: 1, used }];

describe("priceConsumption: single-zone meter", () => {
  test("250 kWh → 100 × 0.90 + 150 × 1.68 = 90.00 + 252.00 = 342.00 UAH", () => {
    assert.deepEqual(priceConsumption(ELECTRICITY_2019, one(u(250)), 1), {
      lines: [
        { kind: "block", block: 1, quantity: u(100), priceUah: "0.90", amountKop: kop(9000) },
        { kind: "block", block: 2, quantity: u(150), priceUah: "1.68", amountKop: kop(25200) },
      ],
      totalKop: kop(34200),
    });
  });

  test("exactly at the block edge: 100 kWh is all in the first block; 0.001 kWh more opens the second", () => {
    assert.deepEqual(priceConsumption(ELECTRICITY_2019, one(u(100)), 1), {
      lines: [{ kind: "block", block: 1, quantity: u(100), priceUah: "0.90", amountKop: kop(9000) }],
      totalKop: kop(9000),
    });
    const above = priceConsumption(ELECTRICITY_2019, one(u(100) + 1n), 1);
    assert.deepEqual(
      above.lines.map((l) => [l.block, l.quantity, l.amountKop]),
      [
        [1, u(100), 9000],
        [2, 1n, 0], // 0.001 kWh × 1.68 = 0.00168 UAH: a line, worth 0 kop
      ],
    );
  });

  test("zero consumption: no lines, nothing to pay", () => {
    assert.deepEqual(priceConsumption(ELECTRICITY_2019, one(0n), 1), { lines: [], totalKop: 0 });
  });

  test("each line rounds to the kopiyka, half away from zero", () => {
    // 33.333 kWh × 0.90 = 29.9997 → 30.00
    assert.equal(priceConsumption(ELECTRICITY_2019, one(33_333n), 1).totalKop, 3000);
    // 0.010 kWh × 0.50 = 0.005 UAH → 0.01
    const half: Tariff = { ...ELECTRICITY_2019, blocks: [{ upTo: null, priceUah: "0.5" }] };
    assert.equal(priceConsumption(half, one(10n), 1).totalKop, 1);
    // 100.5 kWh: 90.00 + 0.5 × 1.68 = 0.84 → 90.84
    assert.equal(priceConsumption(ELECTRICITY_2019, one(100_500n), 1).totalKop, 9084);
  });

  test("zone coefficients are ignored on a single-zone meter", () => {
    const lines = priceConsumption(ELECTRICITY_2019, one(u(50)), 1).lines;
    assert.deepEqual(lines, [
      { kind: "block", block: 1, quantity: u(50), priceUah: "0.90", amountKop: 4500 },
    ]);
  });
});

describe("priceConsumption: multi-zone meters", () => {
  test("two-zone day 150 / night 100 kWh: blocks split 60/40 per zone → 273.60 UAH", () => {
    const priced = priceConsumption(
      ELECTRICITY_2019,
      [
        { zone: 2, used: u(100) },
        { zone: 1, used: u(150) },
      ],
      2,
    );
    assert.deepEqual(priced, {
      lines: [
        {
          kind: "zone",
          meterZones: 2,
          zone: 1,
          block: 1,
          quantity: u(60),
          priceUah: "0.90",
          coefficient: "1.0",
          amountKop: 5400,
        },
        {
          kind: "zone",
          meterZones: 2,
          zone: 1,
          block: 2,
          quantity: u(90),
          priceUah: "1.68",
          coefficient: "1.0",
          amountKop: 15120,
        },
        {
          kind: "zone",
          meterZones: 2,
          zone: 2,
          block: 1,
          quantity: u(40),
          priceUah: "0.90",
          coefficient: "0.5",
          amountKop: 1800,
        },
        {
          kind: "zone",
          meterZones: 2,
          zone: 2,
          block: 2,
          quantity: u(60),
          priceUah: "1.68",
          coefficient: "0.5",
          amountKop: 5040,
        },
      ],
      totalKop: 27360,
    });
  });

  test("three-zone peak 60 / half-peak 90 / night 150 kWh → 340.80 UAH", () => {
    // Total 300: shares 0.2 / 0.3 / 0.5 of block 1 (100) and block 2 (200).
    // peak 20 × 0.90 × 1.5 = 27.00, 40 × 1.68 × 1.5 = 100.80; half-peak 27.00, 100.80;
    // night 50 × 0.90 × 0.4 = 18.00, 100 × 1.68 × 0.4 = 67.20.
    const priced = priceConsumption(
      ELECTRICITY_2019,
      [
        { zone: 1, used: u(60) },
        { zone: 2, used: u(90) },
        { zone: 3, used: u(150) },
      ],
      3,
    );
    assert.deepEqual(
      priced.lines.map((l) => [l.zone, l.block, l.quantity, l.coefficient, l.amountKop]),
      [
        [1, 1, u(20), "1.5", 2700],
        [1, 2, u(40), "1.5", 10080],
        [2, 1, u(30), "1.0", 2700],
        [2, 2, u(60), "1.0", 10080],
        [3, 1, u(50), "0.4", 1800],
        [3, 2, u(100), "0.4", 6720],
      ],
    );
    assert.equal(priced.totalKop, 34080);
  });

  test("two-zone below the first ceiling: only block-1 lines", () => {
    const priced = priceConsumption(
      ELECTRICITY_2019,
      [
        { zone: 1, used: u(70) },
        { zone: 2, used: u(30) },
      ],
      2,
    );
    // 70 × 0.90 = 63.00; 30 × 0.90 × 0.5 = 13.50
    assert.deepEqual(
      priced.lines.map((l) => [l.zone, l.block, l.amountKop]),
      [
        [1, 1, 6300],
        [2, 1, 1350],
      ],
    );
  });

  test("zero consumption on a two-zone meter: no lines", () => {
    const priced = priceConsumption(
      ELECTRICITY_2019,
      [
        { zone: 1, used: 0n },
        { zone: 2, used: 0n },
      ],
      2,
    );
    assert.deepEqual(priced, { lines: [], totalKop: 0 });
  });

  test("a zone with no use gets no lines", () => {
    const priced = priceConsumption(
      ELECTRICITY_2019,
      [
        { zone: 1, used: 0n },
        { zone: 2, used: u(200) },
      ],
      2,
    );
    // 100 × 0.90 × 0.5 = 45.00; 100 × 1.68 × 0.5 = 84.00
    assert.deepEqual(
      priced.lines.map((l) => [l.zone, l.block, l.quantity, l.amountKop]),
      [
        [2, 1, u(100), 4500],
        [2, 2, u(100), 8400],
      ],
    );
  });

  test("thousandths that do not split evenly: rounded cumulative shares, the last zone takes the rest", () => {
    // Ceiling 0.100 kWh; day 1.000, night 2.000 kWh, T = 3000, cumulative B = 100, 3000.
    // Day: C = round(1000 × 100 / 3000) = round(33.33) = 33, then 1000 → pieces 33 / 967;
    // night takes the rest: 100 − 33 = 67 and 2900 − 967 = 1933.
    const tiny: Tariff = {
      ...ELECTRICITY_2019,
      blocks: [
        { upTo: 100n, priceUah: "1" },
        { upTo: null, priceUah: "2" },
      ],
    };
    const priced = priceConsumption(
      tiny,
      [
        { zone: 1, used: 1000n },
        { zone: 2, used: 2000n },
      ],
      2,
    );
    assert.deepEqual(
      priced.lines.map((l) => [l.zone, l.block, l.quantity]),
      [
        [1, 1, 33n],
        [1, 2, 967n],
        [2, 1, 67n],
        [2, 2, 1933n],
      ],
    );
  });

  test("price × coefficient is rounded once, not twice", () => {
    // 0.1 kWh × 1.68 × 0.5 = 0.084 UAH → 0.08; rounding 0.168 → 0.17 first would give 0.09.
    assert.equal(lineAmountKop(100n, "1.68", "0.5"), 8);
    assert.equal(lineAmountKop(100n, "1.68"), 17);
  });

  test("refuses usage that does not list each zone exactly once", () => {
    assert.throws(() => priceConsumption(ELECTRICITY_2019, one(u(1)), 2), /zones 1\.\.2/);
    assert.throws(
      () =>
        priceConsumption(
          ELECTRICITY_2019,
          [
            { zone: 1, used: 1n },
            { zone: 1, used: 1n },
          ],
          2,
        ),
      /zones 1\.\.2/,
    );
    assert.throws(() => priceConsumption(ELECTRICITY_2019, [{ zone: 2, used: 1n }], 1), RangeError);
    assert.throws(() => priceConsumption(ELECTRICITY_2019, one(-1n), 1), /negative/);
  });

  test("refuses a multi-zone meter when the tariff has no coefficient for its zones", () => {
    const noZones: Tariff = { ...ELECTRICITY_2019, zones: [] };
    assert.throws(
      () =>
        priceConsumption(
          noZones,
          [
            { zone: 1, used: 1n },
            { zone: 2, used: 1n },
          ],
          2,
        ),
      TariffError,
    );
  });
});

describe("blockQuantities", () => {
  const blocks = ELECTRICITY_2019.blocks;
  test("splits the total at the ceilings", () => {
    assert.deepEqual(blockQuantities(0n, blocks), [0n, 0n]);
    assert.deepEqual(blockQuantities(u(40), blocks), [u(40), 0n]);
    assert.deepEqual(blockQuantities(u(100), blocks), [u(100), 0n]);
    assert.deepEqual(blockQuantities(u(250), blocks), [u(100), u(150)]);
  });

  test("equal (prorated) ceilings leave a block empty", () => {
    const b = [
      { upTo: 5n, priceUah: "1" },
      { upTo: 5n, priceUah: "2" },
      { upTo: null, priceUah: "3" },
    ];
    assert.deepEqual(blockQuantities(8n, b), [5n, 0n, 3n]);
  });

  test("refuses consumption beyond the last ceiling", () => {
    const capped = [{ upTo: u(100), priceUah: "0.90" }];
    assert.deepEqual(blockQuantities(u(100), capped), [u(100)]);
    assert.throws(() => blockQuantities(u(100) + 1n, capped), TariffError);
  });
});

describe("validateTariff", () => {
  const bad =
    (patch: Partial<Tariff>): (() => void) =>
    () =>
      validateTariff({ ...ELECTRICITY_2019, ...patch });
  test("accepts the 2019 tariff", () => {
    validateTariff(ELECTRICITY_2019);
  });
  test("refuses malformed tariffs", () => {
    assert.throws(bad({ blocks: [] }), TariffError);
    assert.throws(
      bad({
        blocks: [
          { upTo: null, priceUah: "1" },
          { upTo: u(100), priceUah: "2" },
        ],
      }),
      /last block/,
    );
    assert.throws(
      bad({
        blocks: [
          { upTo: u(100), priceUah: "1" },
          { upTo: u(100), priceUah: "2" },
        ],
      }),
      /increase/,
    );
    assert.throws(bad({ blocks: [{ upTo: 0n, priceUah: "1" }] }), /increase/);
    assert.throws(bad({ blocks: [{ upTo: null, priceUah: "-1" }] }), /negative price/);
    assert.throws(bad({ blocks: [{ upTo: null, priceUah: "0.1234567" }] }), MoneyFormatError);
    assert.throws(bad({ effectiveTo: parseLocalDate("2019-01-01") }), /on or before/);
    assert.throws(bad({ fixedFeeKop: kop(-1) }), /negative/);
    assert.throws(bad({ zones: [{ zones: 2, zone: 3, name: "night", coefficient: "0.5" }] }), /No zone 3/);
    assert.throws(bad({ zones: [{ zones: 2, zone: 2, name: "night", coefficient: "0" }] }), /positive/);
    assert.throws(
      bad({
        zones: [
          { zones: 2, zone: 2, name: "night", coefficient: "0.5" },
          { zones: 2, zone: 2, name: "night", coefficient: "0.4" },
        ],
      }),
      /twice/,
    );
  });
});

describe("priceConsumption: properties", () => {
  const usageArb = (zones: MeterZones) =>
    fc.array(fc.bigInt({ min: 0n, max: u(3000) }), { minLength: zones, maxLength: zones });
  const toUsage = (xs: bigint[]): ZoneUsage[] => xs.map((used, i) => ({ zone: i + 1, used }));
  const zonesArb = fc.constantFrom<MeterZones>(2, 3);

  test("single zone: the price never falls as consumption grows", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: u(5000) }), fc.bigInt({ min: 0n, max: u(500) }), (a, extra) => {
        const low = priceConsumption(ELECTRICITY_2019, one(a), 1).totalKop;
        const high = priceConsumption(ELECTRICITY_2019, one(a + extra), 1).totalKop;
        assert.ok(high >= low, `${a} → ${low}, ${a + extra} → ${high}`);
      }),
    );
  });

  // Up to four blocks with random ceilings and small uses, so that shares rarely divide
  // evenly and remainders often tie.
  const blocksArb = fc
    .uniqueArray(fc.bigInt({ min: 1n, max: 2000n }), { minLength: 0, maxLength: 3 })
    .map((ceilings) => [
      ...ceilings.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((upTo) => ({ upTo, priceUah: "1.5" })),
      { upTo: null, priceUah: "2" },
    ]);
  const smallUsageArb = (zones: MeterZones) =>
    fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 10n }), fc.bigInt({ min: 0n, max: 3000n })), {
      minLength: zones,
      maxLength: zones,
    });

  test("zone pieces sum exactly to each zone's use and to each block", () => {
    fc.assert(
      fc.property(
        blocksArb,
        zonesArb.chain((z) => fc.tuple(fc.constant(z), fc.oneof(smallUsageArb(z), usageArb(z)))),
        (blocks, [zones, used]) => {
          const tariff = { ...ELECTRICITY_2019, blocks };
          const { lines } = priceConsumption(tariff, toUsage(used), zones);
          assert.ok(lines.every((l) => l.quantity > 0n));
          used.forEach((x, i) => {
            const sum = lines.filter((l) => l.zone === i + 1).reduce((a, l) => a + l.quantity, 0n);
            assert.equal(sum, x);
          });
          const total = used.reduce((a, b) => a + b, 0n);
          blockQuantities(total, blocks).forEach((q, i) => {
            const sum = lines.filter((l) => l.block === i + 1).reduce((a, l) => a + l.quantity, 0n);
            assert.equal(sum, q);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  test("three zones of 0.001 kWh over a 0.001 kWh first block: no zone gets two pieces", () => {
    // T = 3, cumulative B = 1, 3. Zone 1: round(1 × 1 / 3) = 0, round(1 × 3 / 3) = 1 →
    // nothing of block 1, 1 of block 2; left B = 1, 2 of T = 2. Zone 2: round(1 × 1 / 2)
    // = round(0.5) = 1 (half up), round(1 × 2 / 2) = 1 → 1 of block 1, nothing of block 2;
    // left B = 0, 1. Zone 3 takes the rest: nothing of block 1, 1 of block 2.
    const tiny: Tariff = {
      ...ELECTRICITY_2019,
      blocks: [
        { upTo: 1n, priceUah: "1" },
        { upTo: null, priceUah: "2" },
      ],
    };
    const { lines } = priceConsumption(tiny, toUsage([1n, 1n, 1n]), 3);
    assert.deepEqual(
      lines.map((l) => [l.zone, l.block, l.quantity]),
      [
        [1, 2, 1n],
        [2, 1, 1n],
        [3, 2, 1n],
      ],
    );
  });

  test("each zone's piece of a block is within a thousandth or two of its exact share", () => {
    fc.assert(
      fc.property(
        zonesArb.chain((z) => fc.tuple(fc.constant(z), usageArb(z))),
        ([zones, used]) => {
          const total = used.reduce((a, b) => a + b, 0n);
          fc.pre(total > 0n);
          const { lines } = priceConsumption(ELECTRICITY_2019, toUsage(used), zones);
          const perBlock = blockQuantities(total, ELECTRICITY_2019.blocks);
          used.forEach((x, z) => {
            perBlock.forEach((q, b) => {
              const piece = lines.find((l) => l.zone === z + 1 && l.block === b + 1)?.quantity ?? 0n;
              // |piece × total − q × x| < 2 × total
              const diff = piece * total - q * x;
              assert.ok(diff < 2n * total && -diff < 2n * total, `zone ${z + 1} block ${b + 1}: ${piece}`);
            });
          });
        },
      ),
    );
  });

  test("with every coefficient 1, zones cost what one zone costs, up to the extra roundings", () => {
    const flat: Tariff = {
      ...ELECTRICITY_2019,
      zones: [1, 2, 3].flatMap((zone) =>
        ([2, 3] as const)
          .filter((zones) => zone <= zones)
          .map((zones) => ({ zones, zone, name: "day" as const, coefficient: "1" })),
      ),
    };
    fc.assert(
      fc.property(
        zonesArb.chain((z) => fc.tuple(fc.constant(z), usageArb(z))),
        ([zones, used]) => {
          const total = used.reduce((a, b) => a + b, 0n);
          const single = priceConsumption(flat, one(total), 1);
          const multi = priceConsumption(flat, toUsage(used), zones);
          const slack = multi.lines.length + single.lines.length;
          assert.ok(Math.abs(multi.totalKop - single.totalKop) <= slack);
        },
      ),
    );
  });
});

describe("splitBlocksOverZones", () => {
  test("a single zone gets the blocks themselves", () => {
    assert.deepEqual(splitBlocksOverZones([5n, 0n, 3n], [8n]), [[5n, 0n, 3n]]);
  });

  test("uses 2 / 3 / 5 over blocks 3 / 4 / 3, by hand", () => {
    // T = 10, cumulative B = 3, 7, 10.
    // Zone 1: round(2·3/10 = 0.6) = 1, round(2·7/10 = 1.4) = 1, 2 → pieces 1, 0, 1
    //   (its exact share of block 2 is 0.8, but the cumulative 1.4 rounds to 1).
    //   Left B = 2, 6, 8 of T = 8.
    // Zone 2: round(3·2/8 = 0.75) = 1, round(3·6/8 = 2.25) = 2, 3 → pieces 1, 1, 1.
    //   Left B = 1, 4, 5.
    // Zone 3 takes the rest: 1, 3, 1.
    assert.deepEqual(splitBlocksOverZones([3n, 4n, 3n], [2n, 3n, 5n]), [
      [1n, 0n, 1n],
      [1n, 1n, 1n],
      [1n, 3n, 1n],
    ]);
  });

  test("half rounds up; a zone with no use gets nothing", () => {
    // T = 2, B = 1, 2: zone 1 round(1·1/2 = 0.5) = 1 → 1, 0; zone 2 takes 0, 1.
    assert.deepEqual(splitBlocksOverZones([1n, 1n], [1n, 1n]), [
      [1n, 0n],
      [0n, 1n],
    ]);
    // Zones 1 and 2 have nothing: round(0 · B / 5) = 0 throughout; zone 3 takes all.
    assert.deepEqual(splitBlocksOverZones([2n, 3n], [0n, 0n, 5n]), [
      [0n, 0n],
      [0n, 0n],
      [2n, 3n],
    ]);
    // Nothing at all: restT = 0, every C is 0.
    assert.deepEqual(splitBlocksOverZones([0n, 0n], [0n, 0n]), [
      [0n, 0n],
      [0n, 0n],
    ]);
  });

  test("refuses blocks that do not sum to the uses, negatives and empty input", () => {
    assert.throws(() => splitBlocksOverZones([1n, 2n], [4n]), /sum/);
    assert.throws(() => splitBlocksOverZones([-1n, 2n], [1n]), /negative/);
    assert.throws(() => splitBlocksOverZones([1n], [2n, -1n]), /negative/);
    assert.throws(() => splitBlocksOverZones([], [0n]), /block/);
    assert.throws(() => splitBlocksOverZones([0n], []), /zone/);
  });

  // 1–3 zones with uses up to 10^9 thousandths (often tiny, so that halves and zeros
  // occur), and 1–4 blocks cut anywhere in [0, T], empty blocks included.
  const caseArb = fc
    .array(fc.oneof(fc.bigInt({ min: 0n, max: 5n }), fc.bigInt({ min: 0n, max: 10n ** 9n })), {
      minLength: 1,
      maxLength: 3,
    })
    .chain((uses) => {
      const total = uses.reduce((a, b) => a + b, 0n);
      return fc.array(fc.bigInt({ min: 0n, max: total }), { minLength: 0, maxLength: 3 }).map((cuts) => {
        const edges = [0n, ...cuts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), total];
        const perBlock = edges.slice(1).map((e, i) => e - edges[i]!);
        return { uses, perBlock };
      });
    });

  test("property: pieces ≥ 0, each zone's sum to its use, each block's to the block", () => {
    fc.assert(
      fc.property(caseArb, ({ uses, perBlock }) => {
        const pieces = splitBlocksOverZones(perBlock, uses);
        assert.equal(pieces.length, uses.length);
        for (const row of pieces) {
          assert.equal(row.length, perBlock.length);
          assert.ok(
            row.every((p) => p >= 0n),
            `negative piece in ${row}`,
          );
        }
        uses.forEach((x, z) => {
          assert.equal(
            pieces[z]!.reduce((a, b) => a + b, 0n),
            x,
          );
        });
        perBlock.forEach((q, i) => {
          assert.equal(
            pieces.reduce((a, row) => a + row[i]!, 0n),
            q,
          );
        });
        if (uses.length === 1) assert.deepEqual(pieces, [perBlock]);
      }),
      { numRuns: 1000 },
    );
  });

  test("property: equals the SQL form with zones as columns u1, u2, u3", () => {
    const round = (a: bigint, b: bigint): bigint => (b === 0n ? 0n : (2n * a + b) / (2n * b));
    fc.assert(
      fc.property(caseArb, ({ uses, perBlock }) => {
        const [u1 = 0n, u2 = 0n, u3 = 0n] = uses;
        const t = u1 + u2 + u3;
        let b = 0n;
        const cumulative = perBlock.map((q) => {
          b += q;
          // C1 = round(u1·B/T), C2 = round(u2·(B−C1)/(T−u1)), C3 = B − C1 − C2
          const c1 = round(u1 * b, t);
          const c2 = round(u2 * (b - c1), t - u1);
          return [c1, c2, b - c1 - c2];
        });
        const sql = [0, 1, 2].map((z) =>
          cumulative.map((c, i) => c[z]! - (i === 0 ? 0n : cumulative[i - 1]![z]!)),
        );
        const pieces = splitBlocksOverZones(perBlock, uses);
        assert.deepEqual(pieces, sql.slice(0, uses.length));
        // Zones the meter does not have get nothing from the SQL form either.
        for (const row of sql.slice(uses.length)) assert.ok(row.every((p) => p === 0n));
      }),
      { numRuns: 1000 },
    );
  });
});
