// The bill (рахунок) of an account for a billed month, exactly as it is printed: the parties, per service the
// readings and how each zone was billed, the tariff's block and zone lines, the fixed fee and the recalculation
// of earlier estimates; then the opening balance, the period's charges and payments, the amount due, the planned
// payment for the next month, and the NBU payment QR code's link.
//
// Everything comes from what the billing run wrote (billed_usage, ledger entries, planned_payments); only the
// block and zone lines are re-derived, by the domain's own priceHouseholdProrated from the billed quantities and the
// month's tariffs, and they are checked to add up to the billed amount of every zone, so a printed line can never
// disagree with the ledger. The money part is the ledger's: amount due = opening balance + charges − payments =
// the balance on the period's last day, and per service as the settlement splits it (ledger/account-ledger.ts:
// a payment that named no service counts on the debts it settled; the advance is a line of its own).
import { sql } from "kysely";
import type { BilledUsageMethod } from "../../db/tables/billing.table.ts";
import type { LedgerKind, LedgerSource } from "../../db/tables/money.table.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { priceHouseholdProrated } from "../../domain/billing/proration.ts";
import type { MeterZones } from "../../domain/billing/tariff.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { addDays, type LocalDate } from "../../domain/local-date.ts";
import { type Kopiykas, kop, negKop, sumKop } from "../../domain/money.ts";
import { buildNbuQrLink, NBU_QR_MAX_AMOUNT_KOP, type NbuPayment, toNbuQrText } from "../../domain/nbu-qr.ts";
import { firstDay, lastDay, nextPeriod, type Period, periodParts } from "../../domain/period.ts";
import { quantityFromNumeric } from "../../domain/quantity.ts";
import type { Translated } from "../../i18n/locale.ts";
import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import { loadTariffs, tariffsFor } from "../billing/run/tariff-parts.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { type AccountBalance, loadAccountLedger } from "../ledger/account-ledger.ts";
import { type DocumentParties, loadDocumentParties } from "./document-parties.ts";

export interface BillReading {
  meterId: number | null;
  serial: string | null;
  zone: number;
  zones: number;
  /** Decimals on the meter's dial (3 for an unmetered norm). */
  decimals: number;
  method: BilledUsageMethod;
  /** average, norm, none: no reading this month, billed by estimate. */
  estimated: boolean;
  /** Thousandths: the reading consumption is measured from (for an estimate: the last real one, if any). */
  previous: bigint | null;
  /** Thousandths: this month's reading; null when estimated or unmetered. */
  current: bigint | null;
  /** Thousandths billed this month. */
  quantity: bigint;
  amountKop: Kopiykas;
}

export interface BillLine {
  meterId: number | null;
  serial: string | null;
  zone: number;
  zones: number;
  block: number;
  /** Thousandths. */
  quantity: bigint;
  priceUah: string;
  coefficient: string | null;
  amountKop: Kopiykas;
  /** The days of the tariff this line is priced by, when the month had more than one. */
  part: { from: LocalDate; to: LocalDate } | null;
}

export interface BillRecalculation {
  period: Period;
  serial: string | null;
  zone: number;
  zones: number;
  /** Decimal text, units: what was estimated then, and the true share now. */
  estimated: string;
  actual: string;
  chargedKop: Kopiykas;
  recalculatedKop: Kopiykas;
  differenceKop: Kopiykas;
}

export interface BillService {
  code: ServiceCode;
  name: Translated;
  unit: string;
  readings: BillReading[];
  lines: BillLine[];
  /** Σ lines = Σ readings' amounts. */
  consumptionKop: Kopiykas;
  fixedFeeKop: Kopiykas;
  /** The month was billed by estimate (entirely or for some meter zone). */
  estimated: boolean;
  recalculations: BillRecalculation[];
  /** The recalculation ledger entry (0 when none). */
  recalculationKop: Kopiykas;
  /** The period's billing entries of this service: consumption + fee + recalculation. */
  totalKop: Kopiykas;
}

