// Documents for download: an account's bill for a billed month as PDF (and its payment QR code as PNG), and the
// reconciliation statement for any date range as PDF or CSV: the document use cases (services/documents/
// use-cases.ts) over HTTP. Files stream to the client as they are written.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import type { DocumentFile } from "../../../services/documents/document-file.ts";
import { routeUseCase } from "../use-case-route.ts";

const file = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: "string", format: "binary" } } },
});

/** attachment; an ASCII name for old clients and the exact one (RFC 6266/8187) for the rest. */
export function sendAttachment(reply: FastifyReply, document: DocumentFile): FastifyReply {
  const name = document.fileName;
  const ascii = name.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return reply
    .type(document.mediaType)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .header("cache-control", "private, no-store")
    .send(document.content);
}

export async function documentRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "downloadBill", {
    method: "GET",
    url: "/api/accounts/:accountId/bills/:period.pdf",
    responses: { 200: file("application/pdf", "The bill") },
    send: sendAttachment,
  });
  routeUseCase(app, deps, "downloadBillQr", {
    method: "GET",
    url: "/api/accounts/:accountId/bills/:period/qr.png",
    responses: { 200: file("image/png", "The QR code") },
    // Shown inline (an <img>), not offered as a download.
    send: (reply, qr) =>
      reply.type(qr.mediaType).header("cache-control", "private, no-store").send(qr.content),
  });
  routeUseCase(app, deps, "downloadStatement", {
    method: "GET",
    url: "/api/accounts/:accountId/statement.pdf",
    responses: { 200: file("application/pdf", "The statement") },
    send: sendAttachment,
  });
  routeUseCase(app, deps, "downloadStatementCsv", {
    method: "GET",
    url: "/api/accounts/:accountId/statement.csv",
    responses: { 200: file("text/csv", "The statement") },
    send: sendAttachment,
  });
}
