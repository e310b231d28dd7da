// A meter value as its dial shows it, for API answers: "12345" on a whole-unit dial, "12.3" on a one-decimal one.
import { quantityToNumeric } from "../../domain/quantity.ts";

/** From the database's numeric text ("12345.000"). */
export function dialText(numeric: string, decimals: number): string {
  const [whole, frac = ""] = numeric.split(".");
  return decimals === 0 ? whole! : `${whole}.${frac.padEnd(decimals, "0").slice(0, decimals)}`;
}

/** From exact thousandths. */
export function dialTextOf(thousandths: bigint, decimals: number): string {
  return dialText(quantityToNumeric(thousandths), decimals);
}
