// /console/windows: the provider's submission window rules, the form for a new one and its twelve-month preview.
// GET shows the page; with ?preview=1 it previews the form's rule (nothing saved), with ?service=&settlement= it
// prefills the form from that rule. POST saves the previewed rule and goes (303) to the page showing the saved
// rule's preview; a refusal comes back with the reason at the top and beside its field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import type { LocalDate } from "../../../domain/local-date.ts";
import { firstDay, nextPeriod, periodOf } from "../../../domain/period.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AppError } from "../../../services/errors.ts";
import type { SubmissionWindowList } from "../../../services/windows/list-submission-windows.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleProvider, consoleProvider } from "../console-provider.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
} from "../console-request.ts";
import { WINDOWS } from "../messages/windows.ts";
import { type WindowFormValues, type WindowsPageData, windowsBody } from "../views/windows-page.ts";

const FIELDS = [
  "service",
  "settlement",
  "opensDay",
  "closesDay",
  "deemedDateRule",
  "latePolicy",
  "ruleSource",
  "effectiveFrom",
] as const;
/** The use cases' field names → the form's. */
const FIELD_IDS: Record<string, string> = {
  ...Object.fromEntries(FIELDS.map((f) => [f, f])),
  settlementId: "settlement",
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = /^[-−]?\d{1,2}$/;

type RuleInput = {
  service: "electricity" | "cold_water" | "hot_water" | "sewerage" | "gas" | "heating";
  settlementId: number | null;
  opensDay: number;
  closesDay: number;
  deemedDateRule: "submission_day" | "first_of_month";
  latePolicy: "refuse" | "next_period";
  ruleSource: string;
  effectiveFrom: string;
};

function valuesOf(source: Record<string, unknown>): WindowFormValues {
  const out = {} as WindowFormValues;
  for (const f of FIELDS) out[f] = typeof source[f] === "string" ? (source[f] as string).trim() : "";
  return out;
}

/** The form's values as the use case's input, or the fields a person must correct first. */
function ruleOf(v: WindowFormValues, locale: Locale): { rule: RuleInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  for (const f of ["opensDay", "closesDay"] as const) {
    if (!DAY.test(v[f])) errors.push({ field: f, message: format(WINDOWS.dayNotNumber, locale) });
  }
  if (!DATE.test(v.effectiveFrom))
    errors.push({ field: "effectiveFrom", message: format(WINDOWS.dateInvalid, locale) });
  if (errors.length > 0) return { errors };
  const settlementId = v.settlement === "all" || v.settlement === "" ? null : Number(v.settlement);
  return {
    rule: {
      service: v.service as RuleInput["service"],
      settlementId: Number.isSafeInteger(settlementId) ? settlementId : null,
      opensDay: Number(v.opensDay.replace("−", "-")),
      closesDay: Number(v.closesDay.replace("−", "-")),
      deemedDateRule: v.deemedDateRule as RuleInput["deemedDateRule"],
      latePolicy: v.latePolicy as RuleInput["latePolicy"],
      ruleSource: v.ruleSource,
      effectiveFrom: v.effectiveFrom,
    },
  };
}

/** The form prefilled from the latest rule of a service and settlement (else the service's provider-wide one). */
function prefill(
  list: SubmissionWindowList,
  query: Record<string, unknown>,
  effectiveFrom: string,
  saved: boolean,
): WindowFormValues {
  const service = typeof query["service"] === "string" ? query["service"] : (list.services[0]?.service ?? "");
  const settlement = typeof query["settlement"] === "string" ? query["settlement"] : "all";
  const ofService = list.rules.filter((r) => r.service === service && r.standing !== "superseded");
  const rule =
    ofService.find((r) => String(r.settlement?.id ?? "all") === settlement) ??
    ofService.find((r) => r.settlement === null);
  return {
    service,
    settlement,
    opensDay: rule ? String(rule.opensDay) : "1",
    closesDay: rule ? String(rule.closesDay) : "-1",
    deemedDateRule: rule?.deemedDateRule ?? "submission_day",
    latePolicy: rule?.latePolicy ?? "refuse",
    ruleSource: rule?.ruleSource ?? "",
    // A rule just saved keeps its date; otherwise a change is offered from a date still ahead.
    effectiveFrom: rule && (saved || rule.effectiveFrom > list.today) ? rule.effectiveFrom : effectiveFrom,
  };
}

export async function windowsRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    provider: ConsoleProvider,
    state: { values?: WindowFormValues; errors?: FieldError[]; preview?: boolean; notice?: boolean },
    status = 200,
  ) => {
    const locale = request.locale;
    const list = await consoleCall(deps, request, "listSubmissionWindows", { provider: provider.key });
    const nextMonth = firstDay(nextPeriod(periodOf(kyivDateOf(deps.now()) as LocalDate)));
    const values =
      state.values ??
      prefill(list, request.query as Record<string, unknown>, nextMonth, state.notice === true);
    let errors = state.errors ?? [];
    let preview: WindowsPageData["preview"] = null;
    if (state.preview && errors.length === 0) {
      const parsed = ruleOf(values, locale);
      if ("errors" in parsed) errors = parsed.errors;
      else {
        const { service: _s, settlementId: _id, ruleSource: _src, ...rule } = parsed.rule;
        try {
          preview = await consoleCall(deps, request, "previewSubmissionWindow", rule);
        } catch (e) {
          errors = fieldErrorsOf(e, locale, FIELD_IDS, "opensDay");
          status = (e as AppError).status;
        }
      }
      if (errors.length > 0 && status < 400) status = 422;
    }
    const notice = state.notice
      ? format(WINDOWS.saved, locale, { date: formatDate(values.effectiveFrom, locale) })
      : null;
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(WINDOWS.title, locale),
        section: "windows",
        hasErrors: errors.length > 0,
        body: windowsBody(ctx, { list, values, errors, preview, notice, providerQuery: provider.query }),
      }),
      status,
    );
  };

  app.get(
    "/console/windows",
    { schema: { hide: true }, preHandler: requireAdministrator },
    async (request, reply) => {
      const provider = await consoleProvider(deps, request);
      const query = request.query as Record<string, unknown>;
      if (query["preview"] === "1") {
        return render(request, reply, provider, { values: valuesOf(query), preview: true });
      }
      // After saving: the saved rule (the latest of its service and settlement) with its preview.
      return render(request, reply, provider, {
        preview: query["saved"] === "1",
        notice: query["saved"] === "1",
      });
    },
  );

  app.post(
    "/console/windows",
    { schema: { hide: true }, preHandler: requireAdministrator },
    async (request, reply) => {
      const provider = await consoleProvider(deps, request);
      const values = valuesOf(formOf(request));
      const parsed = ruleOf(values, request.locale);
      if ("errors" in parsed) return render(request, reply, provider, { values, errors: parsed.errors }, 422);
      try {
        await consoleCall(deps, request, "saveSubmissionWindow", { provider: provider.key, ...parsed.rule });
      } catch (e) {
        const errors = fieldErrorsOf(e, request.locale, FIELD_IDS, "opensDay");
        return render(request, reply, provider, { values, errors }, (e as AppError).status);
      }
      const sep = provider.query ? "&" : "?";
      const where = `service=${encodeURIComponent(values.service)}&settlement=${encodeURIComponent(values.settlement || "all")}`;
      return seeOther(reply, `/console/windows${provider.query}${sep}${where}&saved=1#preview`);
    },
  );
}
