import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { addDays, type LocalDate, parseLocalDate } from "../local-date.ts";
import { splitByTariffs } from "./proration.ts";
import type { Tariff } from "./tariff.ts";
import { tariffsInSettlement } from "./tariff-scope.ts";

const d = (s: string) => parseLocalDate(s);
const tariff = (from: string, to: string | null, price: string): Tariff => ({
  effectiveFrom: d(from),
  effectiveTo: to === null ? null : d(to),
  fixedFeeKop: 0 as Tariff["fixedFeeKop"],
  blocks: [{ upTo: null, priceUah: price }],
});
const spans = (ts: { id: string; tariff: Tariff }[]) =>
  ts.map((t) => `${t.id} ${t.tariff.effectiveFrom}..${t.tariff.effectiveTo ?? "∞"}`);

test("a town tariff from mid-October: the provider-wide one before it, the town's from its start", () => {
  const general = [{ id: "region", tariff: tariff("2019-01-01", null, "1.68") }];
  const local = [{ id: "town", tariff: tariff("2026-10-15", null, "2.00") }];
  const inForce = tariffsInSettlement(local, general);
  assert.deepEqual(spans(inForce), ["region 2019-01-01..2026-10-15", "town 2026-10-15..∞"]);
  // September is billed by the provider-wide tariff; October in two parts, 14 + 17 days.
  assert.deepEqual(
    splitByTariffs(
      "2026-09" as never,
      inForce.map((t) => t.tariff),
    ).map((p) => p.days),
    [30],
  );
  const october = splitByTariffs(
    "2026-10" as never,
    inForce.map((t) => t.tariff),
  );
  assert.deepEqual(
    october.map((p) => [p.tariff.blocks[0]!.priceUah, p.days]),
    [
      ["1.68", 14],
      ["2.00", 17],
    ],
  );
});

test("a town tariff with an end: the provider-wide one again after it; no town tariff leaves it whole", () => {
  const general = [
    { id: "old", tariff: tariff("2019-01-01", "2026-01-01", "1.68") },
    { id: "new", tariff: tariff("2026-01-01", null, "2.64") },
  ];
  const local = [{ id: "town", tariff: tariff("2025-12-10", "2026-02-01", "2.00") }];
  assert.deepEqual(spans(tariffsInSettlement(local, general)), [
    "old 2019-01-01..2025-12-10",
    "town 2025-12-10..2026-02-01",
    "new 2026-02-01..∞",
  ]);
  const whole = tariffsInSettlement([], general);
  assert.equal(whole[0], general[0], "an uncut tariff is the same object");
  assert.deepEqual(spans(whole), ["old 2019-01-01..2026-01-01", "new 2026-01-01..∞"]);
});

test("property: every day is covered by the local tariff where one is in force, else by the provider-wide one", () => {
  const start = d("2026-01-01");
  const span = fc
    .tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 60 }), fc.boolean())
    .map(([from, length, open]) => ({
      from: addDays(start, from),
      to: open ? null : addDays(start, from + length),
    }));
  fc.assert(
    fc.property(fc.array(span, { maxLength: 3 }), (raw) => {
      // Local tariffs never overlap one another (the database refuses it): keep them disjoint.
      const local: { id: string; tariff: Tariff }[] = [];
      for (const [i, s] of raw.entries()) {
        const t = { id: `l${i}`, tariff: tariff(s.from, s.to, `2.0${i}`) };
        const clash = local.some((l) =>
          [...Array(200).keys()].some(
            (k) => covers(l.tariff, addDays(start, k)) && covers(t.tariff, addDays(start, k)),
          ),
        );
        if (!clash) local.push(t);
      }
      const general = [{ id: "g", tariff: tariff("2025-01-01", null, "1.00") }];
      const inForce = tariffsInSettlement(local, general);
      for (let k = 0; k < 200; k++) {
        const day = addDays(start, k);
        const matching = inForce.filter((t) => covers(t.tariff, day));
        const own = local.find((l) => covers(l.tariff, day));
        assert.equal(matching.length, 1, `one tariff on ${day}`);
        assert.equal(matching[0]!.id, own ? own.id : "g", day);
      }
    }),
  );
});

function covers(t: Tariff, day: LocalDate): boolean {
  return t.effectiveFrom <= day && (t.effectiveTo === null || day < t.effectiveTo);
}
