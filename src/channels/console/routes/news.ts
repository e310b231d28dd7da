// /console/news: the administrator's news. GET lists every item with its state and the form (?edit=id fills it
// with that item; another provider's id is 404); POST /console/news saves the form (a new item, or the one its
// hidden id names) and goes (303) back to the list; POST /console/news/:id/withdraw takes an item down. A refusal
// comes back as the form with the reason beside its field (4xx), nothing saved.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { kyivDateTime } from "../../../domain/kyiv-time.ts";
import { parseLocalDate } from "../../../domain/local-date.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { LOCALES } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { consoleProvider } from "../console-provider.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
} from "../console-request.ts";
import { CONSOLE_NEWS } from "../messages/news.ts";
import {
  CONSOLE_NEWS_KINDS,
  kyivLocalInput,
  type NewsFormValues,
  type NewsPageData,
  newsBody,
  newsFormOf,
} from "../views/news-page.ts";

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
/** The use case's field names → the form's field ids. */
const FIELD_IDS: Record<string, string> = {
  "title.uk": "title-uk",
  "body.uk": "body-uk",
  publishedAt: "publishedAt",
  expiresAt: "expiresAt",
};
const ID = /^[1-9]\d{0,9}$/;

/** A datetime-local value (Kyiv wall-clock time) as an instant, or null when it is not one. */
function instantOf(text: string): string | null {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return null;
  try {
    return kyivDateTime(parseLocalDate(m[1]!), m[2]!).toISOString();
  } catch {
    return null;
  }
}

function emptyForm(now: Date): NewsFormValues {
  const none = { uk: "", ru: "", en: "" };
  return {
    id: "",
    kind: "general",
    publishedAt: kyivLocalInput(now.toISOString()),
    expiresAt: "",
    title: { ...none },
    body: { ...none },
  };
}

function formValues(form: Record<string, string>): NewsFormValues {
  const per = (prefix: string) =>
    Object.fromEntries(LOCALES.map((l) => [l, form[`${prefix}-${l}`] ?? ""])) as Record<Locale, string>;
  return {
    id: ID.test(form["id"] ?? "") ? form["id"]! : "",
    kind: form["kind"] ?? "",
    publishedAt: (form["publishedAt"] ?? "").trim(),
    expiresAt: (form["expiresAt"] ?? "").trim(),
    title: per("title"),
    body: per("body"),
  };
}

export async function consoleNewsRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const admin = { schema: { hide: true }, preHandler: requireAdministrator };

  const sendPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { values?: NewsFormValues; errors?: FieldError[]; status?: number },
  ) => {
    const provider = await consoleProvider(deps, request);
    const query = request.query as Record<string, unknown>;
    const items = await consoleCall(deps, request, "listProviderNews", { provider: provider.key });
    let values = o.values;
    if (!values && typeof query["edit"] === "string") {
      const item = items.find((n) => String(n.id) === query["edit"]);
      if (!item) throw new AppError("not_found");
      values = newsFormOf(item);
    }
    const done = query["done"];
    const notice =
      done === "saved" || done === "expired" || done === "deleted"
        ? format(CONSOLE_NEWS[done], request.locale)
        : null;
    const errors = o.errors ?? [];
    const data: NewsPageData = {
      items,
      values: values ?? emptyForm(deps.now()),
      errors,
      notice,
      providerQuery: provider.query,
    };
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(CONSOLE_NEWS.title, ctx.locale),
        section: "news",
        hasErrors: errors.length > 0,
        body: newsBody(ctx, data),
      }),
      o.status ?? 200,
    );
  };

  app.get("/console/news", admin, (request, reply) => sendPage(request, reply, {}));

  app.post("/console/news", admin, async (request, reply) => {
    const provider = await consoleProvider(deps, request);
    const values = formValues(formOf(request));
    const locale = request.locale;
    const errors: FieldError[] = [];
    const publishedAt = instantOf(values.publishedAt);
    const expiresAt = values.expiresAt === "" ? null : instantOf(values.expiresAt);
    if (publishedAt === null)
      errors.push({ field: "publishedAt", message: format(CONSOLE_NEWS.dateTimeInvalid, locale) });
    if (values.expiresAt !== "" && expiresAt === null)
      errors.push({ field: "expiresAt", message: format(CONSOLE_NEWS.dateTimeInvalid, locale) });
    const kind = CONSOLE_NEWS_KINDS.find((k) => k === values.kind) ?? "general";
    if (errors.length === 0) {
      try {
        await consoleCall(deps, request, "saveNews", {
          provider: provider.key,
          ...(values.id ? { id: Number(values.id) } : {}),
          kind,
          publishedAt: publishedAt!,
          expiresAt,
          title: values.title,
          body: values.body,
        });
        const sep = provider.query ? "&" : "?";
        return seeOther(reply, `/console/news${provider.query}${sep}done=saved`);
      } catch (e) {
        // Another provider's item (or one gone meanwhile) is not this form's to correct.
        if (e instanceof AppError && e.code === "not_found") throw e;
        errors.push(...fieldErrorsOf(e, locale, FIELD_IDS));
        return sendPage(request, reply, { values, errors, status: (e as AppError).status });
      }
    }
    return sendPage(request, reply, { values, errors, status: 422 });
  });

  app.post<{ Params: { id: string } }>("/console/news/:id/withdraw", admin, async (request, reply) => {
    if (!ID.test(request.params.id)) throw new AppError("not_found");
    const provider = await consoleProvider(deps, request);
    const result = await consoleCall(deps, request, "withdrawNews", {
      provider: provider.key,
      id: Number(request.params.id),
    });
    const sep = provider.query ? "&" : "?";
    return seeOther(reply, `/console/news${provider.query}${sep}done=${result.outcome}`);
  });
}
