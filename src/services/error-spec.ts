// What an error code carries in the table: its HTTP status and its message in every language (ICU
// MessageFormat, i18n/messages.ts). Its own file so each area's table (readings/error-codes.ts, …) and the one
// that joins them (error-codes.ts) share it without importing each other in a circle.
import type { Message } from "../i18n/messages.ts";

export interface ErrorSpec {
  status: number;
  message: Message;
}
