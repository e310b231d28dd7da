// One set of conversions for both engines, so rows look the same on PGlite and PostgreSQL.

/** int8 → number, refusing values a double cannot hold exactly (kopiykas and ids stay far below 2^53). */
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is beyond the safe integer range`);
  return n;
}

/** Keep exact decimals and calendar dates as text: no float rounding, no time-zone shift. */
export const keepText = (text: string): string => text;

export const OID = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
} as const;
