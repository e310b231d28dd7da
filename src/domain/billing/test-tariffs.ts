// Shared by the billing tests: the tariff the domain brief gives, and a way to write whole units.
import { parseLocalDate } from "../local-date.ts";
import { kop } from "../money.ts";
import type { Tariff } from "./tariff.ts";

/** Whole units as thousandths: u(250) is 250 kWh. */
export const u = (n: number): bigint => BigInt(n) * 1000n;

/**
 * Household electricity, 2019: 0.90 UAH/kWh up to 100 kWh a month, 1.68 above; two-zone day 1.0 / night 0.5;
 * three-zone peak 1.5 / half-peak 1.0 / night 0.4.
 */
export const ELECTRICITY_2019: Tariff = {
  effectiveFrom: parseLocalDate("2019-01-01"),
  effectiveTo: null,
  fixedFeeKop: kop(0),
  blocks: [
    { upTo: u(100), priceUah: "0.90" },
    { upTo: null, priceUah: "1.68" },
  ],
  zones: [
    { zones: 2, zone: 1, name: "day", coefficient: "1.0" },
    { zones: 2, zone: 2, name: "night", coefficient: "0.5" },
    { zones: 3, zone: 1, name: "peak", coefficient: "1.5" },
    { zones: 3, zone: 2, name: "half_peak", coefficient: "1.0" },
    { zones: 3, zone: 3, name: "night", coefficient: "0.4" },
  ],
};
