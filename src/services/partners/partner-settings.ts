// What the platform administrator sets on a partner besides its name: the terminals' protocol, the addresses it
// may call from, its rate, and its amount limits.
import { isIP } from "node:net";
import type { Tx } from "../../db/database.ts";
import { AppError } from "../errors.ts";

export interface PartnerSettings {
  terminalProtocol: boolean;
  /** Addresses or networks, "203.0.113.7" or "203.0.113.0/24"; empty: any. */
  ipAllow: string[];
  ratePerMinute: number;
  minPaymentKop: number;
  maxPaymentKop: number;
  dailyLimitKop: number;
}

/** The columns of the settings given (the rest keep their value or the table's default). */
export function settingsValues(s: Partial<PartnerSettings>) {
  return {
    ...(s.terminalProtocol === undefined ? {} : { terminal_protocol: s.terminalProtocol }),
    ...(s.ipAllow === undefined ? {} : { ip_allow: s.ipAllow }),
    ...(s.ratePerMinute === undefined ? {} : { rate_per_minute: s.ratePerMinute }),
    ...(s.minPaymentKop === undefined ? {} : { min_payment_kop: s.minPaymentKop }),
    ...(s.maxPaymentKop === undefined ? {} : { max_payment_kop: s.maxPaymentKop }),
    ...(s.dailyLimitKop === undefined ? {} : { daily_limit_kop: s.dailyLimitKop }),
  };
}

/** Limits in order: the smallest payment ≤ the largest ≤ the day's. */
export function checkLimitOrder(min: number, max: number, daily: number): void {
  if (!(min <= max && max <= daily))
    throw new AppError(
      "validation_failed",
      { details: "limits: minimum ≤ per payment ≤ daily" },
      { field: "limits" },
    );
}

/** The providers' ids, in order; an unknown code is not_found. */
export async function checkProviderCodes(trx: Tx, codes: string[]): Promise<number[]> {
  const unique = [...new Set(codes.map((c) => c.trim().toLowerCase()))];
  if (unique.length === 0) return [];
  const rows = await trx.selectFrom("providers").select(["id", "code"]).where("code", "in", unique).execute();
  if (rows.length !== unique.length) throw new AppError("not_found");
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Each entry an IPv4 or IPv6 address, with an optional prefix length its family allows. */
export function checkIpAllow(list: string[] | undefined): void {
  for (const entry of list ?? []) {
    const [address = "", prefix, ...rest] = entry.trim().split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? 0 : Number(prefix);
    const ok =
      family !== 0 &&
      rest.length === 0 &&
      (prefix === undefined || (/^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128)));
    if (!ok) throw new AppError("validation_failed", { details: `ipAllow: ${entry}` }, { field: "ipAllow" });
  }
}
