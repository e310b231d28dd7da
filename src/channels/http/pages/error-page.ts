// The page a browser gets when a page's request fails (a field too long, a damaged form): the error's message in
// the page's language, in the pages' one layout, instead of the API's JSON.
import type { Locale } from "../../../i18n/locale.ts";
import { html, page } from "./html.ts";

const TITLE: Record<Locale, string> = { uk: "Помилка", ru: "Ошибка", en: "Error" };
const BACK: Record<Locale, string> = {
  uk: "Поверніться на попередню сторінку й спробуйте ще раз.",
  ru: "Вернитесь на предыдущую страницу и попробуйте ещё раз.",
  en: "Please go back to the previous page and try again.",
};

export function errorPage(locale: Locale, message: string): string {
  return page({
    locale,
    title: TITLE[locale],
    body: html`
<h1>${TITLE[locale]}</h1>
<p class="alert" role="alert">${message}</p>
<p>${BACK[locale]}</p>
`,
  });
}
