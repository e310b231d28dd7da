// A file-level refusal from the domain (RegistryFileError) as the AppError channels show: the same code, the file
// and the source named, and for a file that is not CSV what it looks like instead.
import type { RegistryFileError } from "../../domain/registry/registry-file-error.ts";
import { defineMessages, formatEach } from "../../i18n/messages.ts";
import { AppError } from "../errors.ts";

const NOT_CSV = defineMessages("registry: not csv", {
  xlsx: {
    uk: "це ZIP-архів або книга Excel (.xlsx); збережіть її як CSV",
    ru: "это ZIP-архив или книга Excel (.xlsx); сохраните её как CSV",
    en: "it is a ZIP archive or an Excel workbook (.xlsx); save it as CSV",
  },
  xls: {
    uk: "це книга Excel (.xls); збережіть її як CSV",
    ru: "это книга Excel (.xls); сохраните её как CSV",
    en: "it is an Excel workbook (.xls); save it as CSV",
  },
  pdf: { uk: "це PDF-документ", ru: "это PDF-документ", en: "it is a PDF document" },
  utf16: {
    uk: "це текст у UTF-16; збережіть його в UTF-8 або Windows-1251",
    ru: "это текст в UTF-16; сохраните его в UTF-8 или Windows-1251",
    en: "it is UTF-16 text; save it as UTF-8 or Windows-1251",
  },
  binary: {
    uk: "у ньому двійкові дані (нульові байти)",
    ru: "в нём двоичные данные (нулевые байты)",
    en: "it holds binary data (zero bytes)",
  },
  syntax: {
    uk: "лапки, відкриті в рядку {line}, не закрито",
    ru: "кавычки, открытые в строке {line}, не закрыты",
    en: "a quote opened on line {line} is never closed",
  },
  line_too_long: {
    uk: "рядок {line} довший за мегабайт",
    ru: "строка {line} длиннее мегабайта",
    en: "line {line} is longer than a megabyte",
  },
});

export function registryRefusal(e: RegistryFileError, fileName: string, source: string): AppError {
  const base = { file: fileName, source, ...e.params };
  if (e.code !== "registry_not_csv") return new AppError(e.code, base, { ...e.params });
  const kind = String(e.params["kind"]);
  const message = Object.hasOwn(NOT_CSV, kind) ? NOT_CSV[kind as keyof typeof NOT_CSV] : NOT_CSV.binary;
  const what = formatEach(message, { line: String(e.params["line"]) });
  return new AppError("registry_not_csv", { ...base, what }, { ...e.params });
}
