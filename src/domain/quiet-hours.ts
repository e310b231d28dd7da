// Quiet hours: no notification reaches a person between 21:00 and 08:00 Kyiv time. One made then waits until
// 08:00 the next morning (or this morning, when made after midnight). Counted on the Kyiv wall clock, so a night
// that loses or gains an hour (the last Sundays of March and October) still ends at 08:00 local time.
import { kyivDateTime, kyivPartsOf } from "./kyiv-time.ts";
import { addDays } from "./local-date.ts";

export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

/** When a notification made at `instant` may leave: null at once (daytime), else the end of the quiet hours. */
export function notBefore(instant: Date): Date | null {
  const { date, hour } = kyivPartsOf(instant);
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return null;
  const morning = hour >= QUIET_FROM_HOUR ? addDays(date, 1) : date;
  return kyivDateTime(morning, `${String(QUIET_UNTIL_HOUR).padStart(2, "0")}:00`);
}
