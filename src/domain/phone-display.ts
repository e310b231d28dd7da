// A stored phone number ("+380676526000") as Ukrainians write it: the mobile operator's or the town's code in
// brackets and the rest in groups — "(067) 652 60 00", "(0629) 52 60 00" — and a free 0 800 line as "0 800 300 104".
// Mobile codes are three digits (0 + a two-digit operator code); town codes in Donetsk oblast four (062x).

/** Operator codes of Ukrainian mobile networks (Kyivstar, Vodafone, lifecell, 3Mob, Intertelecom and the rest). */
const MOBILE = /^0(39|50|6[3678]|73|89|9[1-9])/;

/** "(067) 652 60 00"; anything that is not +380 and nine digits is returned unchanged. */
export function formatUkrainianPhone(e164: string): string {
  if (!/^\+380\d{9}$/.test(e164)) return e164;
  const n = e164.slice(3); // 0XXXXXXXXX
  if (n.startsWith("0800")) return `0 800 ${n.slice(4, 7)} ${n.slice(7)}`;
  if (MOBILE.test(n)) return `(${n.slice(0, 3)}) ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
  return `(${n.slice(0, 4)}) ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
}
