// importPaymentRegistry: one bank registry file into the ledger, in one transaction (docs/registries.md).
// The file is read in the source's format; every payment line is recorded in registry_lines with its outcome —
// posted, duplicate (its reference already posted from this source, in this file or before), unmatched (no such
// provider or account) or malformed (a value the line cannot mean) — and each posted line becomes one ledger entry
// through postLedgerEntries. A file that cannot be read at all writes nothing and says why (an AppError).
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { RegistryLineOutcome } from "../../db/tables/registries.table.ts";
import { kyivDateOf, kyivPartsOf } from "../../domain/kyiv-time.ts";
import { type Kopiykas, kop, negKop, sumKop } from "../../domain/money.ts";
import { firstDay, periodOf } from "../../domain/period.ts";
import { decodeRegistry, type FileEncoding } from "../../domain/registry/decode-registry.ts";
import { parseRegistry } from "../../domain/registry/parse-registry.ts";
import { type RegistryPayment, readRegistryLine } from "../../domain/registry/read-registry-line.ts";
import { RegistryFileError } from "../../domain/registry/registry-file-error.ts";
import {
  type RegistryEncoding,
  type RegistryField,
  registryFormatProblems,
} from "../../domain/registry/registry-format.ts";
import { DEFAULT_LOCALE, type Locale, type Translated } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";
import { AppError, inEveryLocale } from "../errors.ts";
import { type NewLedgerEntry, postLedgerEntries } from "../ledger/post-entries.ts";
import { findRegistrySource } from "./find-registry-source.ts";
import { type LineReason, lineMessage, outcomeOf } from "./line-reasons.ts";
import type { RegistrySourceView } from "./registry-source-view.ts";

export interface ImportRegistryOptions {
  /** The registry source's name (registry_sources.name). */
  source: string;
  fileName: string;
  bytes: Uint8Array;
  /** The provider the import is made for (an administrator's upload): lines for another provider are unmatched. */
  providerId?: number;
  /** Read the file in this encoding this once, instead of the source's. */
  encoding?: RegistryEncoding;
  /** Import a file already imported from this source: what was posted then is a duplicate now. */
  again?: boolean;
  /** "cli" or "user:<id>". */
  importedBy: string;
  /** The language of the report's messages. */
  locale?: Locale;
}

export interface RegistryProblem {
  line: number;
  outcome: Exclude<RegistryLineOutcome, "posted">;
  reason: LineReason;
  message: string;
  reference: string | null;
  account: string | null;
  amountKop: number | null;
  raw: string;
}

export interface RegistryReport {
  registryId: number;
  source: string;
  fileName: string;
  sha256: string;
  encoding: FileEncoding;
  /** The encoding was detected from the bytes (source set to auto), not configured. */
  encodingDetected: boolean;
  /** Our fields the file has a column for. */
  fields: RegistryField[];
  /** Payment lines, each recorded: posted + duplicates + unmatched + malformed. */
  lines: number;
  posted: number;
  postedKop: number;
  duplicates: number;
  unmatched: number;
  malformed: number;
  /** Lines with nothing in them: not payments, not recorded. */
  blankLines: number;
  /** Every line not posted, in file order. */
  problems: RegistryProblem[];
}

const LOCK_KEY = 4_242_009;

interface ProviderRow {
  id: number;
  code: string;
  edrpou: string;
  iban: string;
}

/** What became of one line, before anything is written. */
interface Decided {
  line: number;
  raw: string;
  /** As the line writes them, whatever became of it. */
  reference: string | null;
  account: string | null;
  outcome: RegistryLineOutcome;
  reason: LineReason | null;
  params: Record<string, string | number>;
  payment: RegistryPayment | null;
  providerId: number | null;
  accountId: number | null;
  service: ServiceCode | null;
}

