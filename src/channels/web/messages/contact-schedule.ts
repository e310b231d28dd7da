// The words of a provider's card on the contacts page about time: whether the contact centre answers now, and the
// days ahead with other hours (holidays, shortened days) its administrators set in the console.
import { defineMessages } from "../../../i18n/messages.ts";

export const CONTACT_SCHEDULE = defineMessages("cabinet: contact schedule", {
  openNow: {
    uk: "Контакт-центр зараз працює, до {time}.",
    ru: "Контакт-центр сейчас работает, до {time}.",
    en: "The contact centre is open now, until {time}.",
  },
  closedNow: {
    uk: "Контакт-центр зараз зачинено. Відкриється {when}.",
    ru: "Контакт-центр сейчас закрыт. Откроется {when}.",
    en: "The contact centre is closed now. It opens {when}.",
  },
  closedNoHours: {
    uk: "Контакт-центр зараз зачинено.",
    ru: "Контакт-центр сейчас закрыт.",
    en: "The contact centre is closed now.",
  },
  specialCaption: {
    uk: "Особливий графік у найближчі дні (за київським часом)",
    ru: "Особый график в ближайшие дни (по киевскому времени)",
    en: "Special hours in the days ahead (Kyiv time)",
  },
  date: { uk: "Дата", ru: "Дата", en: "Date" },
  line: { uk: "Лінія", ru: "Линия", en: "Line" },
  hours: { uk: "Години", ru: "Часы", en: "Hours" },
  lineName: {
    uk: "{line, select, voice {Голосовий бот} other {Контакт-центр}}",
    ru: "{line, select, voice {Голосовой бот} other {Контакт-центр}}",
    en: "{line, select, voice {Voice bot} other {Contact centre}}",
  },
  closedDay: { uk: "не працює", ru: "не работает", en: "closed" },
  timeRange: { uk: "з {opens} до {closes}", ru: "с {opens} до {closes}", en: "{opens} to {closes}" },
});
