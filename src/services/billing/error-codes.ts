// What an administrator can be told about a billing run, in their language.
import type { ErrorSpec } from "../error-spec.ts";

export const BILLING_ERROR_CODES = {
  billing_period_closed: {
    status: 409,
    message: {
      uk: "Період {period} постачальника {provider} уже нараховано й закрито ({closedAt}). Виправлення потраплять у наступний період як перерахунок.",
      ru: "Период {period} поставщика {provider} уже начислен и закрыт ({closedAt}). Исправления попадут в следующий период как перерасчёт.",
      en: "Period {period} of {provider} is already billed and closed ({closedAt}). Corrections go into the next period as a recalculation.",
    },
  },
  billing_period_before_closed: {
    status: 409,
    message: {
      uk: "Період {period} раніший за останній закритий період {lastClosed} постачальника {provider}: виставлені рахунки не змінюються. Виправлення потраплять у наступний відкритий період як перерахунок.",
      ru: "Период {period} раньше последнего закрытого периода {lastClosed} поставщика {provider}: выставленные счета не меняются. Исправления попадут в следующий открытый период как перерасчёт.",
      en: "Period {period} is before {provider}'s last closed period {lastClosed}: issued bills never change. Corrections go into the next open period as a recalculation.",
    },
  },
  billing_period_before_tariffs: {
    status: 422,
    message: {
      uk: "Період {period} раніший за перший тариф постачальника {provider} (з {from}): нараховувати нема за чим.",
      ru: "Период {period} раньше первого тарифа поставщика {provider} (с {from}): начислять не по чему.",
      en: "Period {period} is before {provider}'s first tariff (from {from}): there is nothing to bill it by.",
    },
  },
  heating_season_invalid: {
    status: 400,
    message: {
      uk: "Неправильна дата опалювального сезону ({field}): «{value}». Вкажіть день і місяць як ММ-ДД, наприклад 10-15; початок і кінець мають різнитися.",
      ru: "Неверная дата отопительного сезона ({field}): «{value}». Укажите день и месяц как ММ-ДД, например 10-15; начало и конец должны различаться.",
      en: "The heating season's {field} is not a valid day: “{value}”. Give it as MM-DD, e.g. 10-15; the start and end must differ.",
    },
  },
  billing_period_not_over: {
    status: 422,
    message: {
      uk: "Період {period} ще не завершився: нарахування можливе з {from}.",
      ru: "Период {period} ещё не закончился: начисление возможно с {from}.",
      en: "Period {period} is not over yet: it can be billed from {from}.",
    },
  },
  billing_run_in_progress: {
    status: 409,
    message: {
      uk: "Нарахування за {period} для {provider} уже виконується. Дочекайтеся його завершення.",
      ru: "Начисление за {period} для {provider} уже выполняется. Дождитесь его завершения.",
      en: "Billing of {period} for {provider} is already running. Please wait for it to finish.",
    },
  },
  billing_tariff_missing: {
    status: 422,
    message: {
      uk: "Немає тарифу на послугу «{service}» у населеному пункті {settlement} на {day}. Додайте тариф і повторіть нарахування.",
      ru: "Нет тарифа на услугу «{service}» в населённом пункте {settlement} на {day}. Добавьте тариф и повторите начисление.",
      en: "There is no tariff for {service} in {settlement} on {day}. Add the tariff and run billing again.",
    },
  },
  billing_tariff_invalid: {
    status: 422,
    message: {
      uk: "Тариф №{tariff} на послугу «{service}» некоректний: {reason}",
      ru: "Тариф №{tariff} на услугу «{service}» некорректен: {reason}",
      en: "Tariff #{tariff} for {service} is not valid: {reason}",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
