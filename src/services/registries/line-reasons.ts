// Why a registry line was not posted: a stable code per reason (kept in registry_lines.reason) and its message in
// each language (ICU MessageFormat), filled from the facts kept with the line (registry_lines.details).
import type { RegistryLineOutcome } from "../../db/tables/registries.table.ts";
import type { MalformedReason } from "../../domain/registry/read-registry-line.ts";
import type { Locale } from "../../i18n/locale.ts";
import { defineMessages, format, type Message } from "../../i18n/messages.ts";

type Reason = { outcome: Exclude<RegistryLineOutcome, "posted">; message: Message };

const MALFORMED = defineMessages("registry line: malformed", {
  reference_missing: {
    uk: "немає номера платежу (референсу)",
    ru: "нет номера платежа (референса)",
    en: "the payment's reference is missing",
  },
  reference_too_long: {
    uk: "номер платежу «{value}…» задовгий (понад 100 символів)",
    ru: "номер платежа «{value}…» слишком длинный (более 100 символов)",
    en: 'the payment\'s reference "{value}…" is too long (over 100 characters)',
  },
  account_missing: {
    uk: "не вказано особовий рахунок",
    ru: "не указан лицевой счёт",
    en: "the account number is missing",
  },
  account_invalid: {
    uk: "«{value}» не схоже на особовий рахунок",
    ru: "«{value}» не похоже на лицевой счёт",
    en: '"{value}" does not look like an account number',
  },
  amount_missing: { uk: "не вказано суму", ru: "не указана сумма", en: "the amount is missing" },
  amount_malformed: {
    uk: "сума «{value}» не є числом у форматі {example}",
    ru: "сумма «{value}» не является числом в формате {example}",
    en: 'the amount "{value}" is not a number written as {example}',
  },
  amount_too_many_decimals: {
    uk: "сума «{value}» має більше двох знаків після коми",
    ru: "сумма «{value}» имеет больше двух знаков после запятой",
    en: 'the amount "{value}" has more than two decimals',
  },
  amount_negative: {
    uk: "сума «{value}» від'ємна: реєстр містить лише платежі",
    ru: "сумма «{value}» отрицательная: реестр содержит только платежи",
    en: 'the amount "{value}" is negative: a registry holds payments only',
  },
  amount_zero: { uk: "сума дорівнює нулю", ru: "сумма равна нулю", en: "the amount is zero" },
  amount_too_large: {
    uk: "сума «{value}» більша за {max} грн — найбільший платіж, який приймається з цього джерела",
    ru: "сумма «{value}» больше {max} грн — наибольшего платежа, принимаемого из этого источника",
    en: 'the amount "{value}" is above {max} UAH, the largest payment this source may bring',
  },
  paid_on_missing: {
    uk: "не вказано дату оплати",
    ru: "не указана дата оплаты",
    en: "the payment date is missing",
  },
  paid_on_invalid: {
    uk: "дата оплати «{value}» не є реальною датою у форматі {format}",
    ru: "дата оплаты «{value}» не является реальной датой в формате {format}",
    en: 'the payment date "{value}" is not a real date written as {format}',
  },
  paid_on_future: {
    uk: "дата оплати «{value}» пізніша за сьогодні ({today})",
    ru: "дата оплаты «{value}» позже сегодняшней ({today})",
    en: 'the payment date "{value}" is later than today ({today})',
  },
  period_invalid: {
    uk: "період «{value}» не є місяцем (РРРР-ММ або ММ.РРРР)",
    ru: "период «{value}» не является месяцем (ГГГГ-ММ или ММ.ГГГГ)",
    en: 'the period "{value}" is not a month (YYYY-MM or MM.YYYY)',
  },
  provider_edrpou_invalid: {
    uk: "код ЄДРПОУ отримувача «{value}» має бути з 8 цифр",
    ru: "код ЕГРПОУ получателя «{value}» должен состоять из 8 цифр",
    en: 'the recipient\'s EDRPOU code "{value}" must be 8 digits',
  },
  provider_iban_invalid: {
    uk: "рахунок отримувача «{value}» не є українським IBAN",
    ru: "счёт получателя «{value}» не является украинским IBAN",
    en: 'the recipient\'s account "{value}" is not a Ukrainian IBAN',
  },
} satisfies Record<MalformedReason, Message>);

