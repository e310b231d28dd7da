// /console/billing: an administrator starts billing a month (in the background: the request answers at once and
// goes to the run's page), sees the runs so far and sets the schedule. /console/billing/runs/:id follows one run;
// its /events is a server-sent event stream fed by reading the run's rows every second, ended when the run ends
// (the console's script follows it; without JavaScript the page refreshes itself while the run goes on).
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import { addPeriods, periodOf } from "../../../domain/period.ts";
import { format } from "../../../i18n/messages.ts";
import type { BillingRunProgress } from "../../../services/billing/get-billing-run.ts";
import { AppError } from "../../../services/errors.ts";
import { html } from "../../web/html.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleProvider, consoleProvider } from "../console-provider.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
} from "../console-request.ts";
import { BILLING } from "../messages/billing.ts";
import { billingBody, billingRunBody, runEvent } from "../views/billing-page.ts";

/** How often the event stream reads the run's rows. */
const TICK_MS = 1_000;
const PERIOD = /^[1-9][0-9]{3}-(0[1-9]|1[0-2])$/;

interface PageState {
  period?: string;
  startErrors?: FieldError[];
  scheduleErrors?: FieldError[];
}

export async function billingConsoleRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const admin = { preHandler: requireAdministrator, schema: { hide: true } };

  const sendBillingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    provider: ConsoleProvider,
    state: PageState = {},
    status = 200,
  ) => {
    const locale = request.locale;
    const [{ runs }, schedule] = await Promise.all([
      consoleCall(deps, request, "listBillingRuns", { provider: provider.key, limit: 24 }),
      consoleCall(deps, request, "getBillingSchedule", { provider: provider.key }),
    ]);
    const done = (request.query as Record<string, string | undefined>)["done"];
    const notice =
      done === "schedule-saved"
        ? format(BILLING.scheduleSaved, locale)
        : done === "schedule-off"
          ? format(BILLING.scheduleRemoved, locale)
          : null;
    const startErrors = state.startErrors ?? [];
    const scheduleErrors = state.scheduleErrors ?? [];
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(BILLING.title, locale),
        section: "billing",
        hasErrors: startErrors.length + scheduleErrors.length > 0,
        body: billingBody(ctx, {
          runs,
          schedule,
          // The month before the current Kyiv month: the one a run usually bills.
          period: state.period ?? addPeriods(periodOf(kyivDateOf(deps.now())), -1),
          startErrors,
          scheduleErrors,
          notice,
          providerQuery: provider.query,
        }),
      }),
      status,
    );
  };

  app.get("/console/billing", admin, async (request, reply) =>
    sendBillingPage(request, reply, await consoleProvider(deps, request)),
  );

  app.post("/console/billing/runs", { ...admin, config: { form: true } }, async (request, reply) => {
    const provider = await consoleProvider(deps, request);
    const period = (formOf(request)["period"] ?? "").trim();
    if (!PERIOD.test(period)) {
      const startErrors = [{ field: "period", message: format(BILLING.periodInvalid, request.locale) }];
      return sendBillingPage(request, reply, provider, { period, startErrors }, 400);
    }
    try {
      const { runId } = await consoleCall(deps, request, "startBillingRun", {
        provider: provider.key,
        period,
      });
      return seeOther(reply, `/console/billing/runs/${runId}${provider.query}`);
    } catch (e) {
      const startErrors = fieldErrorsOf(e, request.locale, {}, "period");
      return sendBillingPage(request, reply, provider, { period, startErrors }, (e as AppError).status);
    }
  });

  app.post("/console/billing/schedule", { ...admin, config: { form: true } }, async (request, reply) => {
    const provider = await consoleProvider(deps, request);
    const form = formOf(request);
    const off = form["off"] === "1";
    const day = Number(form["day"]);
    const hour = Number(form["hour"]);
    if (
      !off &&
      !(Number.isInteger(day) && day >= 1 && day <= 28 && Number.isInteger(hour) && hour >= 0 && hour <= 23)
    ) {
      const scheduleErrors = [
        { field: "schedule-day", message: format(BILLING.scheduleChoiceInvalid, request.locale) },
      ];
      return sendBillingPage(request, reply, provider, { scheduleErrors }, 400);
    }
    try {
      await consoleCall(deps, request, "setBillingSchedule", {
        provider: provider.key,
        cron: off ? null : `0 ${hour} ${day} * *`,
      });
    } catch (e) {
      const scheduleErrors = fieldErrorsOf(e, request.locale, { cron: "schedule-day" }, "schedule-day");
      return sendBillingPage(request, reply, provider, { scheduleErrors }, (e as AppError).status);
    }
    const sep = provider.query ? "&" : "?";
    return seeOther(
      reply,
      `/console/billing${provider.query}${sep}done=schedule-${off ? "off" : "saved"}#schedule`,
    );
  });

  const runOf = (request: FastifyRequest): Promise<BillingRunProgress> => {
    const id = (request.params as { id: string }).id;
    if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new AppError("not_found");
    return consoleCall(deps, request, "getBillingRun", { runId: Number(id) });
  };

  app.get("/console/billing/runs/:id", admin, async (request, reply) => {
    const run = await runOf(request);
    const still = (request.query as Record<string, string | undefined>)["still"] === "1";
    const refreshing = run.state === "running" && !still;
    return sendConsolePage(request, reply, (ctx) => ({
      title: format(BILLING.runTitle, ctx.locale, { period: run.period }),
      section: "billing",
      body: billingRunBody(ctx, run, { refreshing }),
      // Without JavaScript the page reads itself again while the run goes on (with it, the event stream does).
      ...(refreshing ? { head: html`<noscript><meta http-equiv="refresh" content="2"></noscript>` } : {}),
    }));
  });

  app.get("/console/billing/runs/:id/events", admin, async (request, reply) => {
    // The first reading goes through the console's errors (another provider's run: 404) before the stream opens.
    const first = await runOf(request);
    const locale = request.locale;
    let closed = false;
    request.raw.on("close", () => {
      closed = true;
    });
    async function* events() {
      let run = first;
      while (true) {
        const ended = run.state !== "running";
        yield `event: ${ended ? "end" : "progress"}\ndata: ${JSON.stringify(runEvent(run, locale))}\n\n`;
        if (ended || closed) return;
        await new Promise((resolve) => setTimeout(resolve, TICK_MS));
        if (closed) return;
        run = await runOf(request);
      }
    }
    return reply
      .header("cache-control", "no-cache")
      .header("x-accel-buffering", "no")
      .type("text/event-stream; charset=utf-8")
      .send(Readable.from(events()));
  });
}
