// A personal account number (особовий рахунок) is the provider's own string, printed
// with digits, Latin or Cyrillic letters, '-', '/', '.' and spaces. People retype it
// from paper, say it to a voice bot or an operator, and mix up look-alike letters,
// so lookups compare a normalized key rather than the printed text.

// Uppercase Cyrillic letters whose printed shape is the same as a Latin capital.
// У is left alone: its printed shape differs from Y (a tail to the lower left
// instead of a vertical stem), and mapping it would merge accounts that differ
// only there. Є, Ї, Ґ, Й and the other letters have no Latin twin and stay
// Cyrillic. Ѕ and Ј (Serbian/Macedonian) are identical to S and J in print.
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  І: "I",
  Ѕ: "S",
  Ј: "J",
};

/** The other way, for saying a stored number aloud: a Latin look-alike read as the Ukrainian letter it stands for
 * (Ѕ and Ј are not Ukrainian, so S and J stay Latin). */
export const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CYRILLIC_TO_LATIN)
    .filter(([cyrillic]) => cyrillic !== "Ѕ" && cyrillic !== "Ј")
    .map(([cyrillic, latin]) => [latin, cyrillic]),
);

// Letters (but not modifier letters such as the apostrophe ʼ) and decimal digits.
const KEPT = /^[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{Nd}]$/u;

/**
 * The lookup key: NFKC, uppercase, look-alike Cyrillic capitals turned Latin,
 * everything but letters and digits removed ("12-345/67", " 12 345 67 " and
 * "1234567" agree; "ав123" equals "AB123"). "" when nothing is left.
 */
export function normalizeAccountNumber(raw: string): string {
  // № must go before NFKC, which would turn it into the letters "No".
  const upper = raw.replace(/№/g, "").normalize("NFKC").toUpperCase().normalize("NFKC");
  let out = "";
  for (const ch of upper) {
    const mapped = CYRILLIC_TO_LATIN[ch] ?? ch;
    if (KEPT.test(mapped)) out += mapped;
  }
  // Removing separators can bring combinable characters (Hangul jamo) together.
  return out.normalize("NFKC");
}

const ALLOWED = /^[\p{Lu}\p{Ll}\p{Lt}\p{Lo}0-9 \u00A0\u202F\-/.]+$/u;

/**
 * Whether text can be stored as an account number: 1–40 characters after trimming,
 * at least one digit 0–9, nothing but letters, digits, spaces, '-', '/' and '.'.
 */
export function isValidAccountNumber(raw: string): boolean {
  const s = raw.normalize("NFC").trim();
  const length = [...s].length;
  return length >= 1 && length <= 40 && ALLOWED.test(s) && /[0-9]/.test(s);
}

/**
 * What a provider's account numbers look like, as far as matching a number typed without its leading zeros needs:
 * how many digits each has when every one of them is digits only and of one length (zero-padded to a fixed width,
 * as gas suppliers' ten-digit numbers are), else null. `keys` describes the provider's normalized numbers.
 */
export function zeroPaddedWidth(keys: {
  count: number;
  minLength: number;
  maxLength: number;
  allDigits: boolean;
}) {
  return keys.count > 0 && keys.allDigits && keys.minLength === keys.maxLength ? keys.maxLength : null;
}

/**
 * The key to look a written number up by at a provider whose numbers are `width` zero-padded digits: "451",
 * "0451" and "000000000451" all become "0000000451" for width 10. Anything else — letters in it, more significant
 * digits than the width, a provider without such a width — is left as it is. Only for matching a number someone
 * wrote (a bank's registry); the stored key (normalizeAccountNumber) stays the number as printed.
 */
export function paddedAccountKey(key: string, width: number | null): string {
  if (width === null || !/^[0-9]+$/.test(key)) return key;
  const significant = key.replace(/^0+/, "");
  return significant.length <= width ? significant.padStart(width, "0") : key;
}
