// The built-in demo gateway's pages: the card form a resident fills in (test cards only), and its error pages.
import { formatUah, kop } from "../../../domain/money.ts";
import type { DemoCheckout } from "../../../gateways/demo/demo-acquirer.ts";
import { DEMO_CHECKOUT_PATH, DEMO_PAY_PATH } from "../../../gateways/demo/demo-gateway.ts";
import type { CardField, CardProblem } from "../../../gateways/demo/test-cards.ts";
import { LOCALES, type Locale } from "../../../i18n/locale.ts";
import { bindMessages, defineMessages } from "../../../i18n/messages.ts";
import { type Html, html, LANGUAGE_NAMES, page } from "./html.ts";

const TEXT = defineMessages("page: demo gateway", {
  title: {
    uk: "Оплата карткою (демо)",
    ru: "Оплата картой (демо)",
    en: "Card payment (demo)",
  },
  demo: {
    uk: "Це демонстраційний платіжний шлюз Abonent: справжні гроші не списуються.",
    ru: "Это демонстрационный платёжный шлюз Abonent: настоящие деньги не списываются.",
    en: "This is Abonent's demo payment gateway: no real money is taken.",
  },
  testCards: {
    uk: "Тестові картки: 4242 4242 4242 4242 — оплата успішна, 4000 0000 0000 0002 — банк відмовляє. Термін дії — будь-який майбутній, CVC — будь-які 3 цифри.",
    ru: "Тестовые карты: 4242 4242 4242 4242 — оплата успешна, 4000 0000 0000 0002 — банк отказывает. Срок действия — любой будущий, CVC — любые 3 цифры.",
    en: "Test cards: 4242 4242 4242 4242 is paid, 4000 0000 0000 0002 is declined by the bank. Any future expiry date, any 3 digits for the CVC.",
  },
  description: {
    uk: "Призначення",
    ru: "Назначение",
    en: "For",
  },
  amount: {
    uk: "До сплати",
    ru: "К оплате",
    en: "To pay",
  },
  card: {
    uk: "Номер картки",
    ru: "Номер карты",
    en: "Card number",
  },
  cardHint: {
    uk: "16 цифр з лицьового боку картки",
    ru: "16 цифр с лицевой стороны карты",
    en: "The 16 digits on the front of the card",
  },
  expiry: {
    uk: "Термін дії",
    ru: "Срок действия",
    en: "Expiry date",
  },
  expiryHint: {
    uk: "Місяць і рік, як на картці: ММ/РР",
    ru: "Месяц и год, как на карте: ММ/ГГ",
    en: "Month and year, as on the card: MM/YY",
  },
  cvc: {
    uk: "CVC",
    ru: "CVC",
    en: "CVC",
  },
  cvcHint: {
    uk: "3 цифри на звороті картки",
    ru: "3 цифры на обороте карты",
    en: "The 3 digits on the back of the card",
  },
  pay: {
    uk: "Сплатити",
    ru: "Оплатить",
    en: "Pay",
  },
  cancel: {
    uk: "Скасувати й повернутися",
    ru: "Отменить и вернуться",
    en: "Cancel and go back",
  },
  fix: {
    uk: "Будь ласка, виправте:",
    ru: "Пожалуйста, исправьте:",
    en: "Please correct:",
  },
  /** By the card field's problem (CardProblem). */
  problem: {
    uk: "{problem, select, card_invalid {У номері картки помилка. Перевірте його.} card_not_test {Це демонстраційна сторінка: введіть одну з тестових карток.} expiry_invalid {Введіть термін дії як на картці, наприклад 12/30.} expiry_past {Термін дії картки минув.} cvc_invalid {CVC — це 3 цифри на звороті картки.} other {{problem}}}",
    ru: "{problem, select, card_invalid {В номере карты ошибка. Проверьте его.} card_not_test {Это демонстрационная страница: введите одну из тестовых карт.} expiry_invalid {Введите срок действия как на карте, например 12/30.} expiry_past {Срок действия карты истёк.} cvc_invalid {CVC — это 3 цифры на обороте карты.} other {{problem}}}",
    en: "{problem, select, card_invalid {The card number has a mistake in it. Please check it.} card_not_test {This is a demo page: please enter one of the test cards.} expiry_invalid {Enter the expiry date as on the card, for example 12/30.} expiry_past {The card has expired.} cvc_invalid {The CVC is the 3 digits on the back of the card.} other {{problem}}}",
  },
  badCheckout: {
    uk: "Дані платежу пошкоджено або їхній підпис не збігається. Поверніться до кабінету й почніть оплату знову.",
    ru: "Данные платежа повреждены или их подпись не совпадает. Вернитесь в кабинет и начните оплату заново.",
    en: "The payment data is damaged or its signature does not match. Please go back to your account and start the payment again.",
  },
  deliveryFailed: {
    uk: "Не вдалося повідомити кабінет про оплату. Спробуйте ще раз за хвилину.",
    ru: "Не удалось сообщить кабинету об оплате. Попробуйте ещё раз через минуту.",
    en: "We could not tell your account about the payment. Please try again in a minute.",
  },
  back: {
    uk: "Повернутися",
    ru: "Вернуться",
    en: "Go back",
  },
});

