// What a bank's app or a terminal shows before a payment: whom it pays (the provider's name, EDRPOU and IBAN), a
// masked name and address for the payer to recognise, what is due per service and month, the planned payment, and
// the meters with their last readings and whether their window is open. No full name or address leaves.
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { maskAddress, maskFullName } from "../../domain/partners/payer-mask.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { accountDebts } from "../ledger/account-debts.ts";
import { loadLastBillSummary } from "../ledger/last-bill-summary.ts";
import { type Money, money } from "../ledger/money-view.ts";
import { listAccountMeters } from "../readings/list-account-meters.ts";
import { partnerOfActor } from "./load-partner.ts";
import { findPartnerAccount } from "./partner-account.ts";
import { refuseOverLimit } from "./partner-limits.ts";

export interface PartnerLookup {
  provider: { code: string; name: string };
  payee: { name: string; edrpou: string; iban: string };
  account: string;
  payer: { name: string; address: string };
  due: { service: string | null; period: string; amount: Money }[];
  /** Σ due − paid ahead: what settles the account today (negative: paid ahead). */
  totalDue: Money;
  planned: { period: string; services: { service: string; amount: Money }[]; total: Money } | null;
  meters: {
    id: number;
    service: string;
    zones: number;
    lastReadings: { zone: number; value: string; deemedOn: string }[];
    window: { open: boolean; opensOn: string; closesOn: string };
  }[];
}

/** With `amountKop` (a terminal's check, or the API asked with an amount) the partner's per-payment limits are
 * applied as a payment's would be; the day's total is the payment's to hold, since nothing is taken yet. */
export async function lookupForPartner(
  deps: Deps,
  o: { actor: Extract<Actor, { kind: "partner" }>; provider: string; account: string; amountKop?: number },
): Promise<PartnerLookup> {
  const { db } = deps.database;
  const account = await findPartnerAccount(db, o.actor, o);
  if (o.amountKop !== undefined) refuseOverLimit(await partnerOfActor(db, o.actor), o.amountKop, 0);
  const today = kyivDateOf(deps.now());
  const [debts, bill, meters] = await Promise.all([
    accountDebts(db, account.id, today),
    loadLastBillSummary(db, { id: account.id, providerId: account.provider.id }),
    listAccountMeters(deps, { actor: o.actor, accountId: account.id }),
  ]);
  return {
    provider: { code: account.provider.code, name: account.provider.name },
    payee: { name: account.provider.name, edrpou: account.provider.edrpou, iban: account.provider.iban },
    account: account.number,
    payer: { name: maskFullName(account.holderName), address: maskAddress(account.street, account.building) },
    due: debts.outstanding.map((d) => ({ service: d.service, period: d.period, amount: money(d.amountKop) })),
    totalDue: money(debts.totalKop),
    planned: bill
      ? {
          period: bill.planned.period,
          services: bill.planned.services.map((s) => ({ service: s.service, amount: money(s.amountKop) })),
          total: money(bill.planned.totalKop),
        }
      : null,
    meters: meters.map((m) => {
      const occurrence = m.window.current ?? m.window.next;
      return {
        id: m.id,
        service: m.service,
        zones: m.zones,
        lastReadings: m.lastReadings.map((r) => ({ zone: r.zone, value: r.value, deemedOn: r.deemedOn })),
        window: { open: m.window.open, opensOn: occurrence.opensOn, closesOn: occurrence.closesOn },
      };
    }),
  };
}
