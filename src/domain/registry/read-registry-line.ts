// One registry row to a payment, or the reason it is malformed. Pure: which account and provider the payment is
// for is the import's business (it needs the database); here only what the line itself says is checked.
import { normalizeAccountNumber } from "../account-number.ts";
import { normalizeIban } from "../iban.ts";
import { compareLocalDates, type LocalDate } from "../local-date.ts";
import { type Kopiykas, kop, uahString } from "../money.ts";
import type { Period } from "../period.ts";
import type { RegistryRow } from "./parse-registry.ts";
import { parseRegistryAmount } from "./registry-amount.ts";
import { parseRegistryDate, parseRegistryPeriod } from "./registry-date.ts";
import type { RegistryFormat } from "./registry-format.ts";

export interface RegistryPayment {
  reference: string;
  /** As the file writes it, and the key lookups compare (domain/account-number.ts). */
  account: string;
  accountKey: string;
  amountKop: Kopiykas;
  paidOn: LocalDate;
  payer: string | null;
  /** Eight digits (leading zeros a spreadsheet dropped put back). */
  edrpou: string | null;
  iban: string | null;
  period: Period | null;
  /** As the file writes it: a service code or name, resolved by the import. */
  service: string | null;
}

export type MalformedReason =
  | "reference_missing"
  | "reference_too_long"
  | "account_missing"
  | "account_invalid"
  | "amount_missing"
  | "amount_malformed"
  | "amount_too_many_decimals"
  | "amount_negative"
  | "amount_zero"
  | "amount_too_large"
  | "paid_on_missing"
  | "paid_on_invalid"
  | "paid_on_future"
  | "period_invalid"
  | "provider_edrpou_invalid"
  | "provider_iban_invalid";

export interface LineProblem {
  reason: MalformedReason;
  /** What the line's message names: the value as written, the expected format. */
  params: Record<string, string>;
}

export type ReadLine = { ok: true; payment: RegistryPayment } | { ok: false; problem: LineProblem };

const MAX_REFERENCE = 100;
const MAX_ACCOUNT = 40;

const bad = (reason: MalformedReason, params: Record<string, string> = {}): ReadLine => ({
  ok: false,
  problem: { reason, params },
});

/** `today`: the Kyiv date of the import; a payment cannot be made after it. */
export function readRegistryLine(row: RegistryRow, format: RegistryFormat, today: LocalDate): ReadLine {
  const v = row.values;
  const reference = v.reference ?? "";
  if (reference === "") return bad("reference_missing");
  if ([...reference].length > MAX_REFERENCE)
    return bad("reference_too_long", { value: reference.slice(0, 40) });

  const account = v.account ?? "";
  if (account === "") return bad("account_missing");
  const accountKey = normalizeAccountNumber(account);
  if (accountKey === "" || [...account].length > MAX_ACCOUNT)
    return bad("account_invalid", { value: account });

  const amountText = v.amount ?? "";
  const amount = parseRegistryAmount(amountText, format.decimalSeparator);
  if (!amount.ok)
    return bad(amount.problem, {
      value: amountText,
      example: format.decimalSeparator === "," ? "1 234,56" : "1 234.56",
    });
  if (amount.kop > format.maxAmountKop)
    return bad("amount_too_large", { value: amountText, max: uahString(kop(format.maxAmountKop)) });

  const paidText = v.paid_on ?? "";
  if (paidText === "") return bad("paid_on_missing");
  const paidOn = parseRegistryDate(paidText, format.dateFormat);
  if (paidOn === null) return bad("paid_on_invalid", { value: paidText, format: format.dateFormat });
  if (compareLocalDates(paidOn, today) > 0) return bad("paid_on_future", { value: paidText, today });

  const periodText = v.period ?? "";
  const period = periodText === "" ? null : parseRegistryPeriod(periodText);
  if (periodText !== "" && period === null) return bad("period_invalid", { value: periodText });

  const edrpouText = v.provider_edrpou ?? "";
  const edrpou =
    edrpouText === "" ? null : /^\d{5,8}$/.test(edrpouText) ? edrpouText.padStart(8, "0") : undefined;
  if (edrpou === undefined) return bad("provider_edrpou_invalid", { value: edrpouText });

  const ibanText = v.provider_iban ?? "";
  const iban = ibanText === "" ? null : normalizeIban(ibanText);
  if (iban !== null && !/^UA\d{27}$/.test(iban)) return bad("provider_iban_invalid", { value: ibanText });

  return {
    ok: true,
    payment: {
      reference,
      account,
      accountKey,
      amountKop: amount.kop,
      paidOn,
      payer: v.payer || null,
      edrpou,
      iban,
      period,
      service: v.service || null,
    },
  };
}
