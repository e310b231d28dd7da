import assert from "node:assert/strict";
import { test } from "node:test";
import { servicesBilledOnMeter } from "./billed-services.ts";

test("a cold-water meter is billed for water and, where it has a tariff, sewerage; other meters for themselves", () => {
  const all = new Set(["electricity", "cold_water", "sewerage"]);
  assert.deepEqual(servicesBilledOnMeter("cold_water", all), ["cold_water", "sewerage"]);
  assert.deepEqual(servicesBilledOnMeter("cold_water", new Set(["cold_water"])), ["cold_water"]);
  assert.deepEqual(servicesBilledOnMeter("electricity", all), ["electricity"]);
  assert.deepEqual(servicesBilledOnMeter("gas", all), []);
});
