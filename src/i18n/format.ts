// Dates and quantities as a person reads them in their language.
import { formatQuantity } from "../domain/quantity.ts";
import { LOCALE_TAGS, type Locale } from "./locale.ts";
import { defineMessages, format } from "./messages.ts";

/** "2 липня 2019", "2 июля 2019", "2 July 2019" for a calendar date "2019-07-02". */
export function formatDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const text = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
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

// A zone's name depends on how many zones the meter has (zone 2 is "night" of two, "half-peak" of three).
export const ZONE_MESSAGES = defineMessages("zones", {
  zoneName: {
    uk: "{zones, select, 2 {{zone, select, 1 {день} 2 {ніч} other {{zone}}}} 3 {{zone, select, 1 {пік} 2 {напівпік} 3 {ніч} other {{zone}}}} other {{zone}}}",
    ru: "{zones, select, 2 {{zone, select, 1 {день} 2 {ночь} other {{zone}}}} 3 {{zone, select, 1 {пик} 2 {полупик} 3 {ночь} other {{zone}}}} other {{zone}}}",
    en: "{zones, select, 2 {{zone, select, 1 {day} 2 {night} other {{zone}}}} 3 {{zone, select, 1 {peak} 2 {half-peak} 3 {night} other {{zone}}}} other {{zone}}}",
  },
  zoneLabel: { uk: " (зона «{name}»)", ru: " (зона «{name}»)", en: " ({name} zone)" },
});

/** "ніч" for zone 2 of a two-zone meter; the zone's number when it has no name. */
export function zoneName(zones: number, zone: number, locale: Locale): string {
  return format(ZONE_MESSAGES.zoneName, locale, { zones: String(zones), zone: String(zone) });
}

/** " (зона «ніч»)" for a zone of a multi-zone meter, "" for a single-zone one. */
export function zoneLabel(zones: number, zone: number, locale: Locale): string {
  if (zones <= 1) return "";
  return format(ZONE_MESSAGES.zoneLabel, locale, { name: zoneName(zones, zone, locale) });
}
