// "Charges and payments" (/money): with one account straight to it, with several a choice. An account's page
// shows its months, the consumption chart and its documents; the bill PDF of a billed month and the
// reconciliation statement for a chosen range download here, by the session cookie, as the API's files. Paying
// (routes/pay.ts) is registered with it.
import type { FastifyInstance } from "fastify";
import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import { parseLocalDate } from "../../../domain/local-date.ts";
import { addPeriods, firstDay, type Period, periodOf } from "../../../domain/period.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import { sendAttachment } from "../../http/routes/documents.ts";
import { MONEY } from "../messages/money.ts";
import type { FieldError } from "../views/components.ts";
import { moneyAccountsBody, moneyBody, type StatementForm, statementBody } from "../views/money-page.ts";
import {
  type CabinetOptions,
  fieldErrorsOf,
  requireSignedIn,
  seeOther,
  sendPage,
  webCall,
} from "../web-request.ts";
import { accountIdOf } from "./account-param.ts";
import { payRoutes } from "./pay.ts";

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

type Query = Record<string, string | undefined>;

export async function moneyPageRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps } = opts;
  const hide = { schema: { hide: true }, preHandler: requireSignedIn };
  await app.register(payRoutes, opts);

  app.get("/money", hide, async (request, reply) => {
    const accounts = await webCall(deps, request, "listMyAccounts", {});
    if (accounts.length === 1) return seeOther(reply, `/money/${accounts[0]!.id}`);
    const title = format(MONEY.title, request.locale);
    return sendPage(request, reply, {
      title,
      section: "money",
      body: moneyAccountsBody(
        { locale: request.locale, signedIn: true, csrf: "", path: request.url },
        accounts,
        "money",
        title,
      ),
    });
  });

  app.get("/money/:accountId", hide, async (request, reply) => {
    const accountId = accountIdOf(request);
    const query = request.query as Query;
    const before = query["before"] && PERIOD.test(query["before"]) ? query["before"] : undefined;
    const history = await webCall(deps, request, "accountHistory", {
      accountId,
      limit: 12,
      ...(before ? { before } : {}),
    });
    const newest = history.months[0]?.period as Period | undefined;
    const oldest = history.months.at(-1)?.period as Period | undefined;
    // At most the five years a use case covers, whatever gaps the months have.
    const range =
      newest && oldest ? { from: [oldest, addPeriods(newest, -59)].sort().at(-1)!, to: newest } : {};
    const [entries, consumption, balance, accounts] = await Promise.all([
      webCall(deps, request, "accountEntries", { accountId, ...range }),
      webCall(deps, request, "accountConsumption", { accountId, ...range }),
      webCall(deps, request, "accountBalance", { accountId }),
      webCall(deps, request, "listMyAccounts", {}),
    ]);
    const today = kyivDateOf(deps.now());
    return sendPage(request, reply, {
      title: format(MONEY.title, request.locale),
      section: "money",
      body: moneyBody(
        { locale: request.locale, signedIn: true, csrf: "", path: request.url },
        {
          accountId,
          account: accounts.find((a) => a.id === accountId),
          balanceKop: balance.total.kop,
          history,
          entries,
          consumption,
          before,
          statement: { ...defaultRange(today), format: "pdf", errors: [] },
        },
      ),
    });
  });

  app.get<{ Params: { accountId: string; period: string } }>(
    "/money/:accountId/bills/:period.pdf",
    hide,
    async (request, reply) => {
      const accountId = accountIdOf(request);
      const period = request.params.period;
      if (!PERIOD.test(period)) throw new AppError("not_found");
      const bill = await webCall(deps, request, "downloadBill", { accountId, period, lang: request.locale });
      return sendAttachment(reply, bill);
    },
  );

  app.get("/money/:accountId/statement", hide, async (request, reply) => {
    const accountId = accountIdOf(request);
    const locale = request.locale;
    const query = request.query as Query;
    const fileFormat = query["format"] === "csv" ? "csv" : "pdf";
    const show = async (form: StatementForm, status: number) => {
      const accounts = await webCall(deps, request, "listMyAccounts", {});
      // Someone else's account is "not found" before any form is drawn for it.
      if (!accounts.some((a) => a.id === accountId))
        await webCall(deps, request, "accountBalance", { accountId });
      return sendPage(
        request,
        reply,
        {
          title: format(MONEY.statementTitle, locale),
          section: "money",
          hasErrors: form.errors.length > 0,
          body: statementBody(
            { locale, signedIn: true, csrf: "", path: request.url },
            accountId,
            accounts.find((a) => a.id === accountId),
            form,
          ),
        },
        status,
      );
    };
    if (query["from"] === undefined && query["to"] === undefined) {
      return show({ ...defaultRange(kyivDateOf(deps.now())), format: fileFormat, errors: [] }, 200);
    }
    const from = (query["from"] ?? "").trim();
    const to = (query["to"] ?? "").trim();
    const errors = [...dateErrors("from", from, locale), ...dateErrors("to", to, locale)];
    if (errors.length === 0 && from > to)
      errors.push({ field: "from", message: format(MONEY.fromAfterTo, locale) });
    const form = { from, to, format: fileFormat, errors };
    if (errors.length) return show(form, 400);
    try {
      const input = { accountId, from, to, lang: locale };
      const file =
        fileFormat === "csv"
          ? await webCall(deps, request, "downloadStatementCsv", input)
          : await webCall(deps, request, "downloadStatement", input);
      return sendAttachment(reply, file);
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") throw e;
      return show({ ...form, errors: fieldErrorsOf(e, locale, { from: "from", to: "to" }, "from") }, 400);
    }
  });
}

/** From the first day of the month a year ago to today. */
function defaultRange(today: ReturnType<typeof kyivDateOf>): { from: string; to: string } {
  return { from: firstDay(addPeriods(periodOf(today), -12)), to: today };
}

function dateErrors(field: string, text: string, locale: Parameters<typeof format>[1]): FieldError[] {
  if (!text) return [{ field, message: format(MONEY.dateMissing, locale) }];
  try {
    const date = parseLocalDate(text);
    // The platform keeps records of this century only (the use case's own bounds).
    if (date < "2000-01-01" || date > "2099-12-31") throw new Error("out of range");
    return [];
  } catch {
    return [{ field, message: format(MONEY.dateInvalid, locale) }];
  }
}
