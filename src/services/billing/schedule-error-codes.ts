// What an administrator can be told about the billing schedule and a billing run started from the console.
import type { ErrorSpec } from "../error-spec.ts";

export const BILLING_SCHEDULE_ERROR_CODES = {
  billing_schedule_unavailable: {
    status: 503,
    message: {
      uk: "Розклад нарахувань зберігає черга завдань, а цей сервер її не запускає. Розклад можна задати на сервері, запущеному командою «abonent serve», або командою «abonent schedule billing».",
      ru: "Расписание начислений хранит очередь заданий, а этот сервер её не запускает. Расписание можно задать на сервере, запущенном командой «abonent serve», или командой «abonent schedule billing».",
      en: "The billing schedule is kept by the job queue, which this server does not run. Set it on a server started with “abonent serve”, or with “abonent schedule billing”.",
    },
  },
  billing_schedule_invalid: {
    status: 400,
    message: {
      uk: "Розклад «{cron}» неможливий: {reason}. Оберіть день місяця від 1 до 28 і годину від 0 до 23.",
      ru: "Расписание «{cron}» невозможно: {reason}. Выберите день месяца от 1 до 28 и час от 0 до 23.",
      en: "The schedule “{cron}” is not possible: {reason}. Choose a day of the month from 1 to 28 and an hour from 0 to 23.",
    },
  },
} satisfies Record<string, ErrorSpec>;
