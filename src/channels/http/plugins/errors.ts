// Every failure leaves as { error: { code, message, details } } in the caller's language.
import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { localeFromHeader } from "../../../i18n/locale.ts";
import { AppError, errorMessage } from "../../../services/errors.ts";

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = request.locale ?? localeFromHeader(request.headers["accept-language"]);
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        error: { code: err.code, message: err.messageIn(locale), details: err.details },
      });
    }
    if (err.validation) {
      const details = err.validation
        .map((v) => `${v.instancePath || v.params?.["missingProperty"] || ""} ${v.message ?? ""}`.trim())
        .join("; ");
      return reply.status(400).send({
        error: {
          code: "validation_failed",
          message: errorMessage("validation_failed", locale, { details }),
          details: { validation: err.validation },
        },
      });
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply.status(err.statusCode).send({
        error: { code: err.code ?? "bad_request", message: err.message, details: {} },
      });
    }
    request.log.error({ err }, "unhandled error");
    return reply.status(500).send({
      error: { code: "internal", message: errorMessage("internal", locale), details: {} },
    });
  });
  app.setNotFoundHandler((request, reply) => {
    const locale = localeFromHeader(request.headers["accept-language"]);
    return reply
      .status(404)
      .send({ error: { code: "not_found", message: errorMessage("not_found", locale), details: {} } });
  });
});
