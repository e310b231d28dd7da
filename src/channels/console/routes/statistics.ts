// /console/statistics: a provider's figures per month and channel for its administrators (a platform
// administrator picks the provider), their CSV, and recounting a month now. The use cases check whose provider.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import { addPeriods, periodOf } from "../../../domain/period.ts";
import { format } from "../../../i18n/messages.ts";
import type { Deps } from "../../../services/deps.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
} from "../console-request.ts";
import { STATISTICS } from "../messages/statistics.ts";
import { statisticsCsv } from "../views/statistics-csv.ts";
import { type StatisticsForm, statisticsPage, statisticsQuery } from "../views/statistics-page.ts";
import type { StatisticsOutput } from "../views/statistics-table.ts";

const FIELDS = { from: "from", to: "to", period: "period", provider: "provider" };
const MONTH = /^\d{4}-\d{2}$/;

/** The form from a query or a posted form; by default the last six months up to the current one. */
function formFrom(deps: Deps, fields: Record<string, unknown>): StatisticsForm {
  const text = (name: string) => {
    const v = fields[name];
    return typeof v === "string" ? v.trim() : "";
  };
  const current = periodOf(kyivDateOf(deps.now()));
  const to = text("to") || current;
  return {
    provider: text("provider") || undefined,
    from: text("from") || addPeriods(current, -5),
    to,
    period: text("period") || (MONTH.test(to) ? to : current),
  };
}

export async function statisticsRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;

  async function load(request: FastifyRequest, form: StatisticsForm): Promise<StatisticsOutput> {
    return consoleCall(deps, request, "getMonthlyStatistics", {
      ...(form.provider ? { provider: form.provider } : {}),
      from: form.from,
      to: form.to,
    });
  }

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    form: StatisticsForm,
    o: { errors?: FieldError[]; status?: number; refreshed?: string } = {},
  ): Promise<FastifyReply> {
    let errors = o.errors ?? [];
    let output: StatisticsOutput | null = null;
    let status = o.status ?? 200;
    try {
      output = await load(request, form);
    } catch (e) {
      // Another provider's statistics are not found, whatever the form: the page says so as a page.
      if (e instanceof AppError && e.code === "not_found") throw e;
      errors = [...errors, ...fieldErrorsOf(e, request.locale, FIELDS, "from")];
      status = e instanceof AppError ? e.status : 422;
    }
    const providers = (output?.providers ?? []).map((p) => ({ code: p.code, name: p.name[request.locale] }));
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(STATISTICS.title, ctx.locale),
        section: "statistics",
        hasErrors: errors.length > 0,
        body: statisticsPage(ctx, { form, output, providers, errors, refreshed: o.refreshed }),
      }),
      status,
    );
  }

  app.get(
    "/console/statistics",
    { schema: { hide: true }, preHandler: requireAdministrator },
    (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const refreshed =
        typeof query["refreshed"] === "string" && MONTH.test(query["refreshed"])
          ? query["refreshed"]
          : undefined;
      return show(request, reply, formFrom(deps, query), { refreshed });
    },
  );

  app.get(
    "/console/statistics.csv",
    { schema: { hide: true }, preHandler: requireAdministrator },
    async (request, reply) => {
      const form = formFrom(deps, request.query as Record<string, unknown>);
      const output = await load(request, form);
      const name = `statistics-${output.provider.code}-${form.from}-${form.to}.csv`.replace(
        /[^A-Za-z0-9._-]/g,
        "_",
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .header("cache-control", "private, no-store")
        .send(statisticsCsv(output));
    },
  );

  app.post(
    "/console/statistics/refresh",
    { schema: { hide: true }, preHandler: requireAdministrator },
    async (request, reply) => {
      const form = formFrom(deps, formOf(request));
      try {
        await consoleCall(deps, request, "refreshMonthlyStatistics", {
          ...(form.provider ? { provider: form.provider } : {}),
          period: form.period,
        });
      } catch (e) {
        if (e instanceof AppError && e.code === "not_found") throw e;
        const errors = fieldErrorsOf(e, request.locale, FIELDS, "period");
        return show(request, reply, form, { errors, status: e instanceof AppError ? e.status : 422 });
      }
      return seeOther(reply, `/console/statistics?${statisticsQuery(form)}&refreshed=${form.period}`);
    },
  );
}
