// Use cases of documents: an account's bill for a billed month (PDF, its payment QR code as PNG), the
// reconciliation statement for a date range (PDF or CSV), and the account a provider's printed number names.
// Each returns the file; a channel sends or writes it.
import { Type } from "typebox";
import { parsePeriod } from "../../domain/period.ts";
import type { Locale } from "../../i18n/locale.ts";
import { AppError, inEveryLocale } from "../errors.ts";
import { describeProblem } from "../input-problem.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { Id, LocalDate } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { type DocumentFile, DocumentFileSchema } from "./document-file.ts";
import { findAccountByNumber } from "./find-account-by-number.ts";
import { loadBill } from "./load-bill.ts";
import { loadStatement } from "./load-statement.ts";

// The renderers (pdfkit, qrcode) load on the first document, not with the registry: every process that calls a
// use case (each CLI command, the server's start) would otherwise pay for them.
const renderBill = () => import("./render/bill-pdf.ts");
const renderQr = () => import("./render/nbu-qr-image.ts");
const renderStatementCsv = () => import("./render/statement-csv.ts");
const renderStatementPdf = () => import("./render/statement-pdf.ts");

const ACCESS =
  "A resident gets their own accounts, staff their provider's, platform administrators any; anything else is 404.";
const Lang = Type.Optional(
  Type.Unsafe<Locale>({
    type: "string",
    enum: ["uk", "ru", "en"],
    default: "uk",
    description: "Language of the document: Ukrainian by default",
  }),
);
const BilledMonth = Type.String({ pattern: "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$", description: "YYYY-MM" });

export interface BillFile extends DocumentFile {
  period: string;
  accountNumber: string;
  providerCode: string;
  amountDueKop: number;
}

export interface StatementFile extends DocumentFile {
  from: string;
  to: string;
  accountNumber: string;
}

/** from after to: the rule and its limit for clients, and "from must not be after to (…)" for people. */
function rangeReversed(to: string): AppError {
  const problem = { field: "from", in: "input", rule: "formatMaximum", limit: to };
  return new AppError(
    "validation_failed",
    { details: inEveryLocale((l) => describeProblem({ ...problem, limit: `to (${to})` }, l)) },
    problem,
  );
}

const statementInput = Type.Object(
  { accountId: Id, from: LocalDate, to: LocalDate, lang: Lang },
  { additionalProperties: false },
);

/** The statement use case in one format: one loader, one renderer each. */
function statementUseCase(name: string, format: "pdf" | "csv", what: string) {
  return defineUseCase({
    name,
    tag: "documents",
    summary: `An account's reconciliation statement for a date range, as ${what}`,
    description:
      `${ACCESS} The opening balance on the day before \`from\`, every charge and payment dated from \`from\` to ` +
      "`to` (both included) with its document, and the closing balance, per service and in total: equal to the " +
      "ledger to the kopiyka. Any range; the file streams as the entries are read.",
    input: statementInput,
    output: DocumentFileSchema<StatementFile>(),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId, from: `${t.period}-01`, to: `${t.period}-28` }),
    run: async (deps, context, input): Promise<StatementFile> => {
      const { from, to } = input;
      const locale = input.lang ?? context.locale;
      // Said before the service's own check, naming the rule, in the caller's language.
      if (from > to) throw rangeReversed(to);
      const statement = await loadStatement(deps, {
        actor: context.actor,
        accountId: input.accountId,
        from,
        to,
      });
      const { statementFileName, statementPdf } = await renderStatementPdf();
      const { statementCsv } = await renderStatementCsv();
      return {
        fileName: statementFileName(statement, locale, format),
        mediaType: format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
        content: format === "pdf" ? statementPdf(statement, locale) : statementCsv(statement, locale),
        from: statement.from,
        to: statement.to,
        accountNumber: statement.account.number,
      };
    },
  });
}

export const documentUseCases = {
  downloadBill: defineUseCase({
    name: "downloadBill",
    tag: "documents",
    summary: "An account's bill for a billed month, as PDF, with the NBU payment QR code",
    description:
      `${ACCESS} The month must have been billed (else 404). The bill shows the provider's name, EDRPOU and ` +
      "IBAN; the account and address; per service the readings (estimates marked), the tariff's block and " +
      "zone lines, the fixed fee and recalculations; the opening balance, payments, amount due and the planned " +
      "payment; and the payment QR code any Ukrainian banking app scans.",
    input: Type.Object({ accountId: Id, period: BilledMonth, lang: Lang }, { additionalProperties: false }),
    output: DocumentFileSchema<BillFile>(),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId, period: t.period }),
    run: async (deps, context, input): Promise<BillFile> => {
      const locale = input.lang ?? context.locale;
      const bill = await loadBill(deps, {
        actor: context.actor,
        accountId: input.accountId,
        period: parsePeriod(input.period),
      });
      const { billFileName, billPdf } = await renderBill();
      return {
        fileName: billFileName(bill, locale),
        mediaType: "application/pdf",
        content: billPdf(bill, locale),
        period: bill.period,
        accountNumber: bill.account.number,
        providerCode: bill.provider.code,
        amountDueKop: bill.amountDueKop,
      };
    },
  }),

  downloadBillQr: defineUseCase({
    name: "downloadBillQr",
    tag: "documents",
    summary: "The bill's NBU payment QR code alone, as PNG (the amount due, the account and the month)",
    description: ACCESS,
    input: Type.Object({ accountId: Id, period: BilledMonth }, { additionalProperties: false }),
    output: DocumentFileSchema<DocumentFile>(),
    access: "signed_in",
    probe: (t) => ({ accountId: t.accountId, period: t.period }),
    run: async (deps, context, input): Promise<DocumentFile> => {
      const bill = await loadBill(deps, {
        actor: context.actor,
        accountId: input.accountId,
        period: parsePeriod(input.period),
      });
      return {
        fileName: `qr-${bill.period}.png`,
        mediaType: "image/png",
        content: await (await renderQr()).nbuQrPng(bill.qr.link),
      };
    },
  }),

  downloadStatement: statementUseCase("downloadStatement", "pdf", "PDF"),
  downloadStatementCsv: statementUseCase(
    "downloadStatementCsv",
    "csv",
    "CSV (UTF-8, comma-separated, amounts in UAH)",
  ),

  findAccountByNumber: defineUseCase({
    name: "findAccountByNumber",
    tag: "documents",
    summary:
      'The account a provider\'s printed number names ("10-000123/4"), at a provider named by code or id',
    description:
      "Staff of that provider and platform administrators; anyone else gets 404. accountId null: no such number.",
    input: Type.Object(
      {
        provider: Type.String({ minLength: 1, maxLength: 60 }),
        number: Type.String({ maxLength: 200 }),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      provider: Type.Object({ id: Type.Integer(), code: Type.String() }),
      accountId: Type.Union([Type.Integer(), Type.Null()]),
    }),
    access: "staff",
    probe: (t) => ({ provider: t.providerCode, number: t.accountNumber }),
    run: async (deps, context, input) => {
      // The provider first, through its scoped lookup: another provider's staff learn nothing of its numbers.
      const provider = await findProviderForActor(deps, context.actor, input.provider);
      const found = await findAccountByNumber(deps, { provider: String(provider.id), number: input.number });
      return { provider: { id: provider.id, code: provider.code }, accountId: found.accountId };
    },
  }),
};
