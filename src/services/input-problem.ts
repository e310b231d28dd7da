// What is wrong with an input, said to a person in their language: the field and the rule it broke. Schema
// validation on a channel (the HTTP app's ajv errors, its input guard) and a use case's own checks of its input
// (an amount in hryvnias, a date range) all end here, as one validation_failed error whose details name the
// field and the rule for clients: { field, in, rule, …the rule's limits }.
import type { Locale } from "../i18n/locale.ts";
import { defineMessages, format, inEveryLocale } from "../i18n/messages.ts";
import { AppError } from "./errors.ts";

export interface InputProblem {
  /** The field as the client named it ("confirmed", "values.0.zone"), or where the input was ("body"). */
  field: string;
  /** body, query, path or header; "input" when a use case found it (whatever carried it). */
  in: string;
  /** The rule it broke: a JSON Schema keyword, "control_characters" or "amount". */
  rule: string;
  [param: string]: unknown;
}

const TYPES = defineMessages("http input: types", {
  string: { uk: "текстом", ru: "текстом", en: "text" },
  integer: { uk: "цілим числом", ru: "целым числом", en: "a whole number" },
  number: { uk: "числом", ru: "числом", en: "a number" },
  boolean: { uk: "true або false", ru: "true или false", en: "true or false" },
  object: { uk: "об’єктом JSON", ru: "объектом JSON", en: "a JSON object" },
  array: { uk: "списком", ru: "списком", en: "a list" },
  null: { uk: "null", ru: "null", en: "null" },
});

const FORMATS = defineMessages("http input: formats", {
  date: { uk: "датою РРРР-ММ-ДД", ru: "датой ГГГГ-ММ-ДД", en: "a date, YYYY-MM-DD" },
  "date-time": {
    uk: "моментом часу ISO 8601",
    ru: "моментом времени ISO 8601",
    en: "an ISO 8601 date and time",
  },
  uuid: { uk: "ідентифікатором UUID", ru: "идентификатором UUID", en: "a UUID" },
});

const WORDS = defineMessages("http input: words", {
  or: { uk: "{first} або {second}", ru: "{first} или {second}", en: "{first} or {second}" },
  someFormat: { uk: "у правильному форматі", ru: "в правильном формате", en: "in the right format" },
  hint: { uk: " ({hint})", ru: " ({hint})", en: " ({hint})" },
});

/** Hints for patterns, found in the schema's description: how the value should look. */
const HINTS = defineMessages("http input: pattern hints", {
  date: { uk: "РРРР-ММ-ДД", ru: "ГГГГ-ММ-ДД", en: "YYYY-MM-DD" },
  month: { uk: "РРРР-ММ", ru: "ГГГГ-ММ", en: "YYYY-MM" },
});
const PATTERN_HINTS: [RegExp, keyof typeof HINTS][] = [
  [/YYYY-MM-DD/, "date"],
  [/YYYY-MM/, "month"],
];

// Lengths and item counts are said with the language's plural forms ("1 символ", "2 символи", "5 символів").
const RULES = defineMessages("http input: rules", {
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
    uk: "{field}: щонайменше {limit, plural, one {# символ} few {# символи} many {# символів} other {# символу}}.",
    ru: "{field}: не меньше {limit, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.",
    en: "{field} must be at least {limit, plural, one {# character} other {# characters}} long.",
  },
  maxLength: {
    uk: "{field}: не більше {limit, plural, one {# символу} few {# символів} many {# символів} other {# символу}}.",
    ru: "{field}: не больше {limit, plural, one {# символа} few {# символов} many {# символов} other {# символа}}.",
    en: "{field} must be at most {limit, plural, one {# character} other {# characters}} long.",
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
    uk: "{field}: має бути щонайменше {limit, plural, one {# елемент} few {# елементи} many {# елементів} other {# елемента}}.",
    ru: "{field}: должно быть не меньше {limit, plural, one {# элемента} few {# элементов} many {# элементов} other {# элемента}}.",
    en: "{field} must have at least {limit, plural, one {# item} other {# items}}.",
  },
  maxItems: {
    uk: "{field}: має бути не більше {limit, plural, one {# елемента} few {# елементів} many {# елементів} other {# елемента}}.",
    ru: "{field}: должно быть не больше {limit, plural, one {# элемента} few {# элементов} many {# элементов} other {# элемента}}.",
    en: "{field} must have at most {limit, plural, one {# item} other {# items}}.",
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
    uk: "{field}: містить недопустимі керівні або пошкоджені символи.",
    ru: "{field}: содержит недопустимые управляющие или повреждённые символы.",
    en: "{field} contains control or malformed characters, which are not allowed.",
  },
  invalid: {
    uk: "{field}: неприпустиме значення.",
    ru: "{field}: недопустимое значение.",
    en: "{field} has a value that is not allowed.",
  },
});

const has = <C extends object>(catalogue: C, key: string): key is Extract<keyof C, string> =>
  Object.hasOwn(catalogue, key);

export function describeProblem(problem: InputProblem, locale: Locale): string {
  const p = problem as Record<string, unknown>;
  const text = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : String(v ?? ""));
  const types = String(p["type"] ?? "")
    .split(",")
    .map((type) => (has(TYPES, type) ? format(TYPES[type], locale) : type))
    .reduce((first, second) => format(WORDS.or, locale, { first, second }));
  const hint = PATTERN_HINTS.find(([re]) => re.test(String(p["hint"] ?? "")))?.[1];
  const formatName = String(p["format"]);
  const rule = has(RULES, problem.rule) ? problem.rule : "invalid";
  return format(RULES[rule], locale, {
    field: problem.field,
    type: types,
    // A number stays a number, so that plural rules apply to it; a date limit is text.
    limit: typeof p["limit"] === "number" ? p["limit"] : text(p["limit"]),
    values: text(p["values"]),
    format: format(has(FORMATS, formatName) ? FORMATS[formatName] : WORDS.someFormat, locale),
    hint: hint ? format(WORDS.hint, locale, { hint: format(HINTS[hint], locale) }) : "",
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
