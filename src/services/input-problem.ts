// What is wrong with an input, said to a person in their language: the field and the rule it broke. Schema
// validation on a channel (the HTTP app's ajv errors, its input guard) and a use case's own checks of its input
// (an amount in hryvnias, a date range) all end here, as one validation_failed error whose details name the
// field and the rule for clients: { field, in, rule, …the rule's limits }.
import { fill, type Locale, type Translated } from "../i18n/locale.ts";
import { AppError, inEveryLocale } from "./errors.ts";

export interface InputProblem {
  /** The field as the client named it ("confirmed", "values.0.zone"), or where the input was ("body"). */
  field: string;
  /** body, query, path or header; "input" when a use case found it (whatever carried it). */
  in: string;
  /** The rule it broke: a JSON Schema keyword, "control_characters" or "amount". */
  rule: string;
  [param: string]: unknown;
}

const TYPES: Record<string, Translated> = {
  string: { uk: "текстом", ru: "текстом", en: "text" },
  integer: { uk: "цілим числом", ru: "целым числом", en: "a whole number" },
  number: { uk: "числом", ru: "числом", en: "a number" },
  boolean: { uk: "true або false", ru: "true или false", en: "true or false" },
  object: { uk: "об’єктом JSON", ru: "объектом JSON", en: "a JSON object" },
  array: { uk: "списком", ru: "списком", en: "a list" },
  null: { uk: "null", ru: "null", en: "null" },
};
const OR: Translated = { uk: " або ", ru: " или ", en: " or " };

const FORMATS: Record<string, Translated> = {
  date: { uk: "датою РРРР-ММ-ДД", ru: "датой ГГГГ-ММ-ДД", en: "a date, YYYY-MM-DD" },
  "date-time": {
    uk: "моментом часу ISO 8601",
    ru: "моментом времени ISO 8601",
    en: "an ISO 8601 date and time",
  },
  uuid: { uk: "ідентифікатором UUID", ru: "идентификатором UUID", en: "a UUID" },
};
const SOME_FORMAT: Translated = {
  uk: "у правильному форматі",
  ru: "в правильном формате",
  en: "in the right format",
};

/** Hints for patterns, found in the schema's description: how the value should look. */
const PATTERN_HINTS: [RegExp, Translated][] = [
  [/YYYY-MM-DD/, { uk: "РРРР-ММ-ДД", ru: "ГГГГ-ММ-ДД", en: "YYYY-MM-DD" }],
  [/YYYY-MM/, { uk: "РРРР-ММ", ru: "ГГГГ-ММ", en: "YYYY-MM" }],
];

const RULES: Record<string, Translated> = {
  required: {
    uk: "{field}: обов’язкове поле.",
    ru: "{field}: обязательное поле.",
    en: "{field} is required.",
  },
  type: {
    uk: "{field}: має бути {type}.",
    ru: "{field}: должно быть {type}.",
    en: "{field} must be {type}.",
  },
  minLength: {
    uk: "{field}: щонайменше {limit} симв.",
    ru: "{field}: не меньше {limit} симв.",
    en: "{field} must be at least {limit} characters long.",
  },
  maxLength: {
    uk: "{field}: не більше {limit} симв.",
    ru: "{field}: не больше {limit} симв.",
    en: "{field} must be at most {limit} characters long.",
  },
  minimum: {
    uk: "{field}: щонайменше {limit}.",
    ru: "{field}: не меньше {limit}.",
    en: "{field} must be at least {limit}.",
  },
  maximum: {
    uk: "{field}: не більше {limit}.",
    ru: "{field}: не больше {limit}.",
    en: "{field} must be at most {limit}.",
  },
  exclusiveMinimum: {
    uk: "{field}: має бути більше за {limit}.",
    ru: "{field}: должно быть больше {limit}.",
    en: "{field} must be greater than {limit}.",
  },
  exclusiveMaximum: {
    uk: "{field}: має бути менше за {limit}.",
    ru: "{field}: должно быть меньше {limit}.",
    en: "{field} must be less than {limit}.",
  },
  formatMinimum: {
    uk: "{field}: не раніше {limit}.",
    ru: "{field}: не раньше {limit}.",
    en: "{field} must not be before {limit}.",
  },
  formatMaximum: {
    uk: "{field}: не пізніше {limit}.",
    ru: "{field}: не позже {limit}.",
    en: "{field} must not be after {limit}.",
  },
  format: {
    uk: "{field}: має бути {format}.",
    ru: "{field}: должно быть {format}.",
    en: "{field} must be {format}.",
  },
  pattern: {
    uk: "{field}: неправильний формат{hint}.",
    ru: "{field}: неверный формат{hint}.",
    en: "{field} is not in the right format{hint}.",
  },
  enum: {
    uk: "{field}: має бути одним із: {values}.",
    ru: "{field}: должно быть одним из: {values}.",
    en: "{field} must be one of: {values}.",
  },
  additionalProperties: {
    uk: "{field}: невідоме поле.",
    ru: "{field}: неизвестное поле.",
    en: "{field} is not a field of this request.",
  },
  minItems: {
    uk: "{field}: елементів має бути щонайменше {limit}.",
    ru: "{field}: элементов должно быть не меньше {limit}.",
    en: "{field} must have at least {limit} items.",
  },
  maxItems: {
    uk: "{field}: елементів має бути не більше {limit}.",
    ru: "{field}: элементов должно быть не больше {limit}.",
    en: "{field} must have at most {limit} items.",
  },
  oneOf: {
    uk: "{field}: потрібне рівно одне з цих полів.",
    ru: "{field}: нужно ровно одно из этих полей.",
    en: "{field}: give exactly one of these fields.",
  },
  amount: {
    uk: "{field}: сума в гривнях, не більше двох знаків після коми, наприклад 1 234,56.",
    ru: "{field}: сумма в гривнах, не больше двух знаков после запятой, например 1 234,56.",
    en: "{field} must be an amount in hryvnias with at most 2 decimals, e.g. 1 234.56.",
  },
  control_characters: {
    uk: "{field}: містить недопустимі керівні символи.",
    ru: "{field}: содержит недопустимые управляющие символы.",
    en: "{field} contains control characters, which are not allowed.",
  },
  invalid: {
    uk: "{field}: неприпустиме значення.",
    ru: "{field}: недопустимое значение.",
    en: "{field} has a value that is not allowed.",
  },
};

export function describeProblem(problem: InputProblem, locale: Locale): string {
  const p = problem as Record<string, unknown>;
  const text = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : String(v ?? ""));
  const types = String(p["type"] ?? "")
    .split(",")
    .map((t) => TYPES[t]?.[locale] ?? t)
    .join(OR[locale]);
  const hint = PATTERN_HINTS.find(([re]) => re.test(String(p["hint"] ?? "")))?.[1][locale];
  return fill(RULES[problem.rule]?.[locale] ?? RULES["invalid"]![locale], {
    field: problem.field,
    type: types,
    limit: text(p["limit"]),
    values: text(p["values"]),
    format: FORMATS[String(p["format"])]?.[locale] ?? SOME_FORMAT[locale],
    hint: hint ? ` (${hint})` : "",
  });
}

/** The validation_failed error for a problem: the message in every language, the problem as its details. */
export function invalidInput(problem: InputProblem): AppError {
  const { hint: _hint, ...details } = problem;
  return new AppError(
    "validation_failed",
    { details: inEveryLocale((l) => describeProblem(problem, l)) },
    details,
  );
}
