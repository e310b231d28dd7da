// A text to the short number, whichever gateway brought it (the SMPP link, an aggregator's webhook), and the one
// reply it gets. The sender must be a verified phone of a person linked to the account the text names; the
// reading then goes through submitReading as that person, by the "sms" door (which the provider may have switched
// off), and what is owed through accountDebts. Replies are in the person's language, else the one the text's word
// was in (БОРГ Ukrainian, ДОЛГ Russian), else Ukrainian.

import { normalizeAccountNumber } from "../../domain/account-number.ts";
import { formatUah, kop } from "../../domain/money.ts";
import { formatUkrainianPhone } from "../../domain/phone-display.ts";
import { parseSmsCommand, type ReadingSplit, type SmsCommand } from "../../domain/sms-command.ts";
import type { Locale } from "../../i18n/locale.ts";
import { format, type MessageParams } from "../../i18n/messages.ts";
import type { AccountSummary } from "../../services/accounts/list-my-accounts.ts";
import type { UseCaseContext } from "../../services/context.ts";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import { callUseCase, type OutputOf } from "../../services/registry.ts";
import { SMS } from "./messages.ts";
import { gatewayContext } from "./sms-context.ts";

export interface InboundText {
  from: string;
  to: string;
  text: string;
}

export interface SmsReply {
  text: string;
  locale: Locale;
}

/** The reply to send back, or null when the sender is not to be answered (a phone over its limit). */
export async function handleInboundSms(deps: Deps, sms: InboundText): Promise<SmsReply | null> {
  const reply = await replyText(deps, sms);
  return reply && { text: plain(reply.text), locale: reply.locale };
}

async function replyText(deps: Deps, sms: InboundText): Promise<SmsReply | null> {
  const command = parseSmsCommand(sms.text);
  const guessed: Locale = command.kind === "debt" ? command.language : "uk";
  let sender: OutputOf<"identifySmsSender">;
  try {
    sender = await callUseCase(deps, "identifySmsSender", gatewayContext(guessed), {
      from: sms.from.slice(0, 40),
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "too_many_attempts")
      return e.details["firstRefusal"] ? { text: e.messageIn(guessed), locale: guessed } : null;
    throw e;
  }
  if (!sender.person) {
    const text = say(guessed, "notLinked", {
      phone: sender.phone ? formatUkrainianPhone(sender.phone) : sms.from,
      url: `${appUrl(deps)}/settings`,
    });
    return { text, locale: guessed };
  }
  const { locale } = sender.person;
  const context: UseCaseContext = {
    actor: { kind: "resident", userId: sender.person.userId, locale },
    channel: "sms",
    locale,
  };
  return { text: await personReply(deps, context, command, sms.text), locale };
}

async function personReply(
  deps: Deps,
  context: UseCaseContext,
  command: SmsCommand,
  typed: string,
): Promise<string> {
  const { locale } = context;
  if (command.kind === "unknown") return say(locale, "help");
  if (command.kind === "stop") {
    await callUseCase(deps, "setReminderChannel", context, { channel: "none" });
    return say(locale, "stopped", { url: `${appUrl(deps)}/settings` });
  }

  const accounts = await callUseCase(deps, "listMyAccounts", context, {});
  const byKey = (key: string | null) => accounts.find((a) => normalizeAccountNumber(a.number) === key);

  if (command.kind === "debt") {
    const account =
      command.accountKey === null && accounts.length === 1 ? accounts[0] : byKey(command.accountKey);
    if (!account) {
      if (command.account === null) return say(locale, "help");
      return say(locale, "accountNotYours", {
        account: command.account,
        url: `${appUrl(deps)}/accounts/link`,
      });
    }
    return debtReply(deps, context, account);
  }

  const split = command.readings.find((r) => byKey(r.accountKey));
  if (!split) {
    const shown = command.readings.find((r) => !/\s/.test(r.account)) ?? command.readings.at(-1)!;
    return say(locale, "accountNotYours", { account: shown.account, url: `${appUrl(deps)}/accounts/link` });
  }
  return readingReply(deps, context, byKey(split.accountKey)!, split, command.confirmed, typed);
}

async function readingReply(
  deps: Deps,
  context: UseCaseContext,
  account: AccountSummary,
  split: ReadingSplit,
  confirmed: boolean,
  typed: string,
): Promise<string> {
  const { locale } = context;
  const values = split.values.join(" / ");
  try {
    const meterId = await meterFor(deps, context, account.id, split.values.length);
    const result = await callUseCase(deps, "submitReading", context, {
      accountId: account.id,
      ...(meterId ? { meterId } : {}),
      values: split.values.map((value, i) => ({ zone: i + 1, value })),
      ...(confirmed ? { confirmed: true } : {}),
      // Kept beside the reading as exactly what was typed.
      transcript: typed.slice(0, 2000),
    });
    if (result.status === "needs_confirmation")
      return say(locale, "confirm", { values, again: `${split.account} ${split.values.join(" ")} +` });
    if (result.unchanged) return say(locale, "unchanged", { receipt: result.receipt });
    return say(locale, "accepted", {
      values,
      receipt: result.receipt,
      late: result.late ? "yes" : "no",
      review: result.review ? "yes" : "no",
    });
  } catch (e) {
    if (e instanceof AppError && e.status < 500)
      return say(locale, "refused", { reason: e.messageIn(locale) });
    throw e;
  }
}

/** The meter a text means: the account's only meter in service with as many zones as values were sent, or its
 * only meter in service; otherwise none, and submitReading answers which choice is missing. */
async function meterFor(
  deps: Deps,
  context: UseCaseContext,
  accountId: number,
  zones: number,
): Promise<number | undefined> {
  const meters = (await callUseCase(deps, "listAccountMeters", context, { accountId })).filter(
    (m) => m.removedOn === null,
  );
  const matching = meters.filter((m) => m.zones === zones);
  if (matching.length === 1) return matching[0]!.id;
  return meters.length === 1 ? meters[0]!.id : undefined;
}

async function debtReply(deps: Deps, context: UseCaseContext, account: AccountSummary): Promise<string> {
  const { locale } = context;
  const debts = await callUseCase(deps, "accountDebts", context, { accountId: account.id });
  const uah = (k: number) => formatUah(kop(k), locale);
  const date = debts.asOf.split("-").reverse().join(".");
  if (debts.total.kop <= 0) {
    const advance = -debts.total.kop;
    return say(locale, "noDebt", {
      account: account.number,
      date,
      advance: advance > 0 ? uah(advance) : "none",
    });
  }
  const lines = debts.outstanding.map((d) =>
    say(locale, "debtLine", {
      service: d.service ?? "other",
      period: d.period.split("-").reverse().join("."),
      amount: uah(d.amount.kop),
    }),
  );
  return [say(locale, "debt", { account: account.number, date, total: uah(debts.total.kop) }), ...lines].join(
    "\n",
  );
}

function appUrl(deps: Deps): string {
  return deps.appUrl ?? "http://localhost:3000";
}

function say(locale: Locale, key: keyof typeof SMS, params: MessageParams = {}): string {
  return format(SMS[key], locale, params);
}

/** No-break spaces (amounts, dates) become plain ones: a phone shows them alike, and Latin text stays GSM. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}
