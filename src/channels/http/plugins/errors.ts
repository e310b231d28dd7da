// Every failure leaves as { error: { code, message, details } } with a code of the code table, in the caller's
// language — or, on the pages (routes with config.page), as a page. Fastify's own errors (bodies it cannot
// parse, media types a route does not take, bodies too large) are translated into codes of the table too.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type Locale, localeFromHeader } from "../../../i18n/locale.ts";
import { AppError } from "../../../services/errors.ts";
import { invalidInput } from "../../../services/input-problem.ts";
import { problemFromAjv } from "../input-problem.ts";
import { errorPage } from "../pages/error-page.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route answers with HTML pages: its errors are pages too. */
    page?: boolean;
  }
}

/** The error as one of ours: an AppError as it is, anything a client caused as the matching code. */
export function asAppError(err: FastifyError): AppError | null {
  if (err instanceof AppError) return err;
  if (err.validation) return invalidInput(problemFromAjv(err.validation, err.validationContext ?? "body"));
  if (err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return new AppError("unsupported_media_type");
  if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE" || err.statusCode === 413)
    return new AppError("payload_too_large");
  if (err.statusCode === 404) return new AppError("not_found");
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError("request_malformed");
  return null;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError, locale: Locale) {
  // A refusal that says when to try again (too many attempts) says it in the standard header too.
  const retry = error.details["retryAfterSeconds"];
  if (typeof retry === "number") reply.header("retry-after", String(retry));
  if (request.routeOptions.config?.page) {
    return reply
      .status(error.status)
      .type("text/html; charset=utf-8")
      .send(errorPage(locale, error.messageIn(locale)));
  }
  return reply
    .status(error.status)
    .send({ error: { code: error.code, message: error.messageIn(locale), details: error.details } });
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = request.locale ?? localeFromHeader(request.headers["accept-language"]);
    const known = asAppError(err);
    if (known) return sendError(request, reply, known, locale);
    request.log.error({ err }, "unhandled error");
    return sendError(request, reply, new AppError("internal"), locale);
  });
  app.setNotFoundHandler((request, reply) => {
    const locale = localeFromHeader(request.headers["accept-language"]);
    // A browser that followed a wrong link outside the API gets a page, not JSON.
    const browser = !request.url.startsWith("/api/") && /text\/html/.test(request.headers.accept ?? "");
    if (browser) {
      const error = new AppError("not_found");
      return reply
        .status(404)
        .type("text/html; charset=utf-8")
        .send(errorPage(locale, error.messageIn(locale)));
    }
    return sendError(request, reply, new AppError("not_found"), locale);
  });
});