export interface BillPayment {
  date: LocalDate;
  /** Positive: what was paid. */
  amountKop: Kopiykas;
  service: ServiceCode | null;
  source: LedgerSource;
  reference: string | null;
}

export interface BillDueLine {
  /** null: charges that name no service, or (with `advance`) the advance. */
  service: string | null;
  /** The service's name; null for the lines that are no service. */
  name: Translated | null;
  advance: boolean;
  /** The advance line is negative. */
  amountKop: Kopiykas;
}

export interface Bill extends DocumentParties {
  period: Period;
  issuedOn: LocalDate;
  services: BillService[];
  /** The balance on the day before the period's first day: debt positive, overpayment negative. */
  openingBalanceKop: Kopiykas;
  /** Every entry but payments dated in the period (the services' totals and anything else, e.g. adjustments). */
  chargesKop: Kopiykas;
  /** chargesKop beyond the services' billing entries: operator adjustments and the like. */
  otherChargesKop: Kopiykas;
  payments: BillPayment[];
  paymentsKop: Kopiykas;
  /** opening + charges − payments: the balance on the period's last day. */
  amountDueKop: Kopiykas;
  /**
   * The amount due per service, then the advance (when there is one apart from the services): accountBalance on
   * the period's last day. Σ = amountDueKop.
   */
  dueByService: BillDueLine[];
  planned: {
    period: Period;
    services: { code: ServiceCode; name: Translated; amountKop: Kopiykas }[];
    totalKop: Kopiykas;
  };
  /** What the payment QR code holds (the amount due when positive, else no amount). */
  qr: { payment: NbuPayment; link: string };
}

interface UsageRow {
  service_code: ServiceCode;
  meter_id: number | null;
  zone: number;
  method: BilledUsageMethod;
  quantity: string;
  from_value: string | null;
  to_value: string | null;
  basis_value: string | null;
  amount_kop: number;
  serial: string | null;
  zones: number;
  decimals: number;
}

interface ServiceRow {
  code: ServiceCode;
  unit: string;
  name_uk: string;
  name_ru: string;
  name_en: string;
  position: number;
}

interface RecalcMonth {
  period: string;
  meter_id: number | null;
  zone: number;
  estimated: number | string;
  actual: number | string;
  charged_kop: number;
  recalculated_kop: number;
}

