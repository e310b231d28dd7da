// /console/registry-lines: the operator's queue of bank registry lines that were not posted. GET shows the queue
// (?after= pages on); POST /console/registry-lines/:registryId/:lineNo/assign posts the line's payment to the
// account whose number was typed, …/return marks it returned to the bank with a reason; both go (303) back to the
// queue with a banner. A refusal (no such account at the provider, no reason, already settled) comes back as the
// queue with the reason beside the field (4xx), nothing written; another provider's line is 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { formatUah, kop } from "../../../domain/money.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage } from "../console-request.ts";
import { CONSOLE_REGISTRY_LINES } from "../messages/registry-lines.ts";
import { numberFieldId, registryLinesBody, returnFieldId } from "../views/registry-lines-page.ts";

const ID = /^[1-9]\d{0,14}$/;
const LINE_NO = /^[1-9]\d{0,8}$/;
const AFTER = /^\d{1,15}:\d{1,10}$/;

const afterOf = (value: unknown): string | null =>
  typeof value === "string" && AFTER.test(value) ? value : null;

export async function consoleRegistryLineRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const hide = { schema: { hide: true } };

  const sendQueue = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { after: string | null; errors?: FieldError[]; values?: Record<string, string>; status?: number },
  ) => {
    const queue = await consoleCall(deps, request, "listUnmatchedRegistryLines", {
      ...(o.after ? { after: o.after } : {}),
    });
    const query = request.query as Record<string, unknown>;
    const locale = request.locale;
    const text = (k: string) => (typeof query[k] === "string" ? (query[k] as string).slice(0, 60) : "");
    let notice: string | null = null;
    if (query["done"] === "assigned" && /^\d{1,15}$/.test(text("amount")))
      notice = format(CONSOLE_REGISTRY_LINES.assigned, locale, {
        amount: formatUah(kop(Number(text("amount"))), locale),
        account: text("account"),
      });
    if (query["done"] === "returned")
      notice = format(CONSOLE_REGISTRY_LINES.returned, locale, { line: text("line") });
    const errors = o.errors ?? [];
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(CONSOLE_REGISTRY_LINES.title, ctx.locale),
        section: "registry-lines",
        hasErrors: errors.length > 0,
        body: registryLinesBody(ctx, { queue, after: o.after, notice, errors, values: o.values ?? {} }),
      }),
      o.status ?? 200,
    );
  };

  app.get("/console/registry-lines", hide, async (request, reply) =>
    sendQueue(request, reply, { after: afterOf((request.query as Record<string, unknown>)["after"]) }),
  );

  type Params = { Params: { registryId: string; lineNo: string } };
  const lineOf = (request: FastifyRequest<Params>) => {
    const { registryId, lineNo } = request.params;
    if (!ID.test(registryId) || !LINE_NO.test(lineNo)) throw new AppError("not_found");
    return { registryId: Number(registryId), lineNo: Number(lineNo) };
  };

  /** A refusal drawn beside the form's field; another provider's line (or none) is the 404 page. */
  const refused = (
    request: FastifyRequest,
    reply: FastifyReply,
    e: unknown,
    o: { after: string | null; fields: Record<string, string>; field: string; value: string },
  ) => {
    if (e instanceof AppError && e.code === "not_found") throw e;
    const errors = fieldErrorsOf(e, request.locale, o.fields, o.field);
    return sendQueue(request, reply, {
      after: o.after,
      errors,
      values: { [o.field]: o.value },
      status: (e as AppError).status,
    });
  };

  app.post<Params>("/console/registry-lines/:registryId/:lineNo/assign", hide, async (request, reply) => {
    const line = lineOf(request);
    const form = formOf(request);
    const after = afterOf(form["after"]);
    const number = (form["number"] ?? "").slice(0, 60);
    const field = numberFieldId(line);
    try {
      const done = await consoleCall(deps, request, "assignRegistryLine", { ...line, accountNumber: number });
      const query = new URLSearchParams({
        done: "assigned",
        amount: String(done.amountKop),
        account: done.accountNumber,
        ...(after ? { after } : {}),
      });
      return seeOther(reply, `/console/registry-lines?${query}`);
    } catch (e) {
      return refused(request, reply, e, { after, fields: { accountNumber: field }, field, value: number });
    }
  });

  app.post<Params>("/console/registry-lines/:registryId/:lineNo/return", hide, async (request, reply) => {
    const line = lineOf(request);
    const form = formOf(request);
    const after = afterOf(form["after"]);
    const reason = (form["reason"] ?? "").slice(0, 2000);
    const field = returnFieldId(line);
    try {
      await consoleCall(deps, request, "returnRegistryLine", { ...line, reason });
      const query = new URLSearchParams({
        done: "returned",
        line: String(line.lineNo),
        ...(after ? { after } : {}),
      });
      return seeOther(reply, `/console/registry-lines?${query}`);
    } catch (e) {
      return refused(request, reply, e, { after, fields: { reason: field }, field, value: reason });
    }
  });
}
