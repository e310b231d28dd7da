// One register's (meter zone's) month computed from its register state and the readings deemed after what the state
// covers: the closing reading, the basis, the consumption with roll-over, the average daily use for this month's
// estimate and the next month's planned payment, and the state the next month's run reads. These are the rules of
// the set-based run's register-usage.ts (its `from_state` branch), which stays the reference: the register-state
// test bills generated regions both ways and compares every row.
// Dates are epoch days (local-date.ts, toEpochDay); values are thousandths of a unit. A register's capacity is at
// most 10⁹ units, so every sum here stays an exact double.

export type RegisterReadingKind = "initial" | "regular" | "final";

export interface RegisterReading {
  id: number;
  /** Thousandths. */
  value: number;
  kind: RegisterReadingKind;
  deemedOn: number;
  /** The reading's month, as the epoch day of its first day. */
  period: number;
}

/** A consecutive pair of readings with a valid use: the first's deemed day, the second's, the use between them. */
export interface ReadingPair {
  from: number;
  to: number;
  used: number;
}

export interface RegisterState {
  coveredOn: number;
  /** The last billed real reading (thousandths) and its month; null: nothing billed on a reading yet. */
  basisValue: number | null;
  basisPeriod: number | null;
  last: RegisterReading | null;
  /** The latest covered reading that is not a final one. */
  prev: Omit<RegisterReading, "id"> | null;
  pairs: ReadingPair[];
  /** Months billed by estimate since the basis; null: not known. */
  estimatedMonths: number | null;
}

export interface RegisterMonthInput {
  state: RegisterState;
  /** Every reading deemed after `state.coveredOn`, of any month, sorted by deemed day, then id. */
  readings: readonly RegisterReading[];
  /** 10^digits × 1000: where the dial rolls over. */
  capacity: number;
  /** The billed month's first day, the next month's, and the one after (epoch days). */
  first: number;
  next: number;
  /** The first day of the estimate's window for this month and for the next (the service's history months back). */
  estimateFrom: number;
  planFrom: number;
  /** The first day of the run's history window: a previous reading older than it is no basis unless a closing one
   * follows it. */
  historyFrom: number;
  /** The oldest pair the next month's windows can reach: older ones leave the state. */
  pairsFrom: number;
}

export interface RegisterMonth {
  closing: { id: number; value: number } | null;
  /** The value the use is measured from; null: none. */
  fromValue: number | null;
  /** The day the use measured from the basis starts (epoch day): the month after the billed or the previous
   * reading's, or the day of an initial reading; null: no basis. Months billed by estimate count from it. */
  basisDate: number | null;
  /** Thousandths used this month; null: no closing reading, or one that is no valid continuation. */
  used: number | null;
  /** A closing reading with nothing before it. */
  firstReading: boolean;
  estUsed: number;
  estDays: number;
  planUsed: number;
  planDays: number;
  /** What the state written after this month keeps (before the bills decide its basis and estimated months). */
  coveredOn: number;
  last: RegisterReading | null;
  prev: Omit<RegisterReading, "id"> | null;
  /** The pairs the next month can reach: the state's still in reach, then the new ones. */
  pairs: ReadingPair[];
  /** False: a later month's reading is deemed among the covered ones; no new state may be written. */
  clean: boolean;
}

/** Use between two readings of one register, with one roll-over of the dial (90 % or more, then 10 % or less). */
export function useBetween(from: number, to: number, capacity: number): number | null {
  if (to >= from) return to - from;
  if (from * 10 >= capacity * 9 && to * 10 <= capacity) return capacity - from + to;
  return null;
}

export function registerMonth(input: RegisterMonthInput): RegisterMonth {
  const { state, readings, first } = input;
  let closing: RegisterReading | null = null;
  let prevNow: RegisterReading | null = null;
  let last: RegisterReading | null = null;
  let prev: RegisterReading | null = null;
  let later: number | null = null;
  const pairs: ReadingPair[] = [];
  let before: RegisterReading | null = state.last;
  for (const r of readings) {
    if (r.period > first) {
      if (later === null || r.deemedOn < later) later = r.deemedOn;
      continue;
    }
    if (r.period === first && r.kind !== "initial") closing = r;
    if (r.kind === "initial" || (r.kind === "regular" && r.period < first)) prevNow = r;
    if (r.kind !== "final") prev = r;
    last = r;
    if (before !== null && before.kind !== "final" && r.kind !== "initial") {
      const used = useBetween(before.value, r.value, input.capacity);
      if (used !== null) pairs.push({ from: before.deemedOn, to: r.deemedOn, used });
    }
    before = r;
  }
  // The previous reading: a new one, else the state's (every reading it covers is of an earlier month).
  const previous = prevNow ?? state.prev;
  let fromValue: number | null = null;
  let basisDate: number | null = null;
  if (state.basisPeriod !== null) {
    fromValue = state.basisValue;
    basisDate = monthAfter(state.basisPeriod);
  } else if (previous !== null && (previous.deemedOn >= input.historyFrom || closing !== null)) {
    fromValue = previous.value;
    basisDate = previous.kind === "initial" ? previous.deemedOn : monthAfter(previous.period);
  }
  const coveredOn = last?.deemedOn ?? state.coveredOn;
  let estUsed = 0;
  let estDays = 0;
  let planUsed = 0;
  let planDays = 0;
  const kept: ReadingPair[] = [];
  const sum = (p: ReadingPair) => {
    if (p.from >= input.estimateFrom && p.to <= first) {
      estUsed += p.used;
      estDays += p.to - p.from;
    }
    if (p.from >= input.planFrom && p.to <= input.next) {
      planUsed += p.used;
      planDays += p.to - p.from;
    }
    if (p.from >= input.pairsFrom) kept.push(p);
  };
  for (const p of state.pairs) sum(p);
  for (const p of pairs) sum(p);
  const toValue = closing?.value ?? null;
  return {
    closing: closing && { id: closing.id, value: closing.value },
    fromValue,
    basisDate,
    used: toValue === null || fromValue === null ? null : useBetween(fromValue, toValue, input.capacity),
    firstReading: toValue !== null && fromValue === null,
    estUsed,
    estDays,
    planUsed,
    planDays,
    coveredOn,
    last: last ?? state.last,
    prev: prev ?? state.prev,
    pairs: kept,
    clean: later === null || later > coveredOn,
  };
}

/** The first day of the month after the one starting on `first` (epoch days). */
export function monthAfter(first: number): number {
  const d = new Date(first * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000;
}

/** The use a month of `days` days is estimated at from an average of `used` over `overDays`: half up. */
export function estimateFromAverage(used: number, overDays: number, days: number): number {
  return Math.floor((2 * used * days + overDays) / (2 * overDays));
}
