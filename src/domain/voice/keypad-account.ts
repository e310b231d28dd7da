// An account number keyed on the phone's keypad (DTMF) instead of said: the fallback when speech is not
// understood. Digits are themselves; the separators take two keys; letters cannot be keyed (a number with letters
// has to be said, or its digits alone tried — the search also matches numbers by their digits).
import { type AccountResult, accountFromHeard } from "./spoken-account.ts";

/** The convention, as data: the bot's prompts and docs/voice.md are written from it. */
export const KEYPAD_CONVENTION = {
  digits: "0–9 are the digits themselves",
  specials: [
    { keys: "*1", means: "-", uk: "дефіс", ru: "дефис", en: "hyphen" },
    { keys: "*2", means: "/", uk: "дріб", ru: "дробь", en: "slash" },
    { keys: "*3", means: ".", uk: "крапка", ru: "точка", en: "full stop" },
  ],
  erase: {
    keys: "**",
    uk: "стерти останній символ",
    ru: "стереть последний символ",
    en: "erase the last character",
  },
  end: { keys: "#", uk: "завершити введення", ru: "завершить ввод", en: "end the entry" },
  letters: {
    uk: "Літери з клавіатури ввести не можна: назвіть номер голосом.",
    ru: "Буквы с клавиатуры ввести нельзя: назовите номер голосом.",
    en: "Letters cannot be keyed: say the number instead.",
  },
} as const;

export type KeypadAccountError = "empty" | "bad_keys" | "misplaced_separator" | "no_digits" | "too_long";

/**
 * The keys pressed, "#" already stripped by the caller (a trailing one is accepted too): "12*1345" → "12-345".
 * `bad_keys` for anything else: a "*" not followed by 1, 2, 3 or "*", a "#" before the end, A–D.
 */
export function parseKeypadAccount(keys: string): AccountResult | { error: KeypadAccountError } {
  const pressed = keys.replace(/\s+/g, "").replace(/#$/, "");
  let heard = "";
  for (let i = 0; i < pressed.length; i++) {
    const k = pressed[i]!;
    if (k >= "0" && k <= "9") heard += k;
    else if (k === "*") {
      const next = pressed[++i];
      const special = KEYPAD_CONVENTION.specials.find((s) => s.keys === `*${next}`);
      if (next === "*") heard = [...heard].slice(0, -1).join("");
      else if (special) heard += special.means;
      else return { error: "bad_keys" };
    } else return { error: "bad_keys" };
  }
  return accountFromHeard(heard);
}
