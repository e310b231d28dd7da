// Requests that fail before any route sees them still get the one error shape in the caller's language: a URL
// that cannot be decoded (Fastify's frameworkErrors), and what Node's HTTP parser refuses — a control character
// in a header, headers too large, a request too slow to arrive (clientErrorHandler, answered on the raw socket).
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { localeFromHeader } from "../../i18n/locale.ts";
import type { ErrorCode } from "../../services/error-codes.ts";
import { AppError, errorMessage } from "../../services/errors.ts";

export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = localeFromHeader(request.headers["accept-language"]);
  const code: ErrorCode = error.statusCode === 404 ? "not_found" : "request_malformed";
  const known = new AppError(code);
  return reply
    .status(known.status)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "no-store")
    .send({ error: { code, message: known.messageIn(locale), details: {} } });
}

/** The Accept-Language header of a request the parser refused, read from its raw bytes, if it got that far. */
function acceptLanguageIn(raw: unknown): string | undefined {
  const m = Buffer.isBuffer(raw)
    ? /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(raw.toString("latin1"))
    : null;
  return m?.[1];
}

export function clientErrorHandler(err: ConnectionError, socket: Socket) {
  // A reset connection has nobody to answer.
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  if (socket.writable) {
    const code: ErrorCode =
      err.code === "HPE_HEADER_OVERFLOW"
        ? "headers_too_large"
        : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? "request_timeout"
          : "request_malformed";
    const status = new AppError(code).status;
    const locale = localeFromHeader(acceptLanguageIn(err.rawPacket));
    const body = JSON.stringify({ error: { code, message: errorMessage(code, locale), details: {} } });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        "Content-Type: application/json; charset=utf-8\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" +
        body,
    );
  }
  socket.destroy(err);
}
