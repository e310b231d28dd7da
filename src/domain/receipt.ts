// The short receipt number a resident quotes to an operator: 8 characters of
// Crockford's base32 (40 random bits), shown as "XXXX-XXXX". The alphabet has no I, L,
// O or U, so what is read aloud or retyped from a screen survives, and decoding
// forgives the usual confusions. 40 bits do not make a receipt unique by themselves:
// the store must enforce uniqueness and draw again on a clash.

import { normalizeAccountNumber } from "./account-number.ts";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECEIPT_BYTES = 5;
const RECEIPT_RE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Formats the first 5 bytes (big-endian, 8 × 5 bits) of caller-supplied randomness. */
export function formatReceipt(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_BYTES) {
    throw new RangeError(`A receipt needs at least ${RECEIPT_BYTES} random bytes, got ${bytes.length}`);
  }
  let n = 0n;
  for (let i = 0; i < RECEIPT_BYTES; i++) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  let out = "";
  for (let shift = 35n; shift >= 0n; shift -= 5n) out += ALPHABET[Number((n >> shift) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

// Crockford's decoding aliases; U stays invalid.
const ALIASES: Readonly<Record<string, string>> = { I: "1", L: "1", O: "0" };

// Only letters, digits, whitespace and dashes of any kind; "AB.CD/1234" is not a receipt.
const TYPED_RE = /^[\p{L}\p{Nd}\s\p{Pd}]*$/u;

/**
 * What a resident or operator typed → the canonical "XXXX-XXXX", or null. Case,
 * spaces and dashes are ignored, I/L read as 1 and O as 0, and Cyrillic look-alikes
 * (a Ukrainian keyboard left on: "А", "о", "І") count as their Latin twins.
 */
export function normalizeReceipt(typed: string): string | null {
  if (!TYPED_RE.test(typed.normalize("NFKC"))) return null;
  // The account-number key does NFKC, upper case, Cyrillic→Latin and drops separators.
  let s = "";
  for (const ch of normalizeAccountNumber(typed)) s += ALIASES[ch] ?? ch;
  if (s.length !== 8) return null;
  const canonical = `${s.slice(0, 4)}-${s.slice(4)}`;
  return RECEIPT_RE.test(canonical) ? canonical : null;
}

/** True only for the canonical form "XXXX-XXXX"; pass typed input through normalizeReceipt. */
export function isReceipt(s: unknown): s is string {
  return typeof s === "string" && RECEIPT_RE.test(s);
}
