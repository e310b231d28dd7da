// What the home and readings pages say about an account and its meters: the service's name and unit, the
// address in one line, the window in words, whether this window's reading is in, and the one next thing to do.
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { ACCOUNTS } from "../messages/accounts.ts";
import { READINGS } from "../messages/readings.ts";

const UNITS: Record<string, string> = {
  electricity: "kWh",
  cold_water: "m3",
  hot_water: "m3",
  sewerage: "m3",
  gas: "m3",
  heating: "Gcal",
};

export const serviceName = (code: string, locale: Locale) => format(ACCOUNTS.service, locale, { code });

export const unitName = (service: string, locale: Locale) =>
  format(READINGS.unit, locale, { unit: UNITS[service] ?? service });

/** "Добропілля, вул. Миру, 1, кв. 12". */
export function addressOf(account: AccountSummary, locale: Locale): string {
  const a = account.address;
  return [
    a.settlement[locale],
    a.street,
    a.building,
    a.apartment ? `${format(ACCOUNTS.apartment, locale)} ${a.apartment}` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

/** The meter's window is open now and every zone's last reading is for the window's month. */
export function readingGivenThisWindow(meter: MeterView): boolean {
  const current = meter.window.current;
  if (!meter.window.open || !current) return false;
  return Array.from({ length: meter.zones }, (_, i) => i + 1).every((zone) =>
    meter.lastReadings.some((r) => r.zone === zone && r.period === current.period),
  );
}

/** The window in words: "Відкрито до 2 серпня 2019 включно (3 дні)" or "Закрито. Наступний: з … по …". */
export function windowText(window: MeterView["window"], locale: Locale): string {
  if (window.open && window.current)
    return format(READINGS.windowOpen, locale, {
      date: formatDate(window.current.closesOn, locale),
      days: window.daysLeft ?? 0,
    });
  return format(READINGS.windowClosed, locale, {
    opens: formatDate(window.next.opensOn, locale),
    closes: formatDate(window.next.closesOn, locale),
  });
}

export type NextAction = { kind: "submit" } | { kind: "pay"; amountKop: number } | { kind: "none" };

/**
 * The one next thing to do for an account: send a reading while a window is open and some meter has none in it;
 * else pay what is owed; else nothing.
 */
export function nextAction(meters: readonly MeterView[], owedKop: number): NextAction {
  if (meters.some((m) => m.window.open && !readingGivenThisWindow(m))) return { kind: "submit" };
  if (owedKop > 0) return { kind: "pay", amountKop: owedKop };
  return { kind: "none" };
}
