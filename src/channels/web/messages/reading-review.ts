// What a resident reads about a reading an operator rejected: the figure, and the reason they were given.
import { defineMessages } from "../../../i18n/messages.ts";

export const READING_REVIEW = defineMessages("cabinet: reading review", {
  rejectedTitle: {
    uk: "Показники не прийнято",
    ru: "Показания не приняты",
    en: "Reading not accepted",
  },
  rejected: {
    uk: "Оператор не прийняв показники {value} від {date} (квитанція {receipt}).",
    ru: "Оператор не принял показания {value} от {date} (квитанция {receipt}).",
    en: "An operator did not accept the reading {value} of {date} (receipt {receipt}).",
  },
  reason: { uk: "Причина: {reason}", ru: "Причина: {reason}", en: "Reason: {reason}" },
  again: {
    uk: "Перевірте лічильник і передайте правильні показники.",
    ru: "Проверьте счётчик и передайте правильные показания.",
    en: "Please check the meter and send the correct reading.",
  },
});
