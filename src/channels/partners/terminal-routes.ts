// The payment terminals' check/pay protocol (docs/partners.md, "Terminals") as a thin adapter: the request is read
// by domain/partners/terminal-protocol.ts, checked and posted by the partner use cases (partnerLookup, partnerPay:
// the same rules, limits and idempotency as the JSON API), and every outcome answered as the protocol's XML with
// HTTP 200. Only a request the signature hook refused keeps that hook's JSON answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { uahString } from "../../domain/money.ts";
import {
  parseTerminalCommand,
  renderTerminalAnswer,
  TERMINAL_RESULT,
  type TerminalAnswer,
  type TerminalFields,
  type TerminalResult,
  terminalFieldsFromQuery,
  terminalFieldsFromXml,
} from "../../domain/partners/terminal-protocol.ts";
import type { Deps } from "../../services/deps.ts";
import type { ErrorCode } from "../../services/error-codes.ts";
import { AppError } from "../../services/errors.ts";
import { callUseCase } from "../../services/registry.ts";
import { partnerContext } from "./signed-request.ts";

/** The result code of each refusal; an error not here is unexpected: 8, and logged. */
const RESULT_OF: Partial<Record<ErrorCode, TerminalResult>> = {
  partner_terminal_account_invalid: TERMINAL_RESULT.accountFormat,
  not_found: TERMINAL_RESULT.accountNotFound,
  partner_terminal_disabled: TERMINAL_RESULT.refused,
  partner_txn_conflict: TERMINAL_RESULT.refused,
  partner_daily_limit: TERMINAL_RESULT.refused,
  partner_paid_at_invalid: TERMINAL_RESULT.refused,
  forbidden: TERMINAL_RESULT.refused,
  partner_amount_too_small: TERMINAL_RESULT.amountTooSmall,
  partner_amount_too_large: TERMINAL_RESULT.amountTooLarge,
  partner_terminal_command_unknown: TERMINAL_RESULT.other,
  partner_terminal_field_invalid: TERMINAL_RESULT.other,
  request_malformed: TERMINAL_RESULT.other,
  validation_failed: TERMINAL_RESULT.other,
};

const OK_COMMENT = "OK";

/** Registers the protocol's routes inside the signed v1 plugin (partner-routes.ts). */
export function terminalRoutes(v1: FastifyInstance, deps: Deps): void {
  v1.get("/terminal/:provider", { schema: { hide: true } }, (request, reply) =>
    answer(deps, request, reply, terminalFieldsFromQuery(request.query)),
  );
  // An XML body; anything else (JSON, a body that is no XML request) is a malformed request.
  v1.post("/terminal/:provider", { schema: { hide: true } }, (request, reply) =>
    answer(
      deps,
      request,
      reply,
      typeof request.body === "string" ? terminalFieldsFromXml(request.body) : null,
    ),
  );
}

async function answer(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  fields: TerminalFields | null,
): Promise<FastifyReply> {
  const txnId = fields?.txn_id ?? "";
  const xml = (a: Omit<TerminalAnswer, "txnId">) =>
    reply
      .status(200)
      .type("application/xml; charset=utf-8")
      .send(renderTerminalAnswer({ txnId, ...a }));
  try {
    return xml(await run(deps, request, fields));
  } catch (err) {
    const result = err instanceof AppError ? RESULT_OF[err.code] : undefined;
    if (err instanceof AppError && result !== undefined)
      return xml({ result, comment: err.messageIn(request.locale) });
    request.log.error({ err, partnerId: request.partner?.partner.id }, "terminal request failed");
    return xml({
      result: TERMINAL_RESULT.technical,
      comment: new AppError("internal").messageIn(request.locale),
    });
  }
}

async function run(
  deps: Deps,
  request: FastifyRequest,
  fields: TerminalFields | null,
): Promise<Omit<TerminalAnswer, "txnId">> {
  const signed = request.partner;
  if (!signed) throw new AppError("unauthenticated");
  // Before anything is read: a partner without the protocol learns nothing through it.
  if (!signed.partner.terminalProtocol) throw new AppError("partner_terminal_disabled");
  if (fields === null) throw new AppError("request_malformed");
  const parsed = parseTerminalCommand(fields);
  if (!parsed.ok) throw new AppError(parsed.refusal.code, parsed.refusal.params);
  const command = parsed.command;
  const provider = (request.params as { provider: string }).provider;
  const context = partnerContext(request, "bank");
  const sum = uahString(command.amountKop);

  if (command.command === "check") {
    // The lookup with the amount: the per-payment limits, as the pay will apply them.
    const found = await callUseCase(deps, "partnerLookup", context, {
      provider,
      account: command.account,
      amount: sum,
    });
    return {
      sum,
      result: TERMINAL_RESULT.ok,
      comment: OK_COMMENT,
      fio: found.payer.name,
      balance: found.totalDue.uah,
    };
  }

  const paid = await callUseCase(deps, "partnerPay", context, {
    txnId: command.txnId,
    provider,
    account: command.account,
    amount: sum,
    paidAt: command.paidAt.toISOString(),
  });
  return { receipt: paid.payment.receipt, sum, result: TERMINAL_RESULT.ok, comment: OK_COMMENT };
}
