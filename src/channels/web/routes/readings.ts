// /readings: the accounts to send readings for (or straight to the one there is); /readings/:accountId: that
// account's meters with a form each. A sent form is answered on the same page: accepted goes (Post/Redirect/Get)
// to the page with the receipt; refused comes back with the reason beside the field (422); unusually high comes
// back with a "yes, the figures are right" button that sends them again with confirmed=true.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import { AppError } from "../../../services/errors.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { READINGS } from "../messages/readings.ts";
import { submitMeterForm } from "../reading-submit.ts";
import { type MeterFormState, readingsAccountBody, readingsListBody } from "../views/readings-page.ts";
import { type CabinetOptions, formOf, requireSignedIn, seeOther, sendPage, webCall } from "../web-request.ts";
import { myAccount } from "./account-link.ts";

export async function readingsRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps } = opts;

  const sendAccountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    account: AccountSummary,
    meters: MeterView[],
    state: MeterFormState | null,
    status = 200,
  ) => {
    const locale = request.locale;
    const query = request.query as Record<string, string | undefined>;
    let notice: string | null = null;
    if (state === null && query["done"] === "accepted") {
      const meter = meters.find((m) => String(m.id) === query["meter"]);
      const last = meter?.lastReadings[0];
      if (meter && last)
        notice = format(
          last.status === "pending_review" ? READINGS.acceptedReview : READINGS.accepted,
          locale,
          {
            serial: meter.serial,
            receipt: last.receipt,
          },
        );
    }
    const estimates = new Map<number, number>();
    if (meters.some((m) => m.window.open)) {
      const estimate = await webCall(deps, request, "estimateWithoutReading", { accountId: account.id });
      for (const e of estimate.meters) if (e.amountKop !== null) estimates.set(e.meterId, e.amountKop);
    }
    return sendPage(
      request,
      reply,
      (ctx) => ({
        title: format(READINGS.accountTitle, locale, { number: account.number }),
        section: "readings",
        hasErrors: (state?.errors.length ?? 0) > 0,
        body: readingsAccountBody(ctx, { account, meters, estimates, state, notice }),
      }),
      status,
    );
  };

  app.get("/readings", { schema: { hide: true }, preHandler: requireSignedIn }, async (request, reply) => {
    const accounts = await webCall(deps, request, "listMyAccounts", {});
    if (accounts.length === 1) return seeOther(reply, `/readings/${accounts[0]!.id}`);
    return sendPage(request, reply, (ctx) => ({
      title: format(READINGS.title, ctx.locale),
      section: "readings",
      body: readingsListBody(ctx, accounts),
    }));
  });

  app.get<{ Params: { accountId: string } }>(
    "/readings/:accountId",
    { schema: { hide: true }, preHandler: requireSignedIn },
    async (request, reply) => {
      const account = await myAccount(deps, request);
      const meters = await webCall(deps, request, "listAccountMeters", { accountId: account.id });
      return sendAccountPage(request, reply, account, meters, null);
    },
  );

  app.post<{ Params: { accountId: string } }>(
    "/readings/:accountId",
    { schema: { hide: true }, preHandler: requireSignedIn },
    async (request, reply) => {
      const account = await myAccount(deps, request);
      const meters = await webCall(deps, request, "listAccountMeters", { accountId: account.id });
      const form = formOf(request);
      const meter = meters.find((m) => String(m.id) === form["meterId"]);
      if (!meter) throw new AppError("not_found");
      const answer = await submitMeterForm((input) => webCall(deps, request, "submitReading", input), {
        accountId: account.id,
        meter,
        form,
        locale: request.locale,
      });
      if (answer.accepted) return seeOther(reply, `/readings/${account.id}?done=accepted&meter=${meter.id}`);
      return sendAccountPage(request, reply, account, meters, answer.state, answer.status);
    },
  );
}
