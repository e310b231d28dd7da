// A code step's refusal as errors for its form: the code field for anything about the code (with the tries
// left, when the use case says), the named field otherwise; and the status the page is sent with (a rate limit's
// Retry-After too).
import type { FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import { IDENTITY } from "../messages/identity.ts";
import type { FieldError } from "../views/components.ts";
import { fieldErrorsOf } from "../web-request.ts";

export function refusal(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  fields: Readonly<Record<string, string>>,
  fallbackField: string,
): { errors: FieldError[]; status: number } {
  const errors = fieldErrorsOf(error, request.locale, fields, fallbackField);
  const e = error as AppError;
  const retry = e.details["retryAfterSeconds"];
  if (typeof retry === "number") reply.header("retry-after", String(retry));
  const left = e.details["triesLeft"];
  if (typeof left === "number" && errors[0]) {
    errors[0] = {
      ...errors[0],
      message: `${errors[0].message} ${format(IDENTITY.triesLeft, request.locale, { n: left })}`,
    };
  }
  return { errors, status: e.status };
}

/** The error of a field left empty or mistyped before any use case is asked. */
export const missing = (field: string, message: string): FieldError => ({ field, message });

export { AppError };
