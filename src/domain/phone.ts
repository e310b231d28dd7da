// Ukrainian phone numbers as people type them ("067 111 22 33", "+38 (067) 111-22-33", "8 067 1112233")
// turned into the one form the database keeps: +380 and nine digits.

const ALLOWED = /^\+?[0-9\s().-]+$/;

/** "+380XXXXXXXXX", or null when the text is not a Ukrainian phone number. */
export function normalizeUkrainianPhone(input: string): string | null {
  const text = input.trim();
  if (!ALLOWED.test(text)) return null;
  const digits = text.replace(/[^0-9]/g, "");
  let national: string | null = null;
  if (digits.length === 12 && digits.startsWith("380")) national = digits.slice(3);
  else if (digits.length === 14 && digits.startsWith("00380")) national = digits.slice(5);
  else if (!text.startsWith("+")) {
    // Without a country code: the trunk prefix 0, or the old long-distance 8 0.
    if (digits.length === 10 && digits.startsWith("0")) national = digits.slice(1);
    else if (digits.length === 11 && digits.startsWith("80")) national = digits.slice(2);
  }
  if (national === null || national.startsWith("0")) return null;
  return `+380${national}`;
}
