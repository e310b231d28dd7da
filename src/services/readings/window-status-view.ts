// A window's state as residents and API clients see it: open now? until when? how many days left? next?
import type { WindowOccurrence, WindowRule } from "../../domain/submission-window.ts";
import { windowStatus } from "../../domain/submission-window.ts";

export interface OccurrenceView {
  period: string;
  opensOn: string;
  closesOn: string;
  opensAt: string;
  closesAt: string;
}

export interface WindowStatusView {
  open: boolean;
  current: OccurrenceView | null;
  daysLeft: number | null;
  next: OccurrenceView;
  deemedDateRule: WindowRule["deemedDateRule"];
  latePolicy: WindowRule["latePolicy"];
  opensDay: number;
  closesDay: number;
  ruleSource: string;
}

const view = (o: WindowOccurrence): OccurrenceView => ({
  period: o.period,
  opensOn: o.opensOn,
  closesOn: o.closesOn,
  opensAt: o.opensAt.toISOString(),
  closesAt: o.closesAt.toISOString(),
});

export function windowStatusView(rule: WindowRule & { source: string }, now: Date): WindowStatusView {
  const s = windowStatus(rule, now);
  return {
    open: s.open,
    current: s.current ? view(s.current) : null,
    daysLeft: s.daysLeft,
    next: view(s.next),
    deemedDateRule: rule.deemedDateRule,
    latePolicy: rule.latePolicy,
    opensDay: rule.opensDay,
    closesDay: rule.closesDay,
    ruleSource: rule.source,
  };
}
