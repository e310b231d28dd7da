// A tariff as an administrator types it, checked into what the billing prices with (domain/billing/tariff.ts):
// blocks with rising limits and the last one open, exact decimal prices, complete zone sets with their names,
// norms within the columns' precision. Each refusal names the field to correct (details.field).
import type { ZoneName } from "../../domain/billing/tariff.ts";
import { parseScaledDecimal } from "../../domain/decimal.ts";
import { zoneName } from "../../i18n/format.ts";
import { inEveryLocale } from "../../i18n/messages.ts";
import { AppError } from "../errors.ts";

export interface BlockInput {
  upTo: string | null;
  priceUah: string;
}

export interface ZoneInput {
  zones: 2 | 3;
  zone: number;
  name: ZoneName;
  coefficient: string;
}

export interface CheckedTariff {
  blocks: { position: number; up_to: string | null; price_uah: string }[];
  zones: ZoneInput[];
  normPerResident: string | null;
  normPerM2: string | null;
}

/** The names of a meter's zones in order, as the readings and the bills call them. */
export const ZONE_NAMES: Record<2 | 3, ZoneName[]> = {
  2: ["day", "night"],
  3: ["peak", "half_peak", "night"],
};

/** Digits before the point each numeric column holds: numeric(12,6) prices, numeric(12,3) limits, numeric(5,3). */
const decimalText = (text: string, decimals: number, wholeDigits: number): string | null => {
  const t = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  if (parseScaledDecimal(t, decimals) === null) return null;
  if ((t.split(".")[0] ?? "").replace(/^0+(?=\d)/, "").length > wholeDigits) return null;
  return t;
};

export function zoneNames(zones: 2 | 3) {
  return inEveryLocale((locale) =>
    ZONE_NAMES[zones].map((_, i) => zoneName(zones, i + 1, locale)).join(", "),
  );
}

export function checkTariffInput(input: {
  blocks: BlockInput[];
  zones: ZoneInput[];
  normPerResident?: string | null | undefined;
  normPerM2?: string | null | undefined;
}): CheckedTariff {
  const blocks = checkBlocks(input.blocks);
  const zones = checkZones(input.zones);
  const norm = (text: string | null | undefined, decimals: number, whole: number, field: string) => {
    if (text == null || text.trim() === "") return null;
    const value = decimalText(text, decimals, whole);
    if (value === null) throw new AppError("tariff_norm_invalid", { decimals }, { field });
    return value;
  };
  return {
    blocks,
    zones,
    normPerResident: norm(input.normPerResident, 3, 7, "normPerResident"),
    normPerM2: norm(input.normPerM2, 5, 5, "normPerM2"),
  };
}

function checkBlocks(input: BlockInput[]): CheckedTariff["blocks"] {
  if (input.length === 0) throw new AppError("tariff_blocks_missing", {}, { field: "blocks.0.priceUah" });
  let previous = 0n;
  return input.map((b, i) => {
    const block = i + 1;
    const price = decimalText(b.priceUah, 6, 6);
    if (price === null) {
      throw new AppError("tariff_block_price_invalid", { block }, { field: `blocks.${i}.priceUah` });
    }
    const last = i === input.length - 1;
    const limitText = b.upTo === null || b.upTo.trim() === "" ? null : b.upTo;
    if (last && limitText !== null) {
      throw new AppError("tariff_last_block_limited", { block }, { field: `blocks.${i}.upTo` });
    }
    if (limitText === null) {
      if (!last) throw new AppError("tariff_block_limit_invalid", { block }, { field: `blocks.${i}.upTo` });
      return { position: block, up_to: null, price_uah: price };
    }
    const limit = decimalText(limitText, 3, 9);
    const scaled = limit === null ? null : parseScaledDecimal(limit, 3);
    if (limit === null || scaled === null || scaled <= previous) {
      throw new AppError("tariff_block_limit_invalid", { block }, { field: `blocks.${i}.upTo` });
    }
    previous = scaled;
    return { position: block, up_to: limit, price_uah: price };
  });
}

function checkZones(input: ZoneInput[]): ZoneInput[] {
  const out: ZoneInput[] = [];
  for (const kind of [2, 3] as const) {
    const mine = input.filter((z) => z.zones === kind);
    if (mine.length === 0) continue;
    const names = ZONE_NAMES[kind];
    const complete =
      mine.length === kind &&
      names.every((name, i) => mine.filter((z) => z.zone === i + 1 && z.name === name).length === 1);
    if (!complete) {
      throw new AppError(
        "tariff_zones_incomplete",
        { zones: kind, names: zoneNames(kind) },
        { field: `zones.${kind}.1` },
      );
    }
    for (const z of [...mine].sort((a, b) => a.zone - b.zone)) {
      const coefficient = decimalText(z.coefficient, 3, 2);
      if (coefficient === null || parseScaledDecimal(coefficient, 3) === 0n) {
        throw new AppError(
          "tariff_zone_coefficient_invalid",
          { zone: inEveryLocale((locale) => zoneName(kind, z.zone, locale)) },
          { field: `zones.${kind}.${z.zone}` },
        );
      }
      out.push({ ...z, coefficient });
    }
  }
  return out;
}
