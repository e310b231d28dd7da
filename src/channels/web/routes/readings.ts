// /readings: the accounts to send readings for (or straight to the one there is); /readings/:accountId: that
// account's meters with a form each. A sent form is answered on the same page: accepted goes (Post/Redirect/Get)
// to the page with the receipt; refused comes back with the reason beside the field (422); unusually high comes
// back with a "yes, the figures are right" button that sends them again with confirmed=true.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { zoneName } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AccountSummary } from "../../../services/accounts/list-my-accounts.ts";
import { AppError } from "../../../services/errors.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { READINGS } from "../messages/readings.ts";
import {
  type MeterFormState,
  readingsAccountBody,
  readingsListBody,
  zoneFieldId,
} from "../views/readings-page.ts";
import {
  type CabinetOptions,
  fieldErrorsOf,
  formOf,
  requireSignedIn,
  seeOther,
  sendPage,
  webCall,
} from "../web-request.ts";
import { myAccount } from "./account-link.ts";

/** "1400" from "1400.000", "0.25" from "0.250": units as a person reads them. */
function trimUnits(text: string, locale: Locale): string {
  const trimmed = text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  return locale === "en" ? trimmed : trimmed.replace(".", ",");
}

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
      const zones = Array.from({ length: meter.zones }, (_, i) => i + 1);
      const values: Record<number, string> = {};
      for (const zone of zones) values[zone] = (form[`zone${zone}`] ?? "").trim();
      const key = form["idempotencyKey"];
      const locale = request.locale;
      try {
        const result = await webCall(deps, request, "submitReading", {
          accountId: account.id,
          meterId: meter.id,
          values: zones.map((zone) => ({ zone, value: values[zone]! })),
          ...(form["confirmed"] === "true" ? { confirmed: true } : {}),
          ...(key && key.length <= 200 ? { idempotencyKey: key } : {}),
        });
        if (result.status === "accepted")
          return seeOther(reply, `/readings/${account.id}?done=accepted&meter=${meter.id}`);
        const used = result.zones
          .filter((z) => z.consumption !== null)
          .map((z) => {
            const units = trimUnits(z.consumption!, locale);
            return meter.zones > 1 ? `${zoneName(meter.zones, z.zone, locale)}: ${units}` : units;
          })
          .join("; ");
        return sendAccountPage(request, reply, account, meters, {
          meterId: meter.id,
          values,
          errors: [],
          confirm: { used },
        });
      } catch (e) {
        const zone = e instanceof AppError ? e.details["zone"] : undefined;
        const field = zoneFieldId(meter.id, typeof zone === "number" ? zone : 1);
        const errors = fieldErrorsOf(e, locale, {}, field);
        const status = (e as AppError).status;
        return sendAccountPage(
          request,
          reply,
          account,
          meters,
          { meterId: meter.id, values, errors },
          status,
        );
      }
    },
  );
}
