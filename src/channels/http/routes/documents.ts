// Documents for download: an account's bill for a billed month as PDF (and its payment QR code as PNG), and the
// reconciliation statement for any date range as PDF or CSV. Files stream to the client as they are written.
import type { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import { parsePeriod } from "../../../domain/period.ts";
import type { Locale } from "../../../i18n/locale.ts";
import type { Deps } from "../../../services/deps.ts";
import { loadBill } from "../../../services/documents/load-bill.ts";
import { loadStatement, type Statement } from "../../../services/documents/load-statement.ts";
import { billFileName, billPdf } from "../../../services/documents/render/bill-pdf.ts";
import { nbuQrPng } from "../../../services/documents/render/nbu-qr-image.ts";
import { statementCsv } from "../../../services/documents/render/statement-csv.ts";
import { statementFileName, statementPdf } from "../../../services/documents/render/statement-pdf.ts";
import { invalidInput } from "../input-problem.ts";
import { actorOf } from "../plugins/auth.ts";
import { idSchema, localDateSchema } from "../schemas/common.ts";

const errorResponse = { $ref: "Error#" } as const;
const security = [{ bearer: [] }];
const access =
  "A resident gets their own accounts, staff their provider's, platform administrators any; anything else is 404.";
const lang = {
  type: "string",
  enum: ["uk", "ru", "en"],
  default: "uk",
  description: "Language of the document: Ukrainian by default",
} as const;
const period = {
  type: "string",
  pattern: "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$",
  description: "YYYY-MM",
} as const;
const accountId = idSchema;
const file = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: "string", format: "binary" } } },
});

/** attachment; an ASCII name for old clients and the exact one (RFC 6266/8187) for the rest. */
function attachment(reply: FastifyReply, mediaType: string, name: string): FastifyReply {
  const ascii = name.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return reply
    .type(mediaType)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .header("cache-control", "private, no-store");
}

export async function documentRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;

  app.get<{ Params: { accountId: number; period: string }; Querystring: { lang: Locale } }>(
    "/api/accounts/:accountId/bills/:period.pdf",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "downloadBill",
        tags: ["documents"],
        summary: "An account's bill for a billed month, as PDF, with the NBU payment QR code",
        description:
          `${access} The month must have been billed (else 404). The bill shows the provider's name, EDRPOU and ` +
          "IBAN; the account and address; per service the readings (estimates marked), the tariff's block and " +
          "zone lines, the fixed fee and recalculations; the opening balance, payments, amount due and the planned " +
          "payment; and the payment QR code any Ukrainian banking app scans.",
        security,
        params: { type: "object", required: ["accountId", "period"], properties: { accountId, period } },
        querystring: { type: "object", properties: { lang } },
        response: {
          200: file("application/pdf", "The bill"),
          400: errorResponse,
          401: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const locale = request.query.lang;
      const bill = await loadBill(deps, {
        actor: actorOf(request),
        accountId: request.params.accountId,
        period: parsePeriod(request.params.period),
      });
      return attachment(reply, "application/pdf", billFileName(bill, locale)).send(billPdf(bill, locale));
    },
  );

  app.get<{ Params: { accountId: number; period: string } }>(
    "/api/accounts/:accountId/bills/:period/qr.png",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "downloadBillQr",
        tags: ["documents"],
        summary: "The bill's NBU payment QR code alone, as PNG (the amount due, the account and the month)",
        description: access,
        security,
        params: { type: "object", required: ["accountId", "period"], properties: { accountId, period } },
        response: {
          200: file("image/png", "The QR code"),
          400: errorResponse,
          401: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const bill = await loadBill(deps, {
        actor: actorOf(request),
        accountId: request.params.accountId,
        period: parsePeriod(request.params.period),
      });
      return reply
        .type("image/png")
        .header("cache-control", "private, no-store")
        .send(await nbuQrPng(bill.qr.link));
    },
  );

  const statementSchema = (operationId: string, mediaType: string, what: string) => ({
    preHandler: app.requireActor,
    schema: {
      operationId,
      tags: ["documents"],
      summary: `An account's reconciliation statement for a date range, as ${what}`,
      description:
        `${access} The opening balance on the day before \`from\`, every charge and payment dated from \`from\` to ` +
        "`to` (both included) with its document, and the closing balance, per service and in total: equal to the " +
        "ledger to the kopiyka. Any range; the file streams as the entries are read.",
      security,
      params: { type: "object", required: ["accountId"], properties: { accountId } },
      querystring: {
        type: "object",
        required: ["from", "to"],
        properties: { from: localDateSchema, to: localDateSchema, lang },
      },
      response: {
        200: file(mediaType, "The statement"),
        400: errorResponse,
        401: errorResponse,
        404: errorResponse,
      },
    },
  });
  type StatementRequest = {
    Params: { accountId: number };
    Querystring: { from: string; to: string; lang: Locale };
  };

  // The statement in two formats: one loader, one renderer each.
  const statementRoute = (
    format: "pdf" | "csv",
    operationId: string,
    mediaType: string,
    description: string,
    render: (statement: Statement, locale: Locale) => Readable,
  ) =>
    app.get<StatementRequest>(
      `/api/accounts/:accountId/statement.${format}`,
      statementSchema(operationId, mediaType.split(";")[0]!, description),
      async (request, reply) => {
        const { from, to, lang: locale } = request.query;
        // Said here, in the caller's language, before the service's own check.
        if (from > to) throw invalidInput({ field: "from", in: "query", rule: "formatMaximum", limit: to });
        const statement = await loadStatement(deps, {
          actor: actorOf(request),
          accountId: request.params.accountId,
          from,
          to,
        });
        return attachment(reply, mediaType, statementFileName(statement, locale, format)).send(
          render(statement, locale),
        );
      },
    );
  statementRoute("pdf", "downloadStatement", "application/pdf", "PDF", statementPdf);
  statementRoute(
    "csv",
    "downloadStatementCsv",
    "text/csv; charset=utf-8",
    "CSV (UTF-8, comma-separated, amounts in UAH)",
    statementCsv,
  );
}
