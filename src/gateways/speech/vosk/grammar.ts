// A Vosk grammar: the phrases the caller may say at this step, as the JSON array vosk_recognizer_new_grm takes.
// Vosk's small models know lower-case words only, without punctuation; "[unk]" lets anything else come out as
// unknown instead of being forced onto the nearest allowed phrase.

/** Lower case, apostrophes made one (the models spell "п'ять" with ASCII '), punctuation dropped. */
export function normalizePhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[’ʼ`´]/g, "'")
    .replace(/[^\p{L}\p{N}' -]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** null when there is nothing to restrict to: the recogniser then takes free speech. */
export function voskGrammar(phrases: string[]): string | null {
  const unique = [...new Set(phrases.map(normalizePhrase).filter(Boolean))];
  if (unique.length === 0) return null;
  return JSON.stringify([...unique, "[unk]"]);
}