const UNMATCHED = defineMessages("registry line: unmatched", {
  provider_missing: {
    uk: "у рядку не вказано отримувача (ЄДРПОУ або IBAN), а джерело не прив'язане до постачальника",
    ru: "в строке не указан получатель (ЕГРПОУ или IBAN), а источник не привязан к поставщику",
    en: "the line names no recipient (EDRPOU or IBAN) and the source is bound to no provider",
  },
  provider_unknown: {
    uk: "отримувача «{value}» немає серед постачальників",
    ru: "получателя «{value}» нет среди поставщиков",
    en: 'the recipient "{value}" is none of the providers',
  },
  provider_conflict: {
    uk: "ЄДРПОУ «{edrpou}» та IBAN «{iban}» належать різним постачальникам",
    ru: "ЕГРПОУ «{edrpou}» и IBAN «{iban}» принадлежат разным поставщикам",
    en: 'the EDRPOU "{edrpou}" and the IBAN "{iban}" belong to different providers',
  },
  provider_ambiguous: {
    uk: "за «{value}» знайдено кількох постачальників ({providers}); потрібен IBAN отримувача",
    ru: "по «{value}» найдено несколько поставщиков ({providers}); нужен IBAN получателя",
    en: 'several providers have "{value}" ({providers}); the recipient\'s IBAN is needed',
  },
  provider_other: {
    uk: "платіж призначено постачальнику {lineProvider}, а реєстр імпортується для {provider}",
    ru: "платёж предназначен поставщику {lineProvider}, а реестр импортируется для {provider}",
    en: "the payment is for {lineProvider}, but the registry is imported for {provider}",
  },
  service_unknown: {
    uk: "послуги «{value}» немає",
    ru: "услуги «{value}» нет",
    en: 'there is no service "{value}"',
  },
  service_not_supplied: {
    uk: "постачальник {provider} не надає послугу «{value}»",
    ru: "поставщик {provider} не предоставляет услугу «{value}»",
    en: 'provider {provider} does not supply the service "{value}"',
  },
  account_unknown: {
    uk: "особового рахунку «{account}» у постачальника {provider} немає",
    ru: "лицевого счёта «{account}» у поставщика {provider} нет",
    en: 'there is no account "{account}" at {provider}',
  },
});

const DUPLICATE = defineMessages("registry line: duplicate", {
  duplicate_in_file: {
    uk: "платіж «{reference}» уже є в цьому файлі (рядок {firstLine})",
    ru: "платёж «{reference}» уже есть в этом файле (строка {firstLine})",
    en: 'payment "{reference}" is already in this file (line {firstLine})',
  },
  duplicate_posted: {
    uk: "платіж «{reference}» уже проведено (реєстр №{registryId}, рядок {line})",
    ru: "платёж «{reference}» уже проведён (реестр №{registryId}, строка {line})",
    en: 'payment "{reference}" is already posted (registry #{registryId}, line {line})',
  },
  duplicate_in_ledger: {
    uk: "платіж «{reference}» уже є на особовому рахунку",
    ru: "платёж «{reference}» уже есть на лицевом счёте",
    en: 'payment "{reference}" is already on the account',
  },
});

export type UnmatchedReason = keyof typeof UNMATCHED;
export type DuplicateReason = keyof typeof DUPLICATE;
export type LineReason = MalformedReason | UnmatchedReason | DuplicateReason;

function table<K extends string>(
  outcome: Reason["outcome"],
  messages: Record<K, Message>,
): [string, Reason][] {
  return Object.entries<Message>(messages).map(([k, message]) => [k, { outcome, message }]);
}

export const LINE_REASONS: ReadonlyMap<string, Reason> = new Map([
  ...table("malformed", MALFORMED),
  ...table("unmatched", UNMATCHED),
  ...table("duplicate", DUPLICATE),
]);

/** The outcome a reason stands for. */
export function outcomeOf(reason: LineReason): Reason["outcome"] {
  return LINE_REASONS.get(reason)!.outcome;
}

/** A line's reason as a sentence in the locale; an unknown code (from a newer version) is shown as is. */
export function lineMessage(reason: string, params: Record<string, unknown>, locale: Locale): string {
  const spec = LINE_REASONS.get(reason);
  if (!spec) return reason;
  const text = format(
    spec.message,
    locale,
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
  );
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