const NOT_CSV: Record<string, Translated> = {
  xlsx: {
    uk: "це ZIP-архів або книга Excel (.xlsx); збережіть її як CSV",
    ru: "это ZIP-архив или книга Excel (.xlsx); сохраните её как CSV",
    en: "it is a ZIP archive or an Excel workbook (.xlsx); save it as CSV",
  },
  xls: {
    uk: "це книга Excel (.xls); збережіть її як CSV",
    ru: "это книга Excel (.xls); сохраните её как CSV",
    en: "it is an Excel workbook (.xls); save it as CSV",
  },
  pdf: { uk: "це PDF-документ", ru: "это PDF-документ", en: "it is a PDF document" },
  utf16: {
    uk: "це текст у UTF-16; збережіть його в UTF-8 або Windows-1251",
    ru: "это текст в UTF-16; сохраните его в UTF-8 или Windows-1251",
    en: "it is UTF-16 text; save it as UTF-8 or Windows-1251",
  },
  binary: {
    uk: "у ньому двійкові дані (нульові байти)",
    ru: "в нём двоичные данные (нулевые байты)",
    en: "it holds binary data (zero bytes)",
  },
};

/** A file-level refusal from the domain as the AppError channels show. */
function refusal(e: RegistryFileError, fileName: string, source: string): AppError {
  const base = { file: fileName, source, ...e.params };
  if (e.code !== "registry_not_csv") return new AppError(e.code, base, { ...e.params });
  const what =
    e.params["kind"] === "syntax"
      ? inEveryLocale(
          (l) =>
            ({
              uk: `лапки, відкриті в рядку ${e.params["line"]}, не закрито`,
              ru: `кавычки, открытые в строке ${e.params["line"]}, не закрыты`,
              en: `a quote opened on line ${e.params["line"]} is never closed`,
            })[l],
        )
      : (NOT_CSV[String(e.params["kind"])] ?? NOT_CSV["binary"]!);
  return new AppError("registry_not_csv", { ...base, what }, { ...e.params });
}

