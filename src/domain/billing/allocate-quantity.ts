// Exact proportional split of a quantity in thousandths. Billing splits quantities (a
// month's use over tariff parts, a true consumption over the months it is re-spread over)
// by the same largest-remainder rule that money.ts uses for kopiykas, so one tie-break
// (the earlier index) governs both and the SQL mirror needs only one. Block volumes are
// shared among zones in closed form instead (tariff.ts: splitBlocksOverZones).

import { allocateKop, kopFromBigInt } from "../money.ts";

/**
 * Splits `total` thousandths into parts proportional to non-negative `weights` that sum
 * to exactly `total`; each part is the floor or the ceiling of its exact share. Delegates
 * to allocateKop: thousandths are whole numbers just as kopiykas are, and the safe-integer
 * range (9·10^12 units) is far beyond any meter.
 */
export function allocateQuantity(total: bigint, weights: readonly bigint[]): bigint[] {
  return allocateKop(kopFromBigInt(total), weights).map((part) => BigInt(part));
}
