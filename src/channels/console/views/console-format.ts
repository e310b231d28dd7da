// How the console writes instants and counts for people: Kyiv wall-clock time, digits grouped by the language.
import { kyivPartsOf } from "../../../domain/kyiv-time.ts";
import type { Locale } from "../../../i18n/locale.ts";

const two = (n: number) => String(n).padStart(2, "0");

/** "2026-11-25 14:05", Kyiv time. */
export function kyivDateTimeText(instant: Date): string {
  const p = kyivPartsOf(instant);
  return `${p.date} ${two(p.hour)}:${two(p.minute)}`;
}

/** 20000 → "20 000" (uk, ru) or "20,000" (en). */
export function countText(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : locale, { useGrouping: true }).format(n);
}
