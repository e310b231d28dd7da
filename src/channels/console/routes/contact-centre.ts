// /console/contact-centre: the contact centre's phones, weekly hours and holiday schedule. GET shows whether each
// line answers now and the forms; POST /console/contact-centre saves the phones and both lines' weekly hours;
// POST …/exceptions adds a special day, POST …/exceptions/remove removes one. Each POST saves the whole set
// through saveContactCentre (the rest as it stands) and goes (303) back; a refusal comes back with the reason
// beside its field (4xx), nothing saved.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DEFAULT_DAY_HOURS } from "../../../domain/contact-hours.ts";
import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import { formatUkrainianPhone } from "../../../domain/phone-display.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { LOCALES } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { InputOf, OutputOf } from "../../../services/registry.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleProvider, consoleProvider } from "../console-provider.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
} from "../console-request.ts";
import { CONSOLE_CONTACT } from "../messages/contact-centre.ts";
import {
  type ContactCentrePageData,
  contactCentreBody,
  type ExceptionFormValues,
  type HoursFormValues,
  hoursFieldId,
  LINES,
  WEEKDAYS,
} from "../views/contact-centre-page.ts";

type Settings = OutputOf<"getContactCentre">;
type SaveInput = InputOf<"saveContactCentre">;
type Line = (typeof LINES)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function hoursFormOf(s: Settings): HoursFormValues {
  const hours: Record<string, string> = {};
  for (const h of s.hours) {
    hours[hoursFieldId(h.line, h.weekday, "opens")] = h.opens;
    hours[hoursFieldId(h.line, h.weekday, "closes")] = h.closes;
  }
  // A contact centre with no hours yet starts from the article's 07:00–21:00 every day (saved only when sent).
  if (!s.hours.some((h) => h.line === "contact_centre"))
    for (const weekday of WEEKDAYS) {
      hours[hoursFieldId("contact_centre", weekday, "opens")] = DEFAULT_DAY_HOURS.opens;
      hours[hoursFieldId("contact_centre", weekday, "closes")] = DEFAULT_DAY_HOURS.closes;
    }
  return { phones: s.phones.map(formatUkrainianPhone).join("\n"), hours };
}

function emptyException(today: string): ExceptionFormValues {
  return { date: today, line: "contact_centre", opens: "", closes: "", note: { uk: "", ru: "", en: "" } };
}

/** The schedule as it stands, as saveContactCentre's input (to save it again with one part changed). */
function inputOf(provider: ConsoleProvider, s: Settings): SaveInput {
  return {
    provider: provider.key,
    phones: s.phones,
    hours: s.hours.map((h) => ({ line: h.line, weekday: h.weekday, opens: h.opens, closes: h.closes })),
    exceptions: s.exceptions.map((e) => ({
      date: e.date,
      line: e.line,
      opens: e.opens,
      closes: e.closes,
      note: e.note,
    })),
  };
}

const lineOf = (text: string | undefined): Line => LINES.find((l) => l === text) ?? "contact_centre";