export async function importPaymentRegistry(
  deps: Deps,
  options: ImportRegistryOptions,
): Promise<RegistryReport> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const { db } = deps.database;
  const source = await findRegistrySource(db, options.source);
  const format = { ...source.format, encoding: options.encoding ?? source.format.encoding };
  const problems = registryFormatProblems(format);
  if (problems.length > 0)
    throw new AppError("registry_source_invalid", { source: source.name, problems: problems.join("; ") });
  const forProvider = await checkProvider(deps, source, options.providerId);
  const fixedProvider = source.provider?.id ?? forProvider?.id ?? null;

  const fileName = options.fileName.trim() || "registry.csv";
  const sha256 = createHash("sha256").update(options.bytes).digest("hex");
  let decoded: ReturnType<typeof decodeRegistry>;
  let parsed: ReturnType<typeof parseRegistry>;
  try {
    decoded = decodeRegistry(options.bytes, format.encoding);
    parsed = parseRegistry(decoded.text, format, fixedProvider === null);
  } catch (e) {
    if (e instanceof RegistryFileError) throw refusal(e, fileName, source.name);
    throw e;
  }
  const now = deps.now();
  const today = kyivDateOf(now);

  return db.transaction().execute(async (trx) => {
    // Imports of one source take turns, so two files bringing one reference cannot both post it.
    await sql`select pg_advisory_xact_lock(${LOCK_KEY}, ${source.id})`.execute(trx);
    if (!options.again) await refuseRepeat(trx, source, sha256);

    const providers = await trx.selectFrom("providers").select(["id", "code", "edrpou", "iban"]).execute();
    const codeOf = new Map(providers.map((p) => [p.id, p.code]));
    const services = await serviceNames(trx);

    // What each line says, and whose it is (provider, service), before any lookup of accounts.
    const decided = parsed.rows.map((row): Decided => {
      const base = {
        line: row.line,
        raw: row.raw,
        reference: row.values.reference || null,
        account: row.values.account || null,
        providerId: null,
        accountId: null,
        service: null,
      };
      const read = readRegistryLine(row, format, today);
      if (!read.ok)
        return {
          ...base,
          outcome: "malformed",
          reason: read.problem.reason,
          params: read.problem.params,
          payment: null,
        };
      const payment = read.payment;
      const who = whoseLine(payment, providers, fixedProvider, codeOf);
      if ("reason" in who) return { ...base, outcome: "unmatched", ...who, payment };
      const service =
        payment.service === null ? null : (services.get(serviceKey(payment.service)) ?? undefined);
      if (service === undefined)
        return {
          ...base,
          providerId: who.providerId,
          outcome: "unmatched",
          reason: "service_unknown",
          params: { value: payment.service! },
          payment,
        };
      return {
        ...base,
        providerId: who.providerId,
        service,
        outcome: "posted",
        reason: null,
        params: {},
        payment,
      };
    });

    // Lines that say something meaningful; of them, those whose provider and service are known need an account.
    const readable = decided.filter((d) => d.payment !== null);
    const whose = readable.filter((d) => d.outcome === "posted");
    const postedBefore = await postedReferences(
      trx,
      source.id,
      unique(readable.map((d) => d.payment!.reference)),
    );
    const accounts = await findAccounts(trx, whose);
    for (const d of whose)
      d.accountId = accounts.get(accountKey(d.providerId!, d.payment!.accountKey)) ?? null;
    const inLedger = await ledgerRefs(trx, whose, source.name);

    // In file order: a reference posted before, or earlier in this file, is a duplicate whatever else the line
    // says; then its provider and service must be known, then its account.
    const firstInFile = new Map<string, number>();
    for (const d of readable) {
      const p = d.payment!;
      const earlier = postedBefore.get(p.reference);
      const first = firstInFile.get(p.reference);
      if (earlier) {
        set(d, "duplicate_posted", {
          reference: p.reference,
          registryId: earlier.registryId,
          line: earlier.line,
        });
      } else if (first !== undefined) {
        set(d, "duplicate_in_file", { reference: p.reference, firstLine: first });
      } else if (d.outcome !== "posted") {
        // unmatched already: no such provider or service
      } else if (d.accountId === null) {
        set(d, "account_unknown", { account: p.account, provider: codeOf.get(d.providerId!) ?? "?" });
      } else if (inLedger.has(accountKey(d.accountId, sourceRef(source.name, p.reference)))) {
        set(d, "duplicate_in_ledger", { reference: p.reference });
      } else {
        firstInFile.set(p.reference, d.line);
      }
    }

    const posted = decided.filter((d) => d.outcome === "posted");
    const postedKop = sumKop(posted.map((d) => d.payment!.amountKop));
    const count = (o: RegistryLineOutcome) => decided.filter((d) => d.outcome === o).length;
    const registry = await trx
      .insertInto("payment_registries")
      .values({
        source_id: source.id,
        provider_id: forProvider?.id ?? null,
        file_name: fileName,
        sha256,
        size_bytes: options.bytes.length,
        encoding: decoded.encoding,
        encoding_detected: decoded.detected,
        imported_at: now,
        imported_by: options.importedBy,
        lines: decided.length,
        posted: posted.length,
        duplicates: count("duplicate"),
        unmatched: count("unmatched"),
        malformed: count("malformed"),
        posted_kop: postedKop,
        blank_lines: parsed.blankLines,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    await insertLines(trx, registry.id, source.id, decided);
    const entries = posted.map((d) => ledgerEntry(d, registry.id, source.name));
    const inserted = await postLedgerEntries(trx, entries);
    if (inserted !== entries.length) {
      // Another writer posted one of these under the same reference between our check and now: start again.
      throw new Error(
        `registry ${registry.id}: ${entries.length - inserted} ledger entries were already there`,
      );
    }

    return {
      registryId: registry.id,
      source: source.name,
      fileName,
      sha256,
      encoding: decoded.encoding,
      encodingDetected: decoded.detected,
      fields: parsed.fields,
      lines: decided.length,
      posted: posted.length,
      postedKop,
      duplicates: count("duplicate"),
      unmatched: count("unmatched"),
      malformed: count("malformed"),
      blankLines: parsed.blankLines,
      problems: decided
        .filter((d) => d.outcome !== "posted")
        .map((d) => ({
          line: d.line,
          outcome: d.outcome as RegistryProblem["outcome"],
          reason: d.reason!,
          message: lineMessage(d.reason!, d.params, locale),
          reference: d.reference,
          account: d.account,
          amountKop: d.payment?.amountKop ?? null,
          raw: d.raw,
        })),
    };
  });
}

function set(d: Decided, reason: LineReason, params: Record<string, string | number>): void {
  d.outcome = outcomeOf(reason);
  d.reason = reason;
  d.params = params;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const accountKey = (a: number, b: string) => `${a}\u0000${b}`;
const sourceRef = (source: string, reference: string) => `${source}:${reference}`;

/** The provider an upload is made for must be the source's own, if it has one. */
async function checkProvider(
  deps: Deps,
  source: RegistrySourceView,
  providerId: number | undefined,
): Promise<{ id: number; code: string } | null> {
  if (providerId === undefined) return null;
  const row = await deps.database.db
    .selectFrom("providers")
    .select(["id", "code"])
    .where("id", "=", providerId)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found");
  if (source.provider && source.provider.id !== row.id) {
    throw new AppError("registry_source_other_provider", {
      source: source.name,
      sourceProvider: source.provider.code,
      provider: row.code,
    });
  }
  return row;
}

/** Refuses a file already imported from this source (same bytes). */
async function refuseRepeat(trx: Tx, source: RegistrySourceView, sha256: string): Promise<void> {
  const earlier = await trx
    .selectFrom("payment_registries")
    .select(["id", "file_name", "imported_at", "lines", "posted"])
    .where("source_id", "=", source.id)
    .where("sha256", "=", sha256)
    .orderBy("id")
    .executeTakeFirst();
  if (!earlier) return;
  const at = kyivPartsOf(earlier.imported_at);
  const pad = (n: number) => String(n).padStart(2, "0");
  const importedAt = `${at.date} ${pad(at.hour)}:${pad(at.minute)}`;
  throw new AppError(
    "registry_already_imported",
    {
      source: source.name,
      importedAt,
      registryId: earlier.id,
      file: earlier.file_name,
      posted: earlier.posted,
      lines: earlier.lines,
    },
    { registryId: earlier.id, importedAt: earlier.imported_at.toISOString() },
  );
}

const serviceKey = (text: string) =>
  text.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("uk");

/** A service by its code or its name in any language, as a bank line may write it. */
async function serviceNames(trx: Tx): Promise<Map<string, ServiceCode>> {
  const rows = await trx.selectFrom("services").select(["code", "name_uk", "name_ru", "name_en"]).execute();
  const map = new Map<string, ServiceCode>();
  for (const r of rows)
    for (const name of [r.code, r.name_uk, r.name_ru, r.name_en]) map.set(serviceKey(name), r.code);
  return map;
}

/**
 * Whose payment a line is: the provider its EDRPOU and IBAN name (both, when both are given), checked against the
 * provider the source or the upload is bound to; or that provider when the line names none.
 */
function whoseLine(
  p: RegistryPayment,
  providers: ProviderRow[],
  fixed: number | null,
  codeOf: Map<number, string>,
): { providerId: number } | { reason: LineReason; params: Record<string, string> } {
  let named: ProviderRow[] | null = null;
  if (p.edrpou !== null) {
    named = providers.filter((r) => r.edrpou === p.edrpou);
    if (named.length === 0) return { reason: "provider_unknown", params: { value: p.edrpou } };
  }
  if (p.iban !== null) {
    const byIban = providers.filter((r) => r.iban === p.iban);
    if (byIban.length === 0) return { reason: "provider_unknown", params: { value: p.iban } };
    const both = named === null ? byIban : named.filter((r) => byIban.includes(r));
    if (both.length === 0)
      return { reason: "provider_conflict", params: { edrpou: p.edrpou!, iban: p.iban } };
    named = both;
  }
  if (fixed !== null) {
    if (named !== null && !named.some((r) => r.id === fixed)) {
      return {
        reason: "provider_other",
        params: { lineProvider: named.map((r) => r.code).join(", "), provider: codeOf.get(fixed) ?? "?" },
      };
    }
    return { providerId: fixed };
  }
  if (named === null) return { reason: "provider_missing", params: {} };
  if (named.length > 1)
    return {
      reason: "provider_ambiguous",
      params: { value: p.iban ?? p.edrpou ?? "", providers: named.map((r) => r.code).join(", ") },
    };
  return { providerId: named[0]!.id };
}

/** References of this source already posted by an earlier file: where. */
async function postedReferences(
  trx: Tx,
  sourceId: number,
  references: string[],
): Promise<Map<string, { registryId: number; line: number }>> {
  if (references.length === 0) return new Map();
  const { rows } = await sql<{ reference: string; registry_id: number; line_no: number }>`
    select reference, registry_id, line_no from registry_lines
    where source_id = ${sourceId} and outcome = 'posted' and reference = any(${references}::text[])`.execute(
    trx,
  );
  return new Map(rows.map((r) => [r.reference, { registryId: r.registry_id, line: r.line_no }]));
}

/** Accounts by (provider, normalised number), for every candidate line in one query. */
async function findAccounts(trx: Tx, lines: Decided[]): Promise<Map<string, number>> {
  if (lines.length === 0) return new Map();
  const { rows } = await sql<{ provider_id: number; number_normalized: string; id: number }>`
    select a.provider_id, a.number_normalized, a.id
    from (select distinct * from unnest(${lines.map((d) => d.providerId!)}::integer[],
                                         ${lines.map((d) => d.payment!.accountKey)}::text[])) k(provider_id, key)
    join accounts a on a.provider_id = k.provider_id and a.number_normalized = k.key`.execute(trx);
  return new Map(rows.map((r) => [accountKey(r.provider_id, r.number_normalized), r.id]));
}

/** (account, source_ref) pairs the ledger already holds from a bank registry, whatever brought them. */
async function ledgerRefs(trx: Tx, lines: Decided[], source: string): Promise<Set<string>> {
  const matched = lines.filter((d) => d.accountId !== null);
  if (matched.length === 0) return new Set();
  const { rows } = await sql<{ account_id: number; source_ref: string }>`
    select e.account_id, e.source_ref
    from unnest(${matched.map((d) => d.accountId!)}::bigint[],
                ${matched.map((d) => sourceRef(source, d.payment!.reference))}::text[]) k(account_id, source_ref)
    join ledger_entries e
      on e.account_id = k.account_id and e.source = 'bank_registry' and e.source_ref = k.source_ref`.execute(
    trx,
  );
  return new Set(rows.map((r) => accountKey(r.account_id, r.source_ref)));
}

/** Every line in one statement (arrays unnested: a registry may hold tens of thousands of lines). */
async function insertLines(trx: Tx, registryId: number, sourceId: number, lines: Decided[]): Promise<void> {
  if (lines.length === 0) return;
  const col = <T>(pick: (d: Decided) => T) => lines.map(pick);
  const details = (d: Decided) => {
    const p = d.payment;
    const facts: Record<string, unknown> = { ...d.params };
    if (p?.payer) facts["payer"] = p.payer;
    if (p?.period) facts["period"] = p.period;
    if (d.service) facts["service"] = d.service;
    return JSON.stringify(facts);
  };
  await sql`
    insert into registry_lines (registry_id, source_id, line_no, raw, outcome, reason, details, reference,
                                provider_id, account_id, amount_kop, paid_on)
    select ${registryId}::bigint, ${sourceId}::integer, l.*
    from unnest(
      ${col((d) => d.line)}::integer[],
      ${col((d) => d.raw)}::text[],
      ${col((d) => d.outcome)}::text[],
      ${col((d) => d.reason)}::text[],
      ${col(details)}::jsonb[],
      ${col((d) => d.reference)}::text[],
      ${col((d) => d.providerId)}::integer[],
      ${col((d) => d.accountId)}::bigint[],
      ${col((d) => d.payment?.amountKop ?? null)}::bigint[],
      ${col((d) => d.payment?.paidOn ?? null)}::date[]
    ) l`.execute(trx);
}

/** A posted line's payment: negative, dated the day paid, in the month it names or the month it was paid. */
function ledgerEntry(d: Decided, registryId: number, source: string): NewLedgerEntry {
  const p = d.payment!;
  const details: Record<string, unknown> = { registry_id: registryId, line: d.line };
  if (p.period) details["period"] = p.period;
  if (d.service) details["service"] = d.service;
  return {
    account_id: d.accountId!,
    provider_id: d.providerId!,
    service_code: d.service,
    period: firstDay(p.period ?? periodOf(p.paidOn)),
    kind: "payment",
    amount_kop: negKop(kop(p.amountKop as Kopiykas)),
    entry_date: p.paidOn,
    source: "bank_registry",
    source_ref: sourceRef(source, p.reference),
    details,
  };
}
