// /console/accounts/:accountId: the operator's account page, and what it does. Every route reaches the account
// through the use cases as the staff member (the contact centre's door), so another provider's account is "not
// found" before anything is read or written: the page, entering a reading for the caller (…/readings), a note
// (…/notes), linking the account to the caller (…/link), and the documents (…/bills/:period.pdf, …/statement).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import { addPeriods, firstDay, periodOf } from "../../../domain/period.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { ReadingView } from "../../../services/readings/list-meter-readings.ts";
import { sendAttachment } from "../../http/routes/documents.ts";
import { READINGS } from "../../web/messages/readings.ts";
import { submitMeterForm } from "../../web/reading-submit.ts";
import { accountIdOf } from "../../web/routes/account-param.ts";
import type { StatementForm } from "../../web/views/money-page.ts";
import type { MeterFormState } from "../../web/views/reading-form.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage } from "../console-request.ts";
import { ACCOUNT_VIEW } from "../messages/account-view.ts";
import { accountReadingsBody } from "../views/account-readings-page.ts";
import {
  type AccountViewData,
  type AccountViewState,
  accountViewBody,
  LINK_FIELD,
  NOTE_FIELD,
} from "../views/account-view-page.ts";

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Readings shown per meter on the page: two years of monthly readings of a three-zone meter. */
const READINGS_PER_METER = 72;

type Query = Record<string, string | undefined>;