export async function consoleContactCentreRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const admin = { schema: { hide: true }, preHandler: requireAdministrator };

  const sendPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      settings: Settings;
      provider: ConsoleProvider;
      hoursForm?: HoursFormValues;
      exceptionForm?: ExceptionFormValues;
      errors?: FieldError[];
      status?: number;
    },
  ) => {
    const done = (request.query as Record<string, unknown>)["done"];
    const notice =
      done === "saved" || done === "added" || done === "removed"
        ? format(CONSOLE_CONTACT[done], request.locale)
        : null;
    const errors = o.errors ?? [];
    const data: ContactCentrePageData = {
      settings: o.settings,
      hoursForm: o.hoursForm ?? hoursFormOf(o.settings),
      exceptionForm: o.exceptionForm ?? emptyException(kyivDateOf(deps.now())),
      errors,
      notice,
      providerQuery: o.provider.query,
    };
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(CONSOLE_CONTACT.title, ctx.locale),
        section: "contact-centre",
        hasErrors: errors.length > 0,
        body: contactCentreBody(ctx, data),
      }),
      o.status ?? 200,
    );
  };

  const current = async (request: FastifyRequest) => {
    const provider = await consoleProvider(deps, request);
    const settings = await consoleCall(deps, request, "getContactCentre", { provider: provider.key });
    return { provider, settings };
  };

  const back = (reply: FastifyReply, provider: ConsoleProvider, done: string) =>
    seeOther(reply, `/console/contact-centre${provider.query}${provider.query ? "&" : "?"}done=${done}`);

  app.get("/console/contact-centre", admin, async (request, reply) =>
    sendPage(request, reply, await current(request)),
  );

  app.post("/console/contact-centre", admin, async (request, reply) => {
    const { provider, settings } = await current(request);
    const form = formOf(request);
    const locale: Locale = request.locale;
    const hoursForm: HoursFormValues = { phones: form["phones"] ?? "", hours: {} };
    const hours: SaveInput["hours"] = [];
    const fieldOfHours: string[] = [];
    const errors: FieldError[] = [];
    for (const line of LINES)
      for (const weekday of WEEKDAYS) {
        const opensId = hoursFieldId(line, weekday, "opens");
        const closesId = hoursFieldId(line, weekday, "closes");
        const opens = (form[opensId] ?? "").trim().slice(0, 5);
        const closes = (form[closesId] ?? "").trim().slice(0, 5);
        hoursForm.hours[opensId] = opens;
        hoursForm.hours[closesId] = closes;
        if (opens === "" && closes === "") continue;
        if (opens === "" || closes === "") {
          errors.push({
            field: opens === "" ? opensId : closesId,
            message: format(CONSOLE_CONTACT.timeInvalid, locale),
          });
          continue;
        }
        hours.push({ line, weekday, opens, closes });
        fieldOfHours.push(opensId);
      }
    if (errors.length > 0)
      return sendPage(request, reply, { settings, provider, hoursForm, errors, status: 422 });
    const phones = hoursForm.phones
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .slice(0, 10);
    try {
      await consoleCall(deps, request, "saveContactCentre", {
        ...inputOf(provider, settings),
        phones,
        hours,
      });
      return back(reply, provider, "saved");
    } catch (e) {
      const index = e instanceof AppError ? e.details["index"] : undefined;
      const field =
        e instanceof AppError && e.details["field"] === "hours" && typeof index === "number"
          ? (fieldOfHours[index] ?? null)
          : e instanceof AppError && e.details["field"] === "phones"
            ? "phones"
            : null;
      const found = fieldErrorsOf(e, locale, {}, field);
      return sendPage(request, reply, {
        settings,
        provider,
        hoursForm,
        errors: found,
        status: (e as AppError).status,
      });
    }
  });

  app.post("/console/contact-centre/exceptions", admin, async (request, reply) => {
    const { provider, settings } = await current(request);
    const form = formOf(request);
    const locale: Locale = request.locale;
    const exceptionForm: ExceptionFormValues = {
      date: (form["date"] ?? "").trim(),
      line: lineOf(form["line"]),
      opens: (form["opens"] ?? "").trim().slice(0, 5),
      closes: (form["closes"] ?? "").trim().slice(0, 5),
      note: Object.fromEntries(LOCALES.map((l) => [l, (form[`note-${l}`] ?? "").slice(0, 200)])) as Record<
        Locale,
        string
      >,
    };
    const errors: FieldError[] = [];
    if (!DATE.test(exceptionForm.date))
      errors.push({ field: "exc-date", message: format(CONSOLE_CONTACT.dateInvalid, locale) });
    if ((exceptionForm.opens === "") !== (exceptionForm.closes === ""))
      errors.push({
        field: exceptionForm.opens === "" ? "exc-opens" : "exc-closes",
        message: format(CONSOLE_CONTACT.timeInvalid, locale),
      });
    if (errors.length > 0)
      return sendPage(request, reply, { settings, provider, exceptionForm, errors, status: 422 });
    const input = inputOf(provider, settings);
    const closed = exceptionForm.opens === "";
    input.exceptions.push({
      date: exceptionForm.date,
      line: lineOf(exceptionForm.line),
      ...(closed ? {} : { opens: exceptionForm.opens, closes: exceptionForm.closes }),
      note: exceptionForm.note,
    });
    try {
      await consoleCall(deps, request, "saveContactCentre", input);
      return back(reply, provider, "added");
    } catch (e) {
      const code = e instanceof AppError ? e.code : "";
      const field = code === "hours_exception_invalid" ? "exc-opens" : "exc-date";
      return sendPage(request, reply, {
        settings,
        provider,
        exceptionForm,
        errors: fieldErrorsOf(e, locale, {}, field),
        status: (e as AppError).status,
      });
    }
  });

  app.post("/console/contact-centre/exceptions/remove", admin, async (request, reply) => {
    const { provider, settings } = await current(request);
    const form = formOf(request);
    const input = inputOf(provider, settings);
    const kept = input.exceptions.filter((e) => !(e.date === form["date"] && e.line === form["line"]));
    if (kept.length === input.exceptions.length) throw new AppError("not_found");
    await consoleCall(deps, request, "saveContactCentre", { ...input, exceptions: kept });
    return back(reply, provider, "removed");
  });
}
