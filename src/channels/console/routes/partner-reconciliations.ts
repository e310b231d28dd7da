// /console/partners/:code/reconciliations: the platform administrator reviews a partner's reconciliations. GET lists
// them with their lines; POST …/:reconciliationId/lines/:lineNo/post posts a line their file has and we lack (as the
// partner's payment, under its txn id, once), …/dismiss dismisses it; both go (303) back to the page with a banner.
// A refusal (already decided, not postable, no such account) comes back as the page with the reason (4xx), nothing
// written. To a provider's staff the page does not exist.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatUah, kop } from "../../../domain/money.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage, staffOf } from "../console-request.ts";
import { PARTNER_RECONCILIATIONS } from "../messages/partner-reconciliations.ts";
import { partnerReconciliationsBody } from "../views/partner-reconciliations-page.ts";

const CODE = /^[a-z][a-z0-9-]{1,29}$/;
const ID = /^[1-9]\d{0,14}$/;
const LINE_NO = /^[1-9]\d{0,8}$/;

/** preHandler: the platform administrator's page; to a provider's staff it does not exist (as /console/partners). */
async function requirePlatformAdmin(request: FastifyRequest): Promise<void> {
  if (staffOf(request).kind !== "platform_admin") throw new AppError("not_found");
}

type CodeParams = { Params: { code: string } };
type LineParams = { Params: { code: string; reconciliationId: string; lineNo: string } };

export async function partnerReconciliationRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const guard = { preHandler: requirePlatformAdmin, schema: { hide: true } };

  const codeOf = (request: FastifyRequest<CodeParams>) => {
    if (!CODE.test(request.params.code)) throw new AppError("not_found");
    return request.params.code;
  };
  const pageOf = (code: string) => `/console/partners/${code}/reconciliations`;

  const sendPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    o: { notice?: string | null; errors?: FieldError[]; status?: number } = {},
  ) => {
    const reconciliations = await consoleCall(deps, request, "listPartnerReconciliations", { code });
    const errors = o.errors ?? [];
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(PARTNER_RECONCILIATIONS.title, ctx.locale, { code }),
        section: "partners",
        hasErrors: errors.length > 0,
        body: partnerReconciliationsBody(ctx, { code, reconciliations, notice: o.notice ?? null, errors }),
      }),
      o.status ?? 200,
    );
  };

  app.get<CodeParams>("/console/partners/:code/reconciliations", guard, async (request, reply) => {
    const code = codeOf(request);
    const q = request.query as Record<string, unknown>;
    const text = (k: string) => (typeof q[k] === "string" ? (q[k] as string).slice(0, 64) : "");
    let notice: string | null = null;
    if (q["done"] === "posted" && /^\d{1,15}$/.test(text("amount")))
      notice = format(PARTNER_RECONCILIATIONS.donePosted, request.locale, {
        receipt: text("receipt"),
        amount: formatUah(kop(Number(text("amount"))), request.locale),
        account: text("account"),
      });
    if (q["done"] === "dismissed")
      notice = format(PARTNER_RECONCILIATIONS.doneDismissed, request.locale, { line: text("line") });
    return sendPage(request, reply, code, { notice });
  });

  const lineOf = (request: FastifyRequest<LineParams>) => {
    const { code, reconciliationId, lineNo } = request.params;
    if (!CODE.test(code) || !ID.test(reconciliationId) || !LINE_NO.test(lineNo))
      throw new AppError("not_found");
    return { code, reconciliationId: Number(reconciliationId), lineNo: Number(lineNo) };
  };

  /** A refusal shown above the page; an unknown partner or line is the 404 page. */
  const refused = (request: FastifyRequest, reply: FastifyReply, code: string, e: unknown) => {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "forbidden")) throw e;
    const errors = fieldErrorsOf(e, request.locale);
    return sendPage(request, reply, code, { errors, status: (e as AppError).status });
  };

  app.post<LineParams>(
    "/console/partners/:code/reconciliations/:reconciliationId/lines/:lineNo/post",
    guard,
    async (request, reply) => {
      const line = lineOf(request);
      try {
        const done = await consoleCall(deps, request, "postReconciliationLine", line);
        const query = new URLSearchParams({
          done: "posted",
          receipt: done.receipt,
          amount: String(done.amountKop),
          account: done.account,
        });
        return seeOther(reply, `${pageOf(line.code)}?${query}`);
      } catch (e) {
        return refused(request, reply, line.code, e);
      }
    },
  );

  app.post<LineParams>(
    "/console/partners/:code/reconciliations/:reconciliationId/lines/:lineNo/dismiss",
    guard,
    async (request, reply) => {
      const line = lineOf(request);
      try {
        await consoleCall(deps, request, "dismissReconciliationLine", line);
        const query = new URLSearchParams({ done: "dismissed", line: String(line.lineNo) });
        return seeOther(reply, `${pageOf(line.code)}?${query}`);
      } catch (e) {
        return refused(request, reply, line.code, e);
      }
    },
  );
}