export async function loadBill(
  deps: Deps,
  options: { actor: Actor; accountId: number; period: Period },
): Promise<Bill> {
  const { db } = deps.database;
  const { period } = options;
  const found = await findAccountForActor(db, options.actor, options.accountId);
  const accountId = found.id;
  const first = firstDay(period);
  const last = lastDay(period);
  const closed = await db
    .selectFrom("closed_periods")
    .select("period")
    .where("provider_id", "=", found.providerId)
    .where("period", "=", first)
    .executeTakeFirst();
  if (!closed) throw new AppError("not_found");

  const parties = await loadDocumentParties(db, accountId);
  const services = new Map(
    (await db.selectFrom("services").selectAll().execute()).map((s: ServiceRow) => [s.code, s]),
  );

  const { rows: usage } = await sql<UsageRow>`
    select u.service_code, u.meter_id, u.zone::int as zone, u.method, u.quantity::text as quantity,
      u.from_value::text as from_value, u.to_value::text as to_value, u.amount_kop,
      coalesce(
        (select b.to_value::text from billed_usage b
          where b.account_id = u.account_id and b.meter_id = u.meter_id and b.zone = u.zone
            and b.service_code = u.service_code and b.method in ('actual', 'opening') and b.period < u.period
          order by b.period desc limit 1),
        -- Never billed on a reading yet: the last reading taken before the month.
        (select r.value::text from readings r
          where r.account_id = u.account_id and r.meter_id = u.meter_id and r.zone = u.zone
            and r.status = 'accepted' and r.period < u.period
          order by r.deemed_on desc, r.id desc limit 1)) as basis_value,
      m.serial, coalesce(m.zones, 1)::int as zones, coalesce(m.decimals, 3)::int as decimals
    from billed_usage u
    left join meters m on m.account_id = u.account_id and m.id = u.meter_id
    where u.account_id = ${accountId} and u.period = ${first}::date and u.method <> 'opening'
    order by u.service_code, u.meter_id nulls first, u.zone`.execute(db);

  const billing = await db
    .selectFrom("ledger_entries")
    .select(["service_code", "kind", "amount_kop", "details"])
    .where("account_id", "=", accountId)
    .where("period", "=", first)
    .where("source", "=", "billing")
    .execute();

  const tariffs = usage.length > 0 ? await loadTariffs(db, found.providerId) : [];
  const codes = new Set<ServiceCode>([
    ...usage.map((u) => u.service_code),
    ...billing.flatMap((e) => (e.service_code ? [e.service_code] : [])),
  ]);
  const billServices: BillService[] = [...codes]
    .sort((a, b) => (services.get(a)?.position ?? 99) - (services.get(b)?.position ?? 99))
    .map((code) => {
      const spec = services.get(code)!;
      const rows = usage.filter((u) => u.service_code === code);
      const entries = billing.filter((e) => e.service_code === code);
      const sumKind = (...kinds: LedgerKind[]) =>
        sumKop(entries.filter((e) => kinds.includes(e.kind)).map((e) => kop(e.amount_kop)));
      const priced = priceService(
        period,
        rows,
        tariffsFor(tariffs, code, found.settlementId).map((t) => t.tariff),
      );
      const charged = sumKind("charge", "estimated_charge");
      if (sumKop([priced.consumptionKop, priced.fixedFeeKop]) !== charged) {
        throw new Error(
          `bill of account ${accountId} for ${period}, ${code}: lines ${priced.consumptionKop} + fee ` +
            `${priced.fixedFeeKop} do not add up to the ledger's ${charged}`,
        );
      }
      const recalcEntry = entries.find((e) => e.kind === "recalculation");
      const months = ((recalcEntry?.details as { months?: RecalcMonth[] } | null)?.months ?? []).map(
        (m): BillRecalculation => {
          const meter = usage.find((u) => u.meter_id === m.meter_id);
          return {
            period: m.period.slice(0, 7) as Period,
            serial: meter?.serial ?? null,
            zone: m.zone,
            zones: meter?.zones ?? 1,
            estimated: String(m.estimated),
            actual: String(m.actual),
            chargedKop: kop(m.charged_kop),
            recalculatedKop: kop(m.recalculated_kop),
            differenceKop: kop(m.recalculated_kop - m.charged_kop),
          };
        },
      );
      return {
        code,
        name: { uk: spec.name_uk, ru: spec.name_ru, en: spec.name_en },
        unit: spec.unit,
        readings: rows.map((u) => readingOf(u)),
        lines: priced.lines,
        consumptionKop: priced.consumptionKop,
        fixedFeeKop: priced.fixedFeeKop,
        estimated:
          rows.some((u) => isEstimate(u.method)) || entries.some((e) => e.kind === "estimated_charge"),
        recalculations: months,
        recalculationKop: sumKind("recalculation"),
        totalKop: sumKop(entries.map((e) => kop(e.amount_kop))),
      };
    });

  // The settlement up to the month, then the month's own entries: the balance per service at its end.
  const ledger = await loadAccountLedger(db, accountId, addDays(first, -1));
  const opening = ledger.balance();
  const dated = await db
    .selectFrom("ledger_entries")
    .select(["entry_date", "period", "kind", "amount_kop", "service_code", "source", "source_ref"])
    .select([
      sql<string | null>`details ->> 'period'`.as("named_period"),
      sql<string | null>`details ->> 'service'`.as("named_service"),
    ])
    .where("account_id", "=", accountId)
    .where("entry_date", ">=", first)
    .where("entry_date", "<=", last)
    .orderBy("entry_date")
    .orderBy("id")
    .execute();
  const payments = dated
    .filter((e) => e.kind === "payment")
    .map(
      (e): BillPayment => ({
        date: e.entry_date as LocalDate,
        amountKop: kop(-e.amount_kop),
        service: e.service_code,
        source: e.source,
        reference: e.source_ref,
      }),
    );
  for (const e of dated) {
    ledger.add({
      period: e.period,
      service: e.service_code,
      kind: e.kind,
      amountKop: e.amount_kop,
      date: e.entry_date,
      namedPeriod: e.named_period,
      namedService: e.named_service,
    });
  }
  const chargesKop = sumKop(dated.filter((e) => e.kind !== "payment").map((e) => kop(e.amount_kop)));
  const paymentsKop = sumKop(payments.map((p) => p.amountKop));
  const amountDueKop = kop(opening.totalKop + chargesKop - paymentsKop);

  const next = nextPeriod(period);
  const plannedRows = await db
    .selectFrom("planned_payments")
    .select(["service_code", "amount_kop"])
    .where("account_id", "=", accountId)
    .where("period", "=", firstDay(next))
    .execute();
  const planned = plannedRows
    .map((p) => {
      const spec = services.get(p.service_code)!;
      return {
        code: p.service_code,
        name: { uk: spec.name_uk, ru: spec.name_ru, en: spec.name_en },
        amountKop: kop(p.amount_kop),
        position: spec.position,
      };
    })
    .sort((a, b) => a.position - b.position)
    .map(({ position: _, ...p }) => p);

  const payment = qrPayment(parties, period, amountDueKop);
  return {
    ...parties,
    period,
    issuedOn: kyivDateOf(deps.now()),
    services: billServices,
    openingBalanceKop: opening.totalKop,
    chargesKop,
    otherChargesKop: kop(chargesKop - sumKop(billServices.map((s) => s.totalKop))),
    payments,
    paymentsKop,
    amountDueKop,
    dueByService: dueLines(ledger.balance(), services),
    planned: { period: next, services: planned, totalKop: sumKop(planned.map((p) => p.amountKop)) },
    qr: { payment, link: buildNbuQrLink(payment) },
  };
}

