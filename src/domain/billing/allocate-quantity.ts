// Exact proportional split of a quantity in thousandths. Billing splits quantities
// (block volumes over zones, a month's use over tariff parts, a true consumption over
// estimated months) by the same largest-remainder rule that money.ts uses for kopiykas,
// so one tie-break (the earlier index) governs both and a SQL mirror needs only one.

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
