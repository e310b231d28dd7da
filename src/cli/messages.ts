// What the command line's summaries say, counts with each language's plural forms ("1 blank line", "2 blank
// lines"; "1 рахунок / 2 рахунки / 5 рахунків"). The command line's own words are English (scripts and tests
// read them); --lang sets the language of the messages and amounts inside. The Ukrainian and Russian texts are
// here so that a localised command line is a change of CLI_LOCALE, not a translation job.
import type { Locale } from "../i18n/locale.ts";
import { defineMessages } from "../i18n/messages.ts";

export const CLI_LOCALE: Locale = "en";

export const CLI_MESSAGES = defineMessages("cli", {
  registryHeading: {
    uk: "{file} з джерела {source}: реєстр {registryId}, {encoding} ({detected, select, yes {визначено} other {з налаштувань}})",
    ru: "{file} из источника {source}: реестр {registryId}, {encoding} ({detected, select, yes {определена} other {из настроек}})",
    en: "{file} from {source}: registry {registryId}, {encoding} ({detected, select, yes {detected} other {configured}})",
  },
  lines: { uk: "рядки", ru: "строки", en: "lines" },
  posted: { uk: "проведено", ru: "проведено", en: "posted" },
  duplicates: { uk: "дублікати", ru: "дубликаты", en: "duplicates" },
  unmatched: { uk: "не знайдено", ru: "не найдено", en: "unmatched" },
  malformed: { uk: "з помилками", ru: "с ошибками", en: "malformed" },
  blankLines: {
    uk: "({n, plural, one {# порожній рядок пропущено} few {# порожні рядки пропущено} many {# порожніх рядків пропущено} other {# порожнього рядка пропущено}})",
    ru: "({n, plural, one {# пустая строка пропущена} few {# пустые строки пропущены} many {# пустых строк пропущено} other {# пустой строки пропущено}})",
    en: "({n, plural, one {# blank line} other {# blank lines}} skipped)",
  },
  skippedLine: {
    uk: "(рядок {line} пропущено, як визначає джерело: {raw})",
    ru: "(строка {line} пропущена, как определяет источник: {raw})",
    en: "(line {line} skipped, as the source says: {raw})",
  },
  notPosted: {
    uk: "Не проведено {n, plural, one {# рядок} few {# рядки} many {# рядків} other {# рядка}}; їх збережено в базі для оператора:",
    ru: "Не проведено {n, plural, one {# строка} few {# строки} many {# строк} other {# строки}}; они сохранены в базе для оператора:",
    en: "Lines not posted ({n}), kept in the database for an operator:",
  },
  moreNotPosted: {
    uk: "… і ще {n, plural, one {# рядок} few {# рядки} many {# рядків} other {# рядка}} (registry_lines, реєстр {registryId})",
    ru: "… и ещё {n, plural, one {# строка} few {# строки} many {# строк} other {# строки}} (registry_lines, реестр {registryId})",
    en: "… and {n} more (registry_lines, registry {registryId})",
  },
  problemColumns: {
    uk: "рядок,результат,причина,референс,сума,повідомлення",
    ru: "строка,результат,причина,референс,сумма,сообщение",
    en: "line,outcome,reason,reference,amount,message",
  },
  billed: {
    uk: "{provider} {period}: нараховано {n, plural, one {# рахунок} few {# рахунки} many {# рахунків} other {# рахунку}} за {seconds} с (запуск {runId}{resumed, select, yes {, продовжено після зупинки} other {}}); місяць закрито",
    ru: "{provider} {period}: начислено {n, plural, one {# счёт} few {# счёта} many {# счетов} other {# счёта}} за {seconds} с (запуск {runId}{resumed, select, yes {, продолжен после остановки} other {}}); месяц закрыт",
    en: "{provider} {period}: {n, plural, one {# account} other {# accounts}} billed in {seconds} s (run {runId}{resumed, select, yes {, resumed after a stop} other {}}); the month is closed",
  },
  accounts: { uk: "рахунки", ru: "счета", en: "accounts" },
  amount: { uk: "сума", ru: "сумма", en: "amount" },
  charged: { uk: "нараховано", ru: "начислено", en: "charged" },
  estimated: { uk: "за оцінкою", ru: "по оценке", en: "estimated" },
  recalculated: { uk: "перераховано", ru: "пересчитано", en: "recalculated" },
  total: { uk: "разом", ru: "итого", en: "total" },
  plannedFor: { uk: "план на {period}", ru: "план на {period}", en: "planned for {period}" },
});
