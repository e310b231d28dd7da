// Paying (/pay): with one account straight to its form, with several a choice. The form offers the amount due,
// the planned payment and another amount; sending it starts the payment (startPayment, its idempotency key drawn
// with the form, so a second tap or a reload returns the same order) and answers with a page whose one button
// posts the gateway's checkout form. The gateway sends the resident back to /payments/:orderId, which works
// without the session too (a gateway's redirect may arrive without it): the order id is the key.
import { randomUUID } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import { PAY } from "../messages/money.ts";
import type { FieldError } from "../views/components.ts";
import { moneyAccountsBody } from "../views/money-page.ts";
import { continueBody, type PayForm, payBody, paymentResultBody } from "../views/pay-page.ts";
import {
  type CabinetOptions,
  fieldErrorsOf,
  formOf,
  pageContext,
  requireSignedIn,
  seeOther,
  sendPage,
  webCall,
} from "../web-request.ts";
import { accountIdOf } from "./account-param.ts";

const ORDER = /^[0-9a-f-]{36}$/i;

export async function payRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps } = opts;
  const hide = { schema: { hide: true }, preHandler: requireSignedIn };

  /** What the form offers: the balance now and the last bill's planned payment (none before the first bill). */
  async function offer(request: FastifyRequest, accountId: number) {
    const balance = await webCall(deps, request, "accountBalance", { accountId });
    const [accounts, bill] = await Promise.all([
      webCall(deps, request, "listMyAccounts", {}),
      webCall(deps, request, "lastBill", { accountId }).catch((e: unknown) => {
        if (e instanceof AppError && e.code === "not_found") return null;
        throw e;
      }),
    ]);
    return {
      accountId,
      account: accounts.find((a) => a.id === accountId),
      dueKop: balance.total.kop,
      planned: bill ? { period: bill.planned.period, totalKop: bill.planned.total.kop } : null,
    };
  }

  function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: Omit<PayForm, "idempotencyKey"> & { idempotencyKey?: string | undefined },
    status = 200,
  ) {
    const ctx = pageContext(request, reply);
    return sendPage(
      request,
      reply,
      {
        title: format(PAY.title, request.locale),
        section: "pay",
        hasErrors: form.errors.length > 0,
        body: payBody(ctx, { ...form, idempotencyKey: form.idempotencyKey ?? randomUUID() }),
      },
      status,
    );
  }

  app.get("/pay", hide, async (request, reply) => {
    const accounts = await webCall(deps, request, "listMyAccounts", {});
    if (accounts.length === 1) return seeOther(reply, `/pay/${accounts[0]!.id}`);
    const title = format(PAY.title, request.locale);
    return sendPage(request, reply, {
      title,
      section: "pay",
      body: moneyAccountsBody(pageContext(request, reply), accounts, "pay", title),
    });
  });

  app.get("/pay/:accountId", hide, async (request, reply) => {
    const accountId = accountIdOf(request);
    return showForm(request, reply, { ...(await offer(request, accountId)), errors: [] });
  });

  app.post("/pay/:accountId", hide, async (request, reply) => {
    const accountId = accountIdOf(request);
    const locale = request.locale;
    const fields = formOf(request);
    const choice = fields["choice"];
    const amount = (fields["amount"] ?? "").trim();
    // A key the form did not carry (a hand-made post) gets one of its own: no retry can reuse it anyway.
    const idempotencyKey = /^[\w-]{8,100}$/.test(fields["idempotencyKey"] ?? "")
      ? fields["idempotencyKey"]!
      : randomUUID();
    const current = await offer(request, accountId);
    const refuse = (errors: FieldError[], status: number) =>
      showForm(request, reply, { ...current, choice, amount, idempotencyKey, errors }, status);

    let input: { amount: string } | { amountKop: number; period?: string };
    if (choice === "due" && current.dueKop > 0) input = { amountKop: current.dueKop };
    else if (choice === "planned" && current.planned && current.planned.totalKop > 0)
      input = { amountKop: current.planned.totalKop, period: current.planned.period };
    else if (choice === "other") {
      if (!amount) return refuse([{ field: "amount", message: format(PAY.amountMissing, locale) }], 400);
      input = { amount };
    } else return refuse([{ field: "choice", message: format(PAY.chooseMissing, locale) }], 400);

    try {
      const started = await webCall(deps, request, "startPayment", { accountId, idempotencyKey, ...input });
      return sendPage(request, reply, {
        title: format(PAY.continueTitle, locale),
        section: "pay",
        body: continueBody(locale, {
          amountKop: started.amountKop,
          number: current.account?.number ?? "",
          checkout: started.checkout,
        }),
      });
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") throw e;
      const errors = fieldErrorsOf(
        e,
        locale,
        { amount: "amount", amountKop: "amount", period: "choice" },
        "amount",
      );
      return refuse(errors, (e as AppError).status);
    }
  });

  // No sign-in needed: the browser coming back from the gateway may not carry the session.
  app.get<{ Params: { orderId: string } }>(
    "/payments/:orderId",
    { schema: { hide: true } },
    async (request, reply) => {
      const orderId = request.params.orderId;
      if (!ORDER.test(orderId)) throw new AppError("not_found");
      const result = await webCall(deps, request, "paymentResult", { orderId });
      // The payer signed in sees where the payment went; someone else's order links to their own page only.
      let moneyPath: string | null = null;
      if (request.actor) {
        const order = await webCall(deps, request, "paymentStatus", { orderId }).catch((e: unknown) => {
          if (e instanceof AppError && e.code === "not_found") return null;
          throw e;
        });
        moneyPath = order ? `/money/${order.accountId}` : "/money";
      }
      reply.header("cache-control", "no-store");
      return sendPage(request, reply, {
        title: format(PAY.resultTitle, request.locale),
        section: "pay",
        body: paymentResultBody(request.locale, result, moneyPath),
      });
    },
  );
}
