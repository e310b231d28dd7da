// Refusals of an administrator's submission-window rules: the domain's problems with the days
// (domain/submission-window.ts), a change dated in the past, and a service or settlement the provider does not serve.
import type { ErrorSpec } from "../error-spec.ts";

export const WINDOW_ERROR_CODES = {
  window_day_invalid: {
    status: 422,
    message: {
      uk: "День {day} не підходить: вкажіть день місяця від 1 до 31 або від −1 до −10 (−1 — останній день місяця).",
      ru: "День {day} не подходит: укажите день месяца от 1 до 31 или от −1 до −10 (−1 — последний день месяца).",
      en: "Day {day} will not do: give a day of the month from 1 to 31, or from −1 to −10 (−1 is the month's last day).",
    },
  },
  window_reversed: {
    status: 422,
    message: {
      uk: "Вікно {opens}…{closes} відкривається пізніше, ніж закривається: рахуючи від кінця місяця, день відкриття має бути раніше.",
      ru: "Окно {opens}…{closes} открывается позже, чем закрывается: считая от конца месяца, день открытия должен быть раньше.",
      en: "The window {opens}…{closes} opens after it closes: counting from the month's end, the opening day must come first.",
    },
  },
  window_empty_in_short_month: {
    status: 422,
    message: {
      uk: "Вікно {opens}…{closes} у місяці з {length} днів відкрилося б після закриття. Виберіть інші дні.",
      ru: "Окно {opens}…{closes} в месяце из {length} дней открылось бы после закрытия. Выберите другие дни.",
      en: "The window {opens}…{closes} would open after it closes in a {length}-day month. Please choose other days.",
    },
  },
  window_overlaps_next: {
    status: 422,
    message: {
      uk: "Вікно {opens}…{closes} у місяці з {length} днів ще було б відкрите, коли відкривається наступне. Скоротіть його.",
      ru: "Окно {opens}…{closes} в месяце из {length} дней ещё было бы открыто, когда открывается следующее. Сократите его.",
      en: "The window {opens}…{closes} would still be open when the next one opens in a {length}-day month. Please shorten it.",
    },
  },
  window_deemed_first_outside: {
    status: 422,
    message: {
      uk: "Показання «на 1-ше число» потребують вікна, що містить 1-ше число: через кінець місяця або з 1-го дня.",
      ru: "Показания «на 1-е число» требуют окна, содержащего 1-е число: через конец месяца или с 1-го дня.",
      en: "Readings counted on the 1st need a window that contains a 1st: across the month's end, or opening on day 1.",
    },
  },
  window_effective_in_past: {
    status: 422,
    message: {
      uk: "Зміна не може діяти з минулої дати ({date}): минулі періоди вже рахувалися за старим вікном. Вкажіть {today} або пізніше.",
      ru: "Изменение не может действовать с прошедшей даты ({date}): прошлые периоды уже считались по старому окну. Укажите {today} или позже.",
      en: "A change cannot take effect in the past ({date}): past periods were counted under the old window. Please give {today} or later.",
    },
  },
  window_already_in_force: {
    status: 409,
    message: {
      uk: "Правило з {date} вже діє: показання сьогодні приймалися за ним. Нове правило може діяти з {next}.",
      ru: "Правило с {date} уже действует: показания сегодня принимались по нему. Новое правило может действовать с {next}.",
      en: "The rule from {date} is already in force: today's readings were taken under it. A new rule can take effect from {next}.",
    },
  },
  service_not_served: {
    status: 422,
    message: {
      uk: "Постачальник не надає цю послугу в цьому населеному пункті.",
      ru: "Поставщик не оказывает эту услугу в этом населённом пункте.",
      en: "The provider does not supply this service in this settlement.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
