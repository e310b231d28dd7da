// ЄДРПОУ: the 8-digit code of a Ukrainian legal entity, whose last digit is a
// check digit. The official algorithm:
// - weights 1,2,3,4,5,6,7 for codes below 30000000 or above 60000000,
//   weights 7,1,2,3,4,5,6 otherwise (30000000..60000000 inclusive);
// - check = (Σ digit·weight) mod 11; if that is 10, repeat with every weight + 2,
//   and if it is 10 again the check digit is 0.
// Where a bill's payment QR carries the code, a wrong check digit would send money nowhere.

const LOW_WEIGHTS = [1, 2, 3, 4, 5, 6, 7] as const;
const MID_WEIGHTS = [7, 1, 2, 3, 4, 5, 6] as const;

function weightedMod11(first7: string, weights: readonly number[], bonus: number): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * ((weights[i] ?? 0) + bonus);
  return sum % 11;
}

/** The check digit the algorithm expects for a full 8-digit code (its own last digit ignored). */
function expectedCheckDigit(code: string): number {
  const value = Number(code);
  const weights = value < 30_000_000 || value > 60_000_000 ? LOW_WEIGHTS : MID_WEIGHTS;
  const first7 = code.slice(0, 7);
  const r = weightedMod11(first7, weights, 0);
  if (r < 10) return r;
  const r2 = weightedMod11(first7, weights, 2);
  return r2 < 10 ? r2 : 0;
}

export function isValidEdrpou(code: string): boolean {
  return /^\d{8}$/.test(code) && expectedCheckDigit(code) === Number(code[7]);
}

/**
 * The check digit completing a 7-digit prefix. The weight set depends on the whole
 * code, so the digit is found as the one that makes the code valid (unique for
 * every prefix; the only boundary case, prefix 6000000, resolves to 6).
 */
export function edrpouCheckDigit(first7: string): number {
  if (!/^\d{7}$/.test(first7)) throw new RangeError(`Expected 7 digits, got ${JSON.stringify(first7)}`);
  const fits: number[] = [];
  for (let c = 0; c <= 9; c++) if (isValidEdrpou(`${first7}${c}`)) fits.push(c);
  if (fits.length !== 1 || fits[0] === undefined) {
    throw new RangeError(`No unique ЄДРПОУ check digit for ${first7}`);
  }
  return fits[0];
}
