// The proof a resident gives that the account is theirs: the amount due of its last bill, as printed on paper.
// People copy it with the bill's spaces and comma ("1 234,56"), a dot, a currency word after it; all are read.
import { type Kopiykas, MoneyFormatError, parseUah } from "../../domain/money.ts";

const CURRENCY = /\s*(грн\.?|uah|₴)\s*$/i;

/** The amount in kopiykas, or null when the text is no amount. */
export function readAmountDue(text: string): Kopiykas | null {
  const bare = text
    .trim()
    .replace(CURRENCY, "")
    .replace(/^(uah|₴)\s*/i, "");
  try {
    return parseUah(bare);
  } catch (e) {
    if (e instanceof MoneyFormatError) return null;
    throw e;
  }
}
