// A calendar date inside a refusal's message, as each language writes it ("1 січня 2027", "1 January 2027").
import { formatDate } from "../../i18n/format.ts";
import type { Translated } from "../../i18n/locale.ts";
import { inEveryLocale } from "../errors.ts";

export const dateParam = (date: string): Translated => inEveryLocale((locale) => formatDate(date, locale));
