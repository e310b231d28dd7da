// What the speech recogniser gives the voice bot is text: lower- or mixed-case words, digits, the punctuation
// Whisper adds, and the apostrophe in whichever of its shapes. The parsers compare folded words, so "Пʼять",
// "п'ять", "п’ять" and "пять" are one word, and "ё" is "е".

export type VoiceLang = "uk" | "ru";

// U+02BC (the Ukrainian orthographic apostrophe), U+0027, U+2019, and the look-alikes keyboards and ASR produce.
const APOSTROPHES = /[ʼ'’‘`´ʹ′]/gu;

/** Lower case, NFC, apostrophes dropped, "ё" as "е". Words are compared only in this form. */
export function foldSpoken(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(APOSTROPHES, "").replace(/ё/gu, "е");
}
