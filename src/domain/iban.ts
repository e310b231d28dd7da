// Ukrainian IBANs: "UA", two check digits, the bank's 6-digit MFO and a 19-character
// account, 29 characters in all. ibantools does the ISO 13616 mod-97 arithmetic.

import { composeIBAN, isValidIBAN } from "ibantools";

/** Electronic form for storage and QR codes: no spaces or dashes, upper case. */
export function normalizeIban(text: string): string {
  return text.replace(/[\s\u00A0\u202F-]/g, "").toUpperCase();
}

/**
 * Strict: the electronic form only (as stored and as the NBU QR requires), so run
 * user input through normalizeIban first.
 */
export function isValidUaIban(iban: string): boolean {
  return /^UA\d{2}\d{6}[0-9A-Z]{19}$/.test(iban) && isValidIBAN(iban);
}

/**
 * Builds a valid IBAN from an MFO and an account number (for demo data). A shorter
 * account is left-padded with zeros to 19 characters, as Ukrainian banks do.
 */
export function makeUaIban(mfo6: string, account19: string): string {
  if (!/^\d{6}$/.test(mfo6)) throw new RangeError(`MFO must be 6 digits, got ${JSON.stringify(mfo6)}`);
  const account = account19.toUpperCase();
  if (!/^[0-9A-Z]{1,19}$/.test(account)) {
    throw new RangeError(`Account must be 1–19 digits or Latin letters, got ${JSON.stringify(account19)}`);
  }
  const iban = composeIBAN({ countryCode: "UA", bban: mfo6 + account.padStart(19, "0") });
  if (iban === null || !isValidUaIban(iban)) throw new RangeError("Could not compose a valid UA IBAN");
  return iban;
}

/** For print: groups of four separated by spaces, "UA21 3223 1300 …". */
export function formatIban(iban: string): string {
  return (normalizeIban(iban).match(/.{1,4}/g) ?? []).join(" ");
}
