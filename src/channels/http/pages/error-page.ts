// The page a browser gets when a page's request fails (a field too long, a damaged form): the error's message in
// the page's language, in the pages' one layout, instead of the API's JSON.
import type { Locale } from "../../../i18n/locale.ts";
import { defineMessages, format } from "../../../i18n/messages.ts";
import { html, page } from "./html.ts";

const TEXT = defineMessages("page: error", {
  title: { uk: "Помилка", ru: "Ошибка", en: "Error" },
  back: {
    uk: "Поверніться на попередню сторінку й спробуйте ще раз.",
    ru: "Вернитесь на предыдущую страницу и попробуйте ещё раз.",
    en: "Please go back to the previous page and try again.",
  },
});

export function errorPage(locale: Locale, message: string): string {
  const title = format(TEXT.title, locale);
  return page({
    locale,
    title,
    body: html`
<h1>${title}</h1>
<p class="alert" role="alert">${message}</p>
<p>${format(TEXT.back, locale)}</p>
`,
  });
}
