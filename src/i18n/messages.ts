// Every text a person reads is an ICU MessageFormat message in each language, { uk, ru, en }: "{name}" is filled
// from params, "{n, plural, one {# день} few {# дні} many {# днів} other {# дня}}" follows the language's plural
// rules (uk-UA, ru-UA, en-GB). A message is compiled once per language and cached. Unlike plain ICU, an
// apostrophe never quotes: there is no way (and no need) to write a literal "{" in a message.
import { IntlMessageFormat } from "intl-messageformat";
import { LOCALE_TAGS, LOCALES, type Locale, type Translated } from "./locale.ts";

/** One message in each language, as ICU MessageFormat. */
export type Message = Translated;
/** A param is the same in every language (a number, a serial) or differs by language (a date, a zone name). */
export type MessageParam = string | number | Translated;
export type MessageParams = Readonly<Record<string, MessageParam>>;
export type Catalogue = Readonly<Record<string, Message>>;

const catalogues = new Map<string, Catalogue>();

/** A feature's messages, kept as written (typed keys); registered by name so a test can compile them all. */
export function defineMessages<const C extends Catalogue>(name: string, messages: C): C {
  catalogues.set(name, messages);
  return messages;
}

/** The catalogues defined by the modules loaded so far. */
export function definedCatalogues(): ReadonlyMap<string, Catalogue> {
  return catalogues;
}

interface Compiled {
  format: IntlMessageFormat;
  /** Every argument the message names, so that a missing one shows as "{name}" instead of throwing. */
  args: string[];
}

// Bounded because fill() may format texts that are not from a catalogue; catalogues alone stay far below it.
const MAX_CACHED = 5000;
const cache: Record<Locale, Map<string, Compiled>> = { uk: new Map(), ru: new Map(), en: new Map() };

type Element = ReturnType<IntlMessageFormat["getAst"]>[number];

function argumentsOf(elements: readonly Element[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if ("value" in el && typeof el.value === "string" && el.type !== 0) into.add(el.value);
    if ("options" in el)
      for (const option of Object.values(el.options) as { value: Element[] }[])
        argumentsOf(option.value, into);
    if ("children" in el) argumentsOf(el.children, into);
  }
  return into;
}

/** The arguments a template names, in any branch of its plurals and selects. */
export function messageArguments(template: string, locale: Locale): string[] {
  return compiled(template, locale).args;
}

/** The compiled message; throws a SyntaxError for a malformed one (the catalogue test finds those first). */
export function compile(template: string, locale: Locale): IntlMessageFormat {
  return compiled(template, locale).format;
}

function compiled(template: string, locale: Locale): Compiled {
  const byTemplate = cache[locale];
  let entry = byTemplate.get(template);
  if (!entry) {
    // Every ASCII apostrophe is a character, as writers mean it ("об'єкт", "it's", "'{name}'"): doubled, ICU
    // never reads one as the start of a quoted span (which would swallow a placeholder). Tags are off too: "<"
    // in a text is a character, never markup.
    const source = template.replaceAll("'", "''");
    const format = new IntlMessageFormat(source, LOCALE_TAGS[locale], undefined, { ignoreTag: true });
    entry = { format, args: [...argumentsOf(format.getAst())] };
    if (byTemplate.size >= MAX_CACHED) byTemplate.clear();
    byTemplate.set(template, entry);
  }
  return entry;
}

/** A template (one language's text) formatted with params. */
export function formatTemplate(template: string, locale: Locale, params: MessageParams = {}): string {
  const { format, args } = compiled(template, locale);
  const values: Record<string, string | number> = {};
  for (const name of args) {
    const v = params[name];
    values[name] = v === undefined ? `{${name}}` : typeof v === "object" ? v[locale] : v;
  }
  return format.format(values) as string;
}

/** A message in a language, its {placeholders}, plurals and selects filled from params. */
export function format(message: Message, locale: Locale, params: MessageParams = {}): string {
  return formatTemplate(message[locale], locale, params);
}

/** Short name for format, for renderers that say many things. */
export const t = format;

/** The same message formatted in every language (for an error's param that differs by language). */
export function formatEach(message: Message, params: MessageParams = {}): Translated {
  return inEveryLocale((l) => format(message, l, params));
}

/** The same text in every language, built by a formatter that takes the language. */
export function inEveryLocale(text: (locale: Locale) => string): Translated {
  return Object.fromEntries(LOCALES.map((l) => [l, text(l)])) as Translated;
}

/** A catalogue bound to a language: each key a function of its params, e.g. words.billTitle({ month }). */
export type BoundMessages<C extends Catalogue> = {
  readonly [K in keyof C]: (params?: MessageParams) => string;
};

export function bindMessages<C extends Catalogue>(catalogue: C, locale: Locale): BoundMessages<C> {
  const bound: Record<string, (params?: MessageParams) => string> = {};
  for (const key of Object.keys(catalogue)) bound[key] = (params) => format(catalogue[key]!, locale, params);
  return bound as BoundMessages<C>;
}

/** @deprecated Kept for code written against the old fill(); formats the template as ICU in a language. */
export function fill(template: string, params: MessageParams, locale: Locale = "uk"): string {
  return formatTemplate(template, locale, params);
}