export async function accountViewRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const hide = { schema: { hide: true } };

  /** Everything the page shows, read as the staff member; the first read is the scope check. */
  const load = async (
    request: FastifyRequest,
    accountId: number,
    statement: StatementForm,
  ): Promise<AccountViewData> => {
    const call = <N extends Parameters<typeof consoleCall>[2]>(
      name: N,
      input: Parameters<typeof consoleCall<N>>[3],
    ) => consoleCall(deps, request, name, input);
    const account = await call("accountDetails", { accountId });
    const [balance, lastBill, meters, entries, consumption, people, history, notes] = await Promise.all([
      call("accountBalance", { accountId }),
      // An account never billed has no last bill: that is "none yet", not an error of the page.
      call("lastBill", { accountId }).catch((e: unknown) => {
        if (e instanceof AppError && e.code === "not_found") return null;
        throw e;
      }),
      call("listAccountMeters", { accountId }),
      call("accountEntries", { accountId }),
      call("accountConsumption", { accountId }),
      call("listAccountPeople", { accountId }),
      call("accountChannelHistory", { accountId, limit: 50 }),
      call("listAccountNotes", { accountId }),
    ]);
    const readings = new Map<number, ReadingView[]>();
    await Promise.all(
      meters.map(async (m) =>
        readings.set(
          m.id,
          await call("listMeterReadings", { accountId, meterId: m.id, limit: READINGS_PER_METER }),
        ),
      ),
    );
    return {
      account,
      balanceKop: balance.total.kop,
      lastBill,
      meters,
      readings,
      entries,
      consumption,
      people,
      history,
      notes,
      statement,
    };
  };

  const defaultStatement = (): StatementForm => {
    const today = kyivDateOf(deps.now());
    return { from: firstDay(addPeriods(periodOf(today), -12)), to: today, format: "pdf", errors: [] };
  };

  const sendAccountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    given: AccountViewState & { linkedUser?: string | undefined },
    status = 200,
    statement = defaultStatement(),
  ) => {
    const data = await load(request, accountIdOf(request), statement);
    const linked = given.linkedUser && data.people.find((p) => String(p.userId) === given.linkedUser);
    const state = linked
      ? { ...given, notice: format(ACCOUNT_VIEW.linked, request.locale, { name: linked.fullName }) }
      : given;
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(ACCOUNT_VIEW.title, ctx.locale, { number: data.account.number }),
        section: "accounts",
        hasErrors:
          (state.note?.errors.length ?? 0) + (state.link?.errors.length ?? 0) + statement.errors.length > 0,
        body: accountViewBody(ctx, data, state),
      }),
      status,
    );
  };

  app.get("/console/accounts/:accountId", hide, async (request, reply) => {
    const query = request.query as Query;
    const locale = request.locale;
    const notice = query["done"] === "note" ? format(ACCOUNT_VIEW.noteAdded, locale) : null;
    const linkedUser = query["done"] === "linked" ? query["user"] : undefined;
    return sendAccountPage(request, reply, { notice, linkedUser });
  });

  app.post("/console/accounts/:accountId/notes", hide, async (request, reply) => {
    const accountId = accountIdOf(request);
    const body = formOf(request)["body"] ?? "";
    try {
      await consoleCall(deps, request, "addAccountNote", { accountId, body });
    } catch (e) {
      const errors = fieldErrorsOf(e, request.locale, { body: NOTE_FIELD }, NOTE_FIELD);
      return sendAccountPage(request, reply, { note: { value: body, errors } }, (e as AppError).status);
    }
    return seeOther(reply, `/console/accounts/${accountId}?done=note#notes`);
  });

  // Two steps: the caller's phone or e-mail finds the person (the operator compares the name with the caller's);
  // the confirmation, carrying the person found, links. The person is found again then, so a form kept open
  // while the login changed hands links nobody by mistake.
  app.post("/console/accounts/:accountId/link", hide, async (request, reply) => {
    const accountId = accountIdOf(request);
    const form = formOf(request);
    const login = (form["login"] ?? "").trim();
    const locale = request.locale;
    let found: Awaited<ReturnType<typeof consoleCall<"findCaller">>>;
    try {
      found = await consoleCall(deps, request, "findCaller", { accountId, login: login.slice(0, 320) });
    } catch (e) {
      const errors = fieldErrorsOf(e, locale, { login: LINK_FIELD }, LINK_FIELD);
      return sendAccountPage(request, reply, { link: { login, errors } }, (e as AppError).status);
    }
    if (form["userId"] === undefined || found.alreadyLinked)
      return sendAccountPage(request, reply, { link: { login, errors: [], found } });
    if (form["userId"] !== String(found.userId)) {
      const errors = [{ field: LINK_FIELD, message: format(ACCOUNT_VIEW.linkMismatch, locale) }];
      return sendAccountPage(request, reply, { link: { login, errors } }, 409);
    }
    await consoleCall(deps, request, "linkAccountForUser", { accountId, userId: found.userId });
    // The person by id, not by name: a name in the URL would end up in logs.
    return seeOther(reply, `/console/accounts/${accountId}?done=linked&user=${found.userId}#people`);
  });

  app.get<{ Params: { accountId: string; period: string } }>(
    "/console/accounts/:accountId/bills/:period.pdf",
    hide,
    async (request, reply) => {
      const accountId = accountIdOf(request);
      const period = request.params.period;
      if (!PERIOD.test(period)) throw new AppError("not_found");
      const bill = await consoleCall(deps, request, "downloadBill", {
        accountId,
        period,
        lang: request.locale,
      });
      return sendAttachment(reply, bill);
    },
  );

  // The statement's GET form: the file, or the page again with what is wrong beside the dates.
  app.get("/console/accounts/:accountId/statement", hide, async (request, reply) => {
    const accountId = accountIdOf(request);
    const query = request.query as Query;
    const from = (query["from"] ?? "").trim();
    const to = (query["to"] ?? "").trim();
    const fileFormat = query["format"] === "csv" ? "csv" : "pdf";
    const statement: StatementForm = { from, to, format: fileFormat, errors: [] };
    const refuse = (errors: StatementForm["errors"]) =>
      sendAccountPage(request, reply, {}, 400, { ...statement, errors });
    if (!DATE.test(from))
      return refuse(
        fieldErrorsOf(new AppError("validation_failed", { details: "from" }), request.locale, {}, "from"),
      );
    if (!DATE.test(to))
      return refuse(
        fieldErrorsOf(new AppError("validation_failed", { details: "to" }), request.locale, {}, "to"),
      );
    try {
      const input = { accountId, from, to, lang: request.locale };
      const file =
        fileFormat === "csv"
          ? await consoleCall(deps, request, "downloadStatementCsv", input)
          : await consoleCall(deps, request, "downloadStatement", input);
      return sendAttachment(reply, file);
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") throw e;
      return refuse(fieldErrorsOf(e, request.locale, { from: "from", to: "to" }, "from"));
    }
  });

  const sendReadingsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: MeterFormState | null,
    status = 200,
  ) => {
    const accountId = accountIdOf(request);
    const account = await consoleCall(deps, request, "accountDetails", { accountId });
    const meters = await consoleCall(deps, request, "listAccountMeters", { accountId });
    const query = request.query as Query;
    let notice: string | null = null;
    if (state === null && query["done"] === "accepted") {
      const meter = meters.find((m) => String(m.id) === query["meter"]);
      const last = meter?.lastReadings[0];
      if (meter && last)
        notice = format(
          last.status === "pending_review" ? READINGS.acceptedReview : READINGS.accepted,
          request.locale,
          { serial: meter.serial, receipt: last.receipt },
        );
    }
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(ACCOUNT_VIEW.readingsTitle, ctx.locale, { number: account.number }),
        section: "accounts",
        hasErrors: (state?.errors.length ?? 0) > 0,
        body: accountReadingsBody(ctx, { account, meters, state, notice }),
      }),
      status,
    );
  };

  app.get("/console/accounts/:accountId/readings", hide, (request, reply) =>
    sendReadingsPage(request, reply, null),
  );

  app.post("/console/accounts/:accountId/readings", hide, async (request, reply) => {
    const accountId = accountIdOf(request);
    const meters = await consoleCall(deps, request, "listAccountMeters", { accountId });
    const form = formOf(request);
    const meter = meters.find((m) => String(m.id) === form["meterId"]);
    if (!meter) throw new AppError("not_found");
    const answer = await submitMeterForm((input) => consoleCall(deps, request, "submitReading", input), {
      accountId,
      meter,
      form,
      locale: request.locale,
    });
    if (answer.accepted)
      return seeOther(reply, `/console/accounts/${accountId}/readings?done=accepted&meter=${meter.id}`);
    return sendReadingsPage(request, reply, answer.state, answer.status);
  });
}