const hidden = (c: DemoCheckout): Html =>
  html`<input type="hidden" name="data" value="${c.data}"><input type="hidden" name="signature" value="${c.signature}">`;

export interface CardFormState {
  card?: string;
  expiry?: string;
  problems?: Partial<Record<CardField, CardProblem>>;
}

export function cardFormPage(checkout: DemoCheckout, locale: Locale, state: CardFormState = {}): string {
  const t = bindMessages(TEXT, locale);
  const problems = state.problems ?? {};
  const amount = formatUah(kop(checkout.amountKop), locale);
  const field = (
    name: CardField,
    input: string,
    label: string,
    hint: string,
    attrs: Html,
    value: string | undefined,
  ): Html => {
    const problem = problems[name];
    const describedBy = `${name}-hint${problem ? ` ${name}-error` : ""}`;
    return html`
<label for="${name}">${label}</label>
<p class="hint" id="${name}-hint">${hint}</p>
${problem ? html`<p class="error" id="${name}-error">${t.problem({ problem: problem })}</p>` : ""}
<input id="${name}" name="${input}" ${attrs} aria-describedby="${describedBy}"${
      problem ? html` aria-invalid="true"` : ""
    } value="${value ?? ""}" required>`;
  };
  const listed = (Object.entries(problems) as [CardField, CardProblem][]).map(
    ([name, problem]) => html`<li><a href="#${name}">${t.problem({ problem: problem })}</a></li>`,
  );
  return page({
    locale,
    title: t.title(),
    body: html`
<nav class="langs" aria-label="Мова / Язык / Language">${LOCALES.filter((l) => l !== locale).map(
      (l) =>
        html`<form method="post" action="${DEMO_CHECKOUT_PATH}?lang=${l}">${hidden(checkout)}<button type="submit" lang="${l}">${LANGUAGE_NAMES[l]}</button></form> `,
    )}</nav>
<h1>${t.title()}</h1>
<p class="demo">${t.demo()} ${t.testCards()}</p>
${listed.length ? html`<div class="alert" role="alert"><p>${t.fix()}</p><ul>${listed}</ul></div>` : ""}
<dl>
  <dt>${t.description()}</dt><dd>${checkout.description}</dd>
  <dt>${t.amount()}</dt><dd class="amount">${amount}</dd>
</dl>
<form method="post" action="${DEMO_PAY_PATH}?lang=${locale}" novalidate>
${hidden(checkout)}
${field("card", "card_number", t.card(), t.cardHint(), html`type="text" inputmode="numeric" autocomplete="cc-number" maxlength="23"`, state.card)}
${field("expiry", "expiry", t.expiry(), t.expiryHint(), html`type="text" inputmode="numeric" autocomplete="cc-exp" maxlength="7"`, state.expiry)}
${field("cvc", "cvc", t.cvc(), t.cvcHint(), html`type="password" inputmode="numeric" autocomplete="cc-csc" maxlength="3"`, "")}
<button type="submit">${t.pay()} ${amount}</button>
</form>
<p><a href="${checkout.resultUrl}?lang=${locale}">${t.cancel()}</a></p>
`,
  });
}

export function demoErrorPage(
  kind: "bad_checkout" | "delivery_failed",
  locale: Locale,
  back?: string,
): string {
  const t = bindMessages(TEXT, locale);
  return page({
    locale,
    title: t.title(),
    body: html`
<h1>${t.title()}</h1>
<p class="alert" role="alert">${kind === "bad_checkout" ? t.badCheckout() : t.deliveryFailed()}</p>
${back ? html`<p><a href="${back}">${t.back()}</a></p>` : ""}
`,
  });
}