function dueLines(due: AccountBalance, services: ReadonlyMap<string, ServiceRow>): BillDueLine[] {
  // In the services' order, as the bill's sections are; charges that name no service after them.
  const position = (service: string | null) =>
    service === null ? Number.MAX_SAFE_INTEGER : (services.get(service as ServiceCode)?.position ?? 99);
  const ordered = [...due.services].sort((a, b) => position(a.service) - position(b.service));
  const lines = ordered.map((l): BillDueLine => {
    const spec = l.service === null ? undefined : services.get(l.service as ServiceCode);
    return {
      service: l.service,
      name: spec ? { uk: spec.name_uk, ru: spec.name_ru, en: spec.name_en } : null,
      advance: false,
      amountKop: l.balanceKop,
    };
  });
  if (due.advanceKop === 0) return lines;
  return [...lines, { service: null, name: null, advance: true, amountKop: negKop(due.advanceKop) }];
}

const isEstimate = (method: BilledUsageMethod) =>
  method === "average" || method === "norm" || method === "none";

function readingOf(u: UsageRow): BillReading {
  const estimated = isEstimate(u.method);
  const previous = u.from_value ?? (estimated ? u.basis_value : null);
  return {
    meterId: u.meter_id,
    serial: u.serial,
    zone: u.zone,
    zones: u.zones,
    decimals: u.decimals,
    method: u.method,
    estimated,
    previous: previous === null ? null : quantityFromNumeric(previous),
    current: u.to_value === null ? null : quantityFromNumeric(u.to_value),
    quantity: quantityFromNumeric(u.quantity),
    amountKop: kop(u.amount_kop),
  };
}

