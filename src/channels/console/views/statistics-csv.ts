// The statistics as CSV (RFC 4180, UTF-8, comma-separated, amounts in UAH with a dot), one line per provider,
// month, metric and channel: the same figures as the page's tables, for a spreadsheet.
import { kop, uahString } from "../../../domain/money.ts";
import type { StatisticsOutput } from "./statistics-table.ts";

export const STATISTICS_CSV_COLUMNS = [
  "provider",
  "period",
  "metric",
  "channel",
  "value",
  "amount_uah",
  "computed_at",
] as const;

function csvField(value: string): string {
  // A field a spreadsheet would take for a formula is quoted with a leading apostrophe (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function statisticsCsv(out: StatisticsOutput): string {
  const lines = [STATISTICS_CSV_COLUMNS.join(",")];
  for (const month of out.months) {
    for (const row of month.rows) {
      lines.push(
        [
          out.provider.code,
          month.period,
          row.metric,
          row.channel,
          String(row.value),
          row.amountKop === null ? "" : uahString(kop(row.amountKop)),
          month.computedAt ?? "",
        ]
          .map(csvField)
          .join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
