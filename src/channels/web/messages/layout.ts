// The words of the cabinet's frame: the header, the navigation, the footer and the form machinery.
import { defineMessages } from "../../../i18n/messages.ts";

export const LAYOUT = defineMessages("cabinet: layout", {
  brand: { uk: "Абонент", ru: "Абонент", en: "Abonent" },
  skip: {
    uk: "Перейти до основного вмісту",
    ru: "Перейти к основному содержимому",
    en: "Skip to main content",
  },
  navLabel: { uk: "Розділи кабінету", ru: "Разделы кабинета", en: "Cabinet sections" },
  navHome: { uk: "Головна", ru: "Главная", en: "Home" },
  navReadings: { uk: "Показники", ru: "Показания", en: "Readings" },
  navMoney: { uk: "Нарахування й оплати", ru: "Начисления и оплаты", en: "Charges and payments" },
  navPay: { uk: "Оплатити", ru: "Оплатить", en: "Pay" },
  navCalculator: { uk: "Калькулятор", ru: "Калькулятор", en: "Calculator" },
  navNews: { uk: "Новини й контакти", ru: "Новости и контакты", en: "News and contacts" },
  navSettings: { uk: "Налаштування", ru: "Настройки", en: "Settings" },
  signOut: { uk: "Вийти", ru: "Выйти", en: "Sign out" },
  language: { uk: "Мова", ru: "Язык", en: "Language" },
  footer: {
    uk: "Абонент — кабінет споживача комунальних послуг.",
    ru: "Абонент — кабинет потребителя коммунальных услуг.",
    en: "Abonent — the utility customer's cabinet.",
  },
  errorSummaryTitle: { uk: "Виникла проблема", ru: "Возникла проблема", en: "There is a problem" },
  formExpired: {
    uk: "Форма застаріла. Сторінку оновлено — надішліть її ще раз.",
    ru: "Форма устарела. Страница обновлена — отправьте её ещё раз.",
    en: "The form had expired. The page has been refreshed — please send it again.",
  },
  required: { uk: "Заповніть це поле", ru: "Заполните это поле", en: "Enter a value" },
  back: { uk: "Назад", ru: "Назад", en: "Back" },
});
