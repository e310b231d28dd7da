// Which tariffs are in force in one settlement: a settlement's own tariff applies from its start date to its end,
// and on every other day the provider-wide one does. The provider-wide tariffs are cut around the days a local
// tariff covers, so that splitByTariffs (proration.ts) sees exactly one tariff per day wherever either is set.
import { compareLocalDates, type LocalDate } from "../local-date.ts";
import type { Tariff } from "./tariff.ts";

/** A tariff with whatever the caller keeps beside it (its id). */
export interface Scoped {
  tariff: Tariff;
}

interface Span {
  from: LocalDate;
  /** Exclusive; null: open-ended. */
  to: LocalDate | null;
}

const before = (a: LocalDate | null, b: LocalDate | null) =>
  a !== null && (b === null || compareLocalDates(a, b) < 0);

/** `span` less every one of `holes` (each [from, to)), as the spans that remain, in date order. */
function subtract(span: Span, holes: readonly Span[]): Span[] {
  let rest: Span[] = [span];
  for (const hole of holes) {
    rest = rest.flatMap((s) => {
      // No overlap: the hole ends before the span starts, or starts at or after its end.
      if (!before(s.from, hole.to) || !before(hole.from, s.to)) return [s];
      const out: Span[] = [];
      if (compareLocalDates(s.from, hole.from) < 0) out.push({ from: s.from, to: hole.from });
      if (hole.to !== null && before(hole.to, s.to)) out.push({ from: hole.to, to: s.to });
      return out;
    });
  }
  return rest;
}

/**
 * The tariffs in force in a settlement: its own (`local`) as they are, and the provider-wide ones (`general`) on the
 * days no local tariff covers, as copies with their dates cut. Copies keep everything else, so the caller can map
 * them back (e.g. to the tariff's id) through the returned objects.
 */
export function tariffsInSettlement<T extends Scoped>(local: readonly T[], general: readonly T[]): T[] {
  const holes = local.map((l) => ({ from: l.tariff.effectiveFrom, to: l.tariff.effectiveTo }));
  const cut = general.flatMap((g) =>
    subtract({ from: g.tariff.effectiveFrom, to: g.tariff.effectiveTo }, holes).map((span) =>
      span.from === g.tariff.effectiveFrom && span.to === g.tariff.effectiveTo
        ? g
        : { ...g, tariff: { ...g.tariff, effectiveFrom: span.from, effectiveTo: span.to } },
    ),
  );
  return [...local, ...cut].sort((a, b) => compareLocalDates(a.tariff.effectiveFrom, b.tariff.effectiveFrom));
}