/**
 * The block and zone lines of a service's month for the household — its meters priced together, one block
 * allowance, as the billing run prices them (priceHouseholdProrated) — from the billed quantities and the month's
 * tariffs; every meter zone's share must be what the run billed for it.
 */
function priceService(
  period: Period,
  rows: readonly UsageRow[],
  tariffs: Parameters<typeof priceHouseholdProrated>[1],
): { lines: BillLine[]; consumptionKop: Kopiykas; fixedFeeKop: Kopiykas } {
  if (rows.length === 0) return { lines: [], consumptionKop: kop(0), fixedFeeKop: kop(0) };
  // In the run's order: by meter id (an unmetered service has one row, with none).
  const meters = [...new Set(rows.map((r) => r.meter_id))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const meterRows = meters.map((meterId) => rows.filter((r) => r.meter_id === meterId));
  const priced = priceHouseholdProrated(
    period,
    tariffs,
    meterRows.map((zonesRows) => {
      const zones = (zonesRows[0]?.zones ?? 1) as MeterZones;
      return {
        meterZones: zones,
        usage: Array.from({ length: zones }, (_, i) => ({
          zone: i + 1,
          used: zonesRows
            .filter((r) => r.zone === i + 1)
            .reduce((a, r) => a + quantityFromNumeric(r.quantity), 0n),
        })),
      };
    }),
  );
  meterRows.forEach((zonesRows, m) => {
    for (const r of zonesRows) {
      const derived = priced.meterZoneKop[m]![r.zone - 1]!;
      if (derived !== r.amount_kop) {
        throw new Error(
          `bill lines of meter ${meters[m] ?? "(none)"} zone ${r.zone} for ${period} give it ${derived}, ` +
            `the billing run charged ${r.amount_kop}`,
        );
      }
    }
  });
  // A zone class with one meter names it; several meters of one kind share their lines.
  const onlyMeter = (zones: number) => {
    const members = meterRows.filter((z) => (z[0]?.zones ?? 1) === zones);
    return members.length === 1 ? (members[0]![0] ?? null) : null;
  };
  const several = priced.parts.length > 1;
  const lines = priced.parts.flatMap((part) =>
    part.lines.map((line): BillLine => {
      const zones = line.meterZones ?? 1;
      const meter = onlyMeter(zones);
      return {
        meterId: meter?.meter_id ?? null,
        serial: meter?.serial ?? null,
        zone: line.zone ?? 1,
        zones,
        block: line.block ?? 1,
        quantity: line.quantity,
        priceUah: line.priceUah,
        coefficient: line.coefficient ?? null,
        amountKop: line.amountKop,
        part: several ? { from: part.fromDay, to: part.toDay } : null,
      };
    }),
  );
  return { lines, consumptionKop: priced.consumptionKop, fixedFeeKop: priced.fixedFeeKop };
}

/**
 * The QR code's payment: to the provider, the amount due if any (and if the code's amount field can hold it; else
 * the payer types it, as when nothing is owed), the account and the month in the purpose.
 */
function qrPayment(parties: DocumentParties, period: Period, amountDueKop: Kopiykas): NbuPayment {
  const { year, month } = periodParts(period);
  const name = toNbuQrText(parties.provider.name.uk);
  return {
    recipient: [...name].length > 70 ? [...name].slice(0, 70).join("") : name,
    iban: parties.provider.iban,
    amountKop: amountDueKop > 0 && amountDueKop <= NBU_QR_MAX_AMOUNT_KOP ? amountDueKop : null,
    recipientCode: parties.provider.edrpou,
    purpose: toNbuQrText(
      `Оплата за послуги, особовий рахунок ${parties.account.number}, період ${String(month).padStart(2, "0")}.${year}`,
    ),
  };
}
