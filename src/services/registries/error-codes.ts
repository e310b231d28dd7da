// What an operator or administrator can be told about a registry file that was not imported, in their language.
// Nothing of such a file is written.
import type { ErrorSpec } from "../error-spec.ts";

export const REGISTRY_ERROR_CODES = {
  registry_source_unknown: {
    status: 404,
    message: {
      uk: "Немає джерела реєстрів «{source}». Відомі джерела: {known}.",
      ru: "Нет источника реестров «{source}». Известные источники: {known}.",
      en: 'There is no registry source "{source}". Known sources: {known}.',
    },
  },
  registry_source_invalid: {
    status: 422,
    message: {
      uk: "Налаштування джерела реєстрів «{source}» некоректні: {problems}.",
      ru: "Настройки источника реестров «{source}» некорректны: {problems}.",
      en: 'The settings of registry source "{source}" are not valid: {problems}.',
    },
  },
  registry_source_other_provider: {
    status: 422,
    message: {
      uk: "Джерело «{source}» надсилає платежі постачальника {sourceProvider}, а не {provider}.",
      ru: "Источник «{source}» присылает платежи поставщика {sourceProvider}, а не {provider}.",
      en: 'Source "{source}" brings payments for {sourceProvider}, not for {provider}.',
    },
  },
  registry_empty: {
    status: 422,
    message: {
      uk: "Файл «{file}» порожній: у ньому немає жодного рядка.",
      ru: "Файл «{file}» пуст: в нём нет ни одной строки.",
      en: 'The file "{file}" is empty: it has no lines.',
    },
  },
  registry_not_csv: {
    status: 422,
    message: {
      uk: "Файл «{file}» не вдається прочитати як CSV-реєстр: {what}. Нічого не імпортовано.",
      ru: "Файл «{file}» не удаётся прочитать как CSV-реестр: {what}. Ничего не импортировано.",
      en: 'The file "{file}" cannot be read as a CSV registry: {what}. Nothing was imported.',
    },
  },
  registry_header_invalid: {
    status: 422,
    message: {
      uk: "У заголовку файлу «{file}» (рядок {line}) немає стовпців, потрібних джерелу «{source}»: {missing}. Заголовок файлу: {header}. Нічого не імпортовано.",
      ru: "В заголовке файла «{file}» (строка {line}) нет столбцов, нужных источнику «{source}»: {missing}. Заголовок файла: {header}. Ничего не импортировано.",
      en: 'The header of "{file}" (line {line}) lacks columns that source "{source}" needs: {missing}. The file\'s header: {header}. Nothing was imported.',
    },
  },
  registry_wrong_encoding: {
    status: 422,
    message: {
      uk: "Файл «{file}» не в кодуванні {expected}, якого чекає джерело «{source}»: рядок {line} записано в {found}. Нічого не імпортовано, щоб не спотворити імена. Імпортуйте файл із кодуванням {found} або встановіть джерелу кодування auto.",
      ru: "Файл «{file}» не в кодировке {expected}, которую ожидает источник «{source}»: строка {line} записана в {found}. Ничего не импортировано, чтобы не исказить имена. Импортируйте файл с кодировкой {found} или установите источнику кодировку auto.",
      en: 'The file "{file}" is not in {expected}, which source "{source}" expects: line {line} is in {found}. Nothing was imported, so that no name is garbled. Import the file with encoding {found}, or set the source\'s encoding to auto.',
    },
  },
  registry_already_imported: {
    status: 409,
    message: {
      uk: "Цей файл уже імпортовано з джерела «{source}» {importedAt} (реєстр №{registryId}, «{file}»: проведено {posted} з {lines, plural, one {# рядка} few {# рядків} many {# рядків} other {# рядка}}). Повторно нічого не імпортовано. Щоб ще раз спробувати рядки, для яких тоді не знайшлося рахунку, імпортуйте його повторно явно (again).",
      ru: "Этот файл уже импортирован из источника «{source}» {importedAt} (реестр №{registryId}, «{file}»: проведено {posted} из {lines, plural, one {# строки} few {# строк} many {# строк} other {# строки}}). Повторно ничего не импортировано. Чтобы ещё раз попробовать строки, для которых тогда не нашлось счёта, импортируйте его повторно явно (again).",
      en: 'This file was already imported from source "{source}" on {importedAt} (registry #{registryId}, "{file}": {posted} of {lines, plural, one {# line} other {# lines}} posted). Nothing was imported again. To retry the lines that found no account then, import it again explicitly (again).',
    },
  },
} as const satisfies Record<string, ErrorSpec>;
