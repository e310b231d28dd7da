// An account's meters, each with its last readings per zone and the state of its submission window.
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { dialText } from "./dial-text.ts";
import { findWindowRule } from "./find-window-rule.ts";
import { lastRejections, type RejectedReading } from "./last-rejections.ts";
import { type WindowStatusView, windowStatusView } from "./window-status-view.ts";

export interface MeterView {
  id: number;
  service: string;
  serial: string;
  zones: number;
  digits: number;
  decimals: number;
  verificationDue: string | null;
  installedOn: string;
  removedOn: string | null;
  lastReadings: {
    zone: number;
    value: string;
    deemedOn: string;
    /** The month the reading is for, YYYY-MM (a reading on 1 August may be July's). */
    period: string;
    status: string;
    receipt: string;
    channel: string;
  }[];
  window: WindowStatusView;
  /** Readings an operator rejected, with the reason, that nothing was sent after (per zone). */
  rejected?: RejectedReading[];
}

export async function listAccountMeters(
  deps: Deps,
  options: { actor: Actor; accountId: number; includeRemoved?: boolean },
): Promise<MeterView[]> {
  const { db } = deps.database;
  const now = deps.now();
  const today = kyivDateOf(now);
  const account = await findAccountForActor(db, options.actor, options.accountId);
  let q = db.selectFrom("meters").selectAll().where("account_id", "=", account.id);
  if (!options.includeRemoved)
    q = q.where((eb) => eb.or([eb("removed_on", "is", null), eb("removed_on", ">", today)]));
  const meters = await q.orderBy("id").execute();
  if (meters.length === 0) return [];
  const last = await db
    .selectFrom("readings")
    .distinctOn(["meter_id", "zone"])
    .select(["meter_id", "zone", "value", "deemed_on", "period", "status", "receipt", "channel"])
    .where("account_id", "=", account.id)
    .where(
      "meter_id",
      "in",
      meters.map((m) => m.id),
    )
    .where("status", "in", ["accepted", "pending_review"])
    .orderBy("meter_id")
    .orderBy("zone")
    .orderBy("deemed_on", "desc")
    .orderBy("id", "desc")
    .execute();
  const rejections = await lastRejections(db, account.id, meters);
  const rules = new Map<string, Awaited<ReturnType<typeof findWindowRule>>>();
  const views: MeterView[] = [];
  for (const m of meters) {
    let rule = rules.get(m.service_code);
    if (!rule) {
      rule = await findWindowRule(db, {
        providerId: account.providerId,
        service: m.service_code,
        settlementId: account.settlementId,
        today,
      });
      rules.set(m.service_code, rule);
    }
    views.push({
      id: m.id,
      service: m.service_code,
      serial: m.serial,
      zones: m.zones,
      digits: m.digits,
      decimals: m.decimals,
      verificationDue: m.verification_due,
      installedOn: m.installed_on,
      removedOn: m.removed_on,
      lastReadings: last
        .filter((r) => r.meter_id === m.id)
        .map((r) => ({
          zone: r.zone,
          value: dialText(r.value, m.decimals),
          deemedOn: r.deemed_on,
          period: r.period.slice(0, 7),
          status: r.status,
          receipt: r.receipt,
          channel: r.channel,
        })),
      window: windowStatusView(rule, now),
      rejected: rejections.get(m.id) ?? [],
    });
  }
  return views;
}
