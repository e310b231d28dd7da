// The payment terminals' check/pay protocol (docs/partners.md, "Terminals"): the one Ukrainian terminal networks
// have long spoken with utilities. Pure parts only: a request's fields, from a query string or an XML body, read
// into a typed command or refused with the error code that says why; the result codes; and the XML answer,
// escaped, because a terminal echoes back whatever a request carried. The adapter (channels/partners/
// terminal-routes.ts) runs the command through the partner use cases.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { isValidAccountNumber } from "../account-number.ts";
import { kyivDateTime } from "../kyiv-time.ts";
import { localDate } from "../local-date.ts";
import { type Kopiykas, parseUah } from "../money.ts";

/** The protocol's result codes. */
export const TERMINAL_RESULT = {
  ok: 0,
  /** Not an account number at all. */
  accountFormat: 4,
  /** No such account at the provider, or a provider not granted to the partner. */
  accountNotFound: 5,
  /** Refused: a transaction id reused with other content, the daily limit, the protocol not enabled. */
  refused: 7,
  /** Our failure: the terminal may try again later. */
  technical: 8,
  /** Not finished yet, ask again. We never answer it: every pay is final within its request. */
  notFinished: 90,
  amountTooSmall: 241,
  amountTooLarge: 242,
  /** Anything else: an unknown command, a malformed request or XML body. */
  other: 300,
} as const;

export type TerminalResult = (typeof TERMINAL_RESULT)[keyof typeof TERMINAL_RESULT];

/** A request's fields as sent, before anything is checked. */
export interface TerminalFields {
  command?: string;
  txn_id?: string;
  txn_date?: string;
  account?: string;
  sum?: string;
}

const FIELDS = ["command", "txn_id", "txn_date", "account", "sum"] as const;

export type TerminalCommand =
  | { command: "check"; txnId: string; account: string; amountKop: Kopiykas }
  | { command: "pay"; txnId: string; account: string; amountKop: Kopiykas; paidAt: Date };

/** Why a request is refused before it reaches a use case: an error code of the partners' table, and its params. */
export type TerminalRefusal =
  | { code: "request_malformed"; params: Record<string, never> }
  | { code: "partner_terminal_command_unknown"; params: { command: string } }
  | { code: "partner_terminal_field_invalid"; params: { field: string } }
  | { code: "partner_terminal_account_invalid"; params: { account: string } };

export type ParsedTerminalRequest =
  | { ok: true; command: TerminalCommand }
  | { ok: false; refusal: TerminalRefusal };

/** The partners' transaction ids (the same pattern partnerPay's input has). */
const TXN_ID_RE = /^[A-Za-z0-9._/-]{1,64}$/;
/** Hryvnias with a dot, at most two decimals: "250", "250.5", "250.00". */
const SUM_RE = /^[0-9]{1,9}([.][0-9]{1,2})?$/;
/** YYYYMMDDHHMMSS, Kyiv wall-clock time. */
const TXN_DATE_RE = /^(\d{4})(\d{2})(\d{2})([01]\d|2[0-3])([0-5]\d)([0-5]\d)$/;

/** The fields of a query string; a field given twice is no value at all (refused as malformed). */
export function terminalFieldsFromQuery(query: unknown): TerminalFields {
  const source = query && typeof query === "object" ? (query as Record<string, unknown>) : {};
  const fields: TerminalFields = {};
  for (const name of FIELDS) {
    const value = source[name];
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Values stay text: "007" is a transaction id, not the number 7.
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

/**
 * The fields of an XML body `<request><command>pay</command>…</request>`; null when it is not well-formed XML,
 * has a DOCTYPE (no entity definitions from outside), is not a request, or names a field twice or with structure.
 */
export function terminalFieldsFromXml(xml: string): TerminalFields | null {
  if (xml.trim() === "" || /<!DOCTYPE|<!ENTITY/i.test(xml)) return null;
  if (XMLValidator.validate(xml) !== true) return null;
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return null;
  }
  const request = (document as Record<string, unknown> | null)?.["request"];
  if (!request || typeof request !== "object" || Array.isArray(request)) return null;
  const fields: TerminalFields = {};
  for (const [name, value] of Object.entries(request as Record<string, unknown>)) {
    if (!(FIELDS as readonly string[]).includes(name)) continue;
    if (typeof value !== "string") return null;
    fields[name as (typeof FIELDS)[number]] = value;
  }
  return fields;
}

const refuse = (refusal: TerminalRefusal): ParsedTerminalRequest => ({ ok: false, refusal });
const badField = (field: string) => refuse({ code: "partner_terminal_field_invalid", params: { field } });

/** A request's fields checked and read: the command, or the first thing wrong with them. */
export function parseTerminalCommand(fields: TerminalFields): ParsedTerminalRequest {
  const command = (fields.command ?? "").trim();
  if (command !== "check" && command !== "pay")
    return refuse({ code: "partner_terminal_command_unknown", params: { command: command.slice(0, 40) } });
  const txnId = (fields.txn_id ?? "").trim();
  if (!TXN_ID_RE.test(txnId)) return badField("txn_id");
  const account = (fields.account ?? "").trim();
  if (!isValidAccountNumber(account))
    return refuse({ code: "partner_terminal_account_invalid", params: { account: account.slice(0, 40) } });
  const sum = (fields.sum ?? "").trim();
  if (!SUM_RE.test(sum)) return badField("sum");
  const amountKop = parseUah(sum);
  if (command === "check") return { ok: true, command: { command, txnId, account, amountKop } };
  const paidAt = kyivInstant((fields.txn_date ?? "").trim());
  if (paidAt === null) return badField("txn_date");
  return { ok: true, command: { command, txnId, account, amountKop, paidAt } };
}

/** The instant of a Kyiv wall-clock time written YYYYMMDDHHMMSS; null when it is no such time. */
export function kyivInstant(text: string): Date | null {
  const m = TXN_DATE_RE.exec(text);
  if (!m) return null;
  try {
    const date = localDate(Number(m[1]), Number(m[2]), Number(m[3]));
    const minute = kyivDateTime(date, `${m[4]}:${m[5]}`);
    return new Date(minute.getTime() + Number(m[6]) * 1000);
  } catch {
    return null;
  }
}

/** What the answer says; the optional elements are left out when unknown. */
export interface TerminalAnswer {
  /** The terminal's transaction id as it sent it (echoed, escaped). */
  txnId: string;
  result: TerminalResult;
  comment: string;
  /** Our receipt for a payment. */
  receipt?: string | null;
  /** The amount as read, "250.00". */
  sum?: string | null;
  /** check: the payer's masked name, for the payer to recognise. */
  fio?: string | null;
  /** check: what settles the account today, "1234.56" (negative: paid ahead). */
  balance?: string | null;
}

// Characters XML 1.0 cannot carry at all, escaped or not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML allows are what is kept
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text safe inside an XML element. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** The XML answer, every value escaped. */
export function renderTerminalAnswer(a: TerminalAnswer): string {
  const element = (name: string, value: string | number | null | undefined) =>
    value === null || value === undefined ? "" : `<${name}>${escapeXml(String(value))}</${name}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><response>` +
    element("osmp_txn_id", a.txnId.slice(0, 100)) +
    element("prv_txn", a.receipt) +
    element("sum", a.sum) +
    element("result", a.result) +
    element("comment", a.comment) +
    element("fio", a.fio) +
    element("balance", a.balance) +
    "</response>"
  );
}
