// Figures as the documents print them: amounts without a currency sign in columns ("1 234,56"), quantities with
// the decimals they have, dates as dd.mm.yyyy in tables and in words in headings, months by name.
import { formatScaledDecimal } from "../../../domain/decimal.ts";
import { numberSeparators } from "../../../domain/display-locale.ts";
import type { Kopiykas } from "../../../domain/money.ts";
import { type Period, periodParts } from "../../../domain/period.ts";
import { formatQuantity } from "../../../domain/quantity.ts";
import { LOCALE_TAGS, type Locale } from "../../../i18n/locale.ts";

/** "1 234,56" (uk, ru; the space a no-break one), "1,234.56" (en); "-" before a negative amount. */
export function money(k: Kopiykas, locale: Locale): string {
  const sep = numberSeparators(locale);
  const body = formatScaledDecimal(BigInt(Math.abs(k)), 2, {
    decimalSeparator: sep.decimal,
    groupSeparator: sep.group,
  });
  return k < 0 ? `-${body}` : body;
}

/** "+20,66" for a difference. */
export function signedMoney(k: Kopiykas, locale: Locale): string {
  return k > 0 ? `+${money(k, locale)}` : money(k, locale);
}

/** Thousandths with as many decimals as they need: 250, 7,2, 162,295. */
export function quantity(thousandths: bigint, locale: Locale): string {
  const decimals =
    thousandths % 1000n === 0n ? 0 : thousandths % 100n === 0n ? 1 : thousandths % 10n === 0n ? 2 : 3;
  return formatQuantity(thousandths, decimals, locale);
}

/** A meter's dial value with the meter's own decimals. */
export function dial(thousandths: bigint, decimals: number, locale: Locale): string {
  return formatQuantity(thousandths, decimals, locale);
}

/** A decimal text of units ("162.295") for print. */
export function decimalText(text: string, locale: Locale): string {
  return locale === "en" ? text : text.replace(".", numberSeparators(locale).decimal);
}

/** "30.06.2019". */
export function shortDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** "06.2019". */
export function shortPeriod(period: Period): string {
  const { year, month } = periodParts(period);
  return `${String(month).padStart(2, "0")}.${year}`;
}

/** "червень 2019", "июнь 2019", "June 2019". */
export function monthName(period: Period, locale: Locale): string {
  const { year, month } = periodParts(period);
  const text = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
  return text.replace(/\s(р|г)\.$/u, "");
}

/** "84100, Тестове, вул. Тестова, 1, кв. 12". */
export function addressLine(
  a: {
    postalCode: string | null;
    settlement: Record<Locale, string>;
    street: string;
    building: string;
    apartment: string | null;
  },
  apartmentWord: string,
  locale: Locale,
): string {
  return [
    a.postalCode,
    a.settlement[locale],
    a.street,
    a.building,
    a.apartment ? `${apartmentWord} ${a.apartment}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/** A file name's part of letters, digits and "-" only ("10-000123/4" → "10-000123_4"). */
export function fileNamePart(text: string): string {
  return text.replace(/[^\p{L}\p{N}-]+/gu, "_");
}
