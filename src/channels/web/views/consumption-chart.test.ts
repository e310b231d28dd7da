import assert from "node:assert/strict";
import { test } from "node:test";
import { barLength, consumptionChart, PLOT_WIDTH } from "./consumption-chart.ts";

const bars = [
  { label: "05.2019", value: 150_000, valueText: "150", estimated: false },
  { label: "06.2019", value: 300_000, valueText: "300", estimated: true },
  { label: "07.2019", value: 0, valueText: "0", estimated: false },
];

test("an image with its title and description, one bar per month, the largest filling the plot", () => {
  const svg = consumptionChart({
    id: "c1",
    title: "Electricity <kWh>",
    desc: "A bar chart",
    bars,
    legendActual: "from readings",
    legendEstimated: "≈ estimated",
  }).html;
  assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
  assert.match(
    svg,
    /<title id="c1-title">Electricity &lt;kWh&gt;<\/title><desc id="c1-desc">A bar chart<\/desc>/,
  );
  const months = [
    ...svg.matchAll(
      /<g class="month[^"]*"><text class="label"[^>]*>([^<]*)<\/text><rect [^>]*width="(\d+)"/g,
    ),
  ];
  assert.deepEqual(
    months.map((m) => [m[1], Number(m[2])]),
    [
      ["05.2019", PLOT_WIDTH / 2],
      ["06.2019", PLOT_WIDTH],
      ["07.2019", 0],
    ],
  );
  assert.doesNotMatch(svg, /style=/, "no style attribute: the CSP forbids it");
});

test("an estimated month is hatched and marked ≈, not told by colour alone", () => {
  const svg = consumptionChart({
    id: "c2",
    title: "t",
    desc: "d",
    bars,
    legendActual: "a",
    legendEstimated: "e",
  }).html;
  const months = svg.split('<g class="month').slice(1);
  assert.match(months[1]!, /^ is-estimated">.*<rect class="bar-estimated"[^>]*fill="url\(#c2-hatch\)"/);
  assert.match(months[1]!, />≈300<\/text>/);
  assert.doesNotMatch(months[0]!, /hatch|≈/);
  assert.match(svg, /<pattern id="c2-hatch"/);
});

test("bar lengths: proportional, a small value still visible, nothing to draw when all are zero", () => {
  assert.equal(barLength(1, 1_000_000), 1);
  assert.equal(barLength(0, 10), 0);
  assert.equal(barLength(5, 0), 0);
  assert.equal(barLength(10, 10), PLOT_WIDTH);
});
