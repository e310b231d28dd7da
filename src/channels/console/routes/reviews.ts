// /console/reviews: the operator's queue of readings flagged as implausible. GET shows the queue (?after= pages on);
// POST /console/reviews/:accountId/:readingId/accept and …/reject decide one submission and go (303) back to the
// queue with a banner. A refusal (no reason given, already decided, a month already billed) comes back as the queue
// with the reason beside the form (4xx), nothing written; another provider's reading is 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage } from "../console-request.ts";
import { CONSOLE_REVIEWS } from "../messages/reviews.ts";
import { reasonFieldId, reviewsBody } from "../views/reviews-page.ts";

const ID = /^[1-9]\d{0,14}$/;

/** A path or form id as a number, or null when it cannot be one. */
function idOf(value: unknown): number | null {
  return typeof value === "string" && ID.test(value) ? Number(value) : null;
}

export async function consoleReviewRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const hide = { schema: { hide: true } };

  const sendQueue = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { after: number | null; errors?: FieldError[]; reasons?: Record<number, string>; status?: number },
  ) => {
    const queue = await consoleCall(deps, request, "listReadingsToReview", {
      ...(o.after ? { after: o.after } : {}),
    });
    const query = request.query as Record<string, unknown>;
    const done = query["done"];
    const notice =
      (done === "accepted" || done === "rejected") && typeof query["account"] === "string"
        ? format(CONSOLE_REVIEWS.done, request.locale, {
            status: done,
            account: query["account"].slice(0, 40),
          })
        : null;
    const errors = o.errors ?? [];
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(CONSOLE_REVIEWS.title, ctx.locale),
        section: "reviews",
        hasErrors: errors.length > 0,
        body: reviewsBody(ctx, { queue, after: o.after, notice, errors, reasons: o.reasons ?? {} }),
      }),
      o.status ?? 200,
    );
  };

  app.get("/console/reviews", hide, async (request, reply) =>
    sendQueue(request, reply, { after: idOf((request.query as Record<string, unknown>)["after"]) }),
  );

  for (const decision of ["accept", "reject"] as const) {
    app.post<{ Params: { accountId: string; readingId: string } }>(
      `/console/reviews/:accountId/:readingId/${decision}`,
      hide,
      async (request, reply) => {
        const accountId = idOf(request.params.accountId);
        const readingId = idOf(request.params.readingId);
        if (accountId === null || readingId === null) throw new AppError("not_found");
        const form = formOf(request);
        const after = idOf(form["after"]);
        const reason = form["reason"] ?? "";
        let account: string;
        try {
          const ids = { accountId, readingId };
          const decided =
            decision === "accept"
              ? await consoleCall(deps, request, "acceptReading", ids)
              : await consoleCall(deps, request, "rejectReading", { ...ids, reason: reason.slice(0, 2000) });
          account = decided.accountNumber;
        } catch (e) {
          // Someone else's reading, or none: the 404 page, as for any id that is not the caller's.
          if (e instanceof AppError && e.code === "not_found") throw e;
          const errors = fieldErrorsOf(e, request.locale, { reason: reasonFieldId(readingId) }, null);
          return sendQueue(request, reply, {
            after,
            errors,
            reasons: { [readingId]: reason },
            status: (e as AppError).status,
          });
        }
        const query = new URLSearchParams({
          done: decision === "accept" ? "accepted" : "rejected",
          account,
          ...(after ? { after: String(after) } : {}),
        });
        return seeOther(reply, `/console/reviews?${query}`);
      },
    );
  }
}
