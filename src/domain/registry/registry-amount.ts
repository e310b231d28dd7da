// A payment's amount as a registry file writes it, in the source's decimal separator: "1234.56", "1 234,56",
// "1234,5" → exact kopiykas. Digits may be grouped by threes with a space (regular, no-break or narrow no-break);
// the other separator is never a group separator, so "1.234,56" is malformed rather than guessed.
import { parseScaledDecimal } from "../decimal.ts";
import { type Kopiykas, kop } from "../money.ts";
import type { DecimalSeparator } from "./registry-format.ts";

export type AmountProblem =
  | "amount_missing"
  | "amount_malformed"
  | "amount_too_many_decimals"
  | "amount_negative"
  | "amount_zero";

export type AmountResult = { ok: true; kop: Kopiykas } | { ok: false; problem: AmountProblem };

const MAX_KOP = BigInt(Number.MAX_SAFE_INTEGER);

const AMOUNT: Record<DecimalSeparator, RegExp> = {
  ".": amountPattern("\\."),
  ",": amountPattern(","),
};

function amountPattern(sep: string): RegExp {
  return new RegExp(`^([-\u2212])?(\\d{1,3}(?:[ \u00A0\u202F]\\d{3})+|\\d+)(?:${sep}(\\d+))?$`);
}

export function parseRegistryAmount(text: string, decimalSeparator: DecimalSeparator): AmountResult {
  const t = text.trim();
  if (t === "") return { ok: false, problem: "amount_missing" };
  const m = AMOUNT[decimalSeparator].exec(t);
  if (!m) return { ok: false, problem: "amount_malformed" };
  const decimals = m[3] ?? "";
  if (decimals.length > 2) return { ok: false, problem: "amount_too_many_decimals" };
  const digits = (m[2] ?? "").replace(/[ \u00A0\u202F]/g, "");
  const value = parseScaledDecimal(decimals ? `${digits}.${decimals}` : digits, 2);
  if (value === null || value > MAX_KOP) return { ok: false, problem: "amount_malformed" };
  if (m[1] && value !== 0n) return { ok: false, problem: "amount_negative" };
  if (value === 0n) return { ok: false, problem: "amount_zero" };
  return { ok: true, kop: kop(Number(value)) };
}
