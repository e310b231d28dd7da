// Dates and quantities as a person reads them in their language.
import { formatQuantity } from "../domain/quantity.ts";
import type { Locale } from "./locale.ts";

const TAGS: Record<Locale, string> = { uk: "uk-UA", ru: "ru-UA", en: "en-GB" };

/** "2 липня 2019", "2 июля 2019", "2 July 2019" for a calendar date "2019-07-02". */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const text = new Intl.DateTimeFormat(TAGS[locale], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
  // Drop the "р."/"г." after the year, so a date can end a sentence without a double full stop.
  return text.replace(/\s(р|г)\.$/u, "");
}

/** A meter value with the meter's own number of decimals: "12 345", "123,456". */
export function formatMeterValue(thousandths: bigint, decimals: number, locale: Locale): string {
  return formatQuantity(thousandths, decimals, locale);
}

const ZONE_NAMES: Record<Locale, Record<number, Record<number, string>>> = {
  uk: { 2: { 1: "день", 2: "ніч" }, 3: { 1: "пік", 2: "напівпік", 3: "ніч" } },
  ru: { 2: { 1: "день", 2: "ночь" }, 3: { 1: "пик", 2: "полупик", 3: "ночь" } },
  en: { 2: { 1: "day", 2: "night" }, 3: { 1: "peak", 2: "half-peak", 3: "night" } },
};

/** " (зона «ніч»)" for a zone of a multi-zone meter, "" for a single-zone one. */
export function zoneLabel(zones: number, zone: number, locale: Locale): string {
  if (zones <= 1) return "";
  const name = ZONE_NAMES[locale][zones]?.[zone] ?? String(zone);
  return locale === "en" ? ` (${name} zone)` : locale === "uk" ? ` (зона «${name}»)` : ` (зона «${name}»)`;
}
