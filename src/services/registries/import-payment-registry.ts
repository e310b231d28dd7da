// importPaymentRegistry: one bank registry file into the ledger, in one transaction (docs/registries.md).
// The file streams through: read once to check its encoding and hash it, then again through the CSV parser into a
// staging table, a chunk at a time, so memory stays bounded whatever its size. Matching and posting then run
// set-based over the staging table. Every payment line is recorded in registry_lines with its outcome — posted,
// duplicate (its reference already posted from this source, in this file or before, in any case), unmatched (no
// such provider, service or account) or malformed (a value the line cannot mean) — and each posted line becomes one
// ledger entry. A file that cannot be read at all writes nothing and says why (an AppError).
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { isCitus } from "../../db/citus/is-citus.ts";
import type { Tx } from "../../db/database.ts";
import { ensurePeriodPartitions } from "../../db/period-partitions.ts";
import type { RegistryLineOutcome } from "../../db/tables/registries.table.ts";
import { kyivDateOf, kyivPartsOf } from "../../domain/kyiv-time.ts";
import type { LocalDate } from "../../domain/local-date.ts";
import { firstDay } from "../../domain/period.ts";
import {
  type FileEncoding,
  type ProbedRegistry,
  RegistryProbe,
  registryDecoder,
} from "../../domain/registry/decode-registry.ts";
import { RegistryParser, type RegistryRow, type SkippedLine } from "../../domain/registry/parse-registry.ts";
import { readRegistryLine } from "../../domain/registry/read-registry-line.ts";
import { RegistryFileError } from "../../domain/registry/registry-file-error.ts";
import {
  type RegistryEncoding,
  type RegistryField,
  type RegistryFormat,
  registryFormatProblems,
} from "../../domain/registry/registry-format.ts";
import { DEFAULT_LOCALE, type Locale } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { decideAndPost, firstProblems } from "./decide-registry-lines.ts";
import { findRegistrySource } from "./find-registry-source.ts";
import { type LineReason, lineMessage } from "./line-reasons.ts";
import { RegistryRecipients } from "./registry-recipients.ts";
import { registryRefusal } from "./registry-refusal.ts";
import type { RegistrySourceView } from "./registry-source-view.ts";
import { inStagingTransaction, type StagedLine } from "./registry-staging.ts";

/** A file's bytes: all at once (an upload), or a way to read them from the start, as often as needed (a file). */
export type RegistryContent = Uint8Array | (() => AsyncIterable<Uint8Array>);

export interface ImportRegistryOptions {
  /** The registry source's name (registry_sources.name). */
  source: string;
  fileName: string;
  content: RegistryContent;
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
  /** How many of the lines not posted the report lists (all are kept in registry_lines); 1,000 by default. */
  maxProblems?: number;
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
  /** Lines the source skips above the header and below the payments (a preamble, a totals line). */
  skippedLines: SkippedLine[];
  /** The lines not posted, in file order: the first maxProblems of them. */
  problems: RegistryProblem[];
  /** Lines not posted beyond those listed (they are in registry_lines all the same). */
  problemsNotListed: number;
}

/** Imports of one source, and settling its lines by hand (registry-lines/), take turns under this lock. */
export const LOCK_KEY = 4_242_009;
const MAX_PROBLEMS = 1_000;

function chunks(content: RegistryContent): () => AsyncIterable<Uint8Array> {
  if (typeof content === "function") return content;
  return async function* () {
    yield content;
  };
}

/** A file name is a label people read: control characters (a NUL byte among them) are dropped. */
function cleanFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  return clean.slice(0, 200) || "registry.csv";
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
  const fileName = cleanFileName(options.fileName);
  const read = chunks(options.content);
  const refused = (e: unknown) =>
    e instanceof RegistryFileError ? registryRefusal(e, fileName, source.name) : e;

  // The first reading: is it text, in which encoding, and which file is it (sha256).
  let probed: ProbedRegistry;
  try {
    const probe = new RegistryProbe();
    for await (const chunk of read()) probe.push(chunk);
    probed = probe.finish(format.encoding);
  } catch (e) {
    throw refused(e);
  }
  const now = deps.now();
  const today = kyivDateOf(now);

  return inStagingTransaction(deps.database, async (trx, openStaging) => {
    // Imports of one source take turns, so two files bringing one reference cannot both post it.
    await sql`select pg_advisory_xact_lock(${LOCK_KEY}, ${source.id})`.execute(trx);
    if (!options.again) await refuseRepeat(trx, source, probed.sha256);
    // Set-based statements over a whole file: no JIT compilation for them, and sorts of a large file in memory.
    if (deps.database.engine === "postgres") {
      await sql`set local jit = off`.execute(trx);
      await sql`set local work_mem = '64MB'`.execute(trx);
    }
    const recipients = await RegistryRecipients.load(trx, fixedProvider);

    // The second reading: line by line into the staging table.
    const staging = await openStaging();
    const parser = new RegistryParser(format, fixedProvider === null);
    const hash = createHash("sha256");
    // The months the lines may post to, as decide-registry-lines.ts computes them (a superset: its other rules may
    // refuse some lines).
    const months = new Set<string>();
    try {
      for await (const rows of parser.batches(decoded(read, probed.encoding, hash))) {
        const lines = rows.map((row) => stage(row, format, today, recipients));
        for (const l of lines) {
          if (l.readable && l.reason === null && (l.period ?? l.paidOn) !== null) {
            months.add(l.period ?? `${l.paidOn!.slice(0, 7)}-01`);
          }
        }
        await staging.add(lines);
      }
      await staging.finish();
    } catch (e) {
      await staging.abort();
      throw refused(e);
    }
    if (hash.digest("hex") !== probed.sha256)
      throw new Error(`${fileName}: the file changed while it was being imported; nothing was imported`);
    // Their partitions made apart, on a connection of their own: on Citus a partition is distributed as it is
    // attached, which it refuses inside a transaction that has already run statements on many shards at once.
    // (PGlite has one connection, held by this transaction, and no shards.)
    if (deps.database.engine === "postgres") await ensurePeriodPartitions(db, "ledger_entries", months);

    const registry = await trx
      .insertInto("payment_registries")
      .values({
        source_id: source.id,
        provider_id: forProvider?.id ?? null,
        file_name: fileName,
        sha256: probed.sha256,
        size_bytes: probed.size,
        encoding: probed.encoding,
        encoding_detected: probed.detected,
        imported_at: now,
        imported_by: options.importedBy,
        // Counted once the lines are decided, below.
        lines: 0,
        posted: 0,
        duplicates: 0,
        unmatched: 0,
        malformed: 0,
        posted_kop: 0,
        blank_lines: parser.summary.blankLines,
        skipped_lines: parser.summary.skipped.length,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { entries, ...counts } = await decideAndPost(
      trx,
      registry.id,
      source,
      await isCitus(deps.database),
    );
    if (entries !== counts.posted) {
      // Another writer posted one of these under the same reference between our check and now: start again.
      throw new Error(
        `registry ${registry.id}: ${counts.posted - entries} ledger entries were already there`,
      );
    }
    const listed = await firstProblems(trx, registry.id, options.maxProblems ?? MAX_PROBLEMS);
    const notPosted = counts.lines - counts.posted;
    return {
      registryId: registry.id,
      source: source.name,
      fileName,
      sha256: probed.sha256,
      encoding: probed.encoding,
      encodingDetected: probed.detected,
      fields: parser.summary.fields,
      ...counts,
      blankLines: parser.summary.blankLines,
      skippedLines: parser.summary.skipped,
      problems: listed.map((p) => ({
        line: p.line_no,
        outcome: p.outcome,
        reason: p.reason as LineReason,
        message: lineMessage(p.reason, p.details, locale),
        reference: p.reference,
        account: p.account,
        amountKop: p.amount_kop,
        raw: p.raw,
      })),
      problemsNotListed: notPosted - listed.length,
    };
  });
}

/** The file's text, chunk by chunk, hashed again on the way (a file changed between the two readings is refused). */
async function* decoded(
  read: () => AsyncIterable<Uint8Array>,
  encoding: FileEncoding,
  hash: ReturnType<typeof createHash>,
): AsyncGenerator<string> {
  const decoder = registryDecoder(encoding);
  for await (const chunk of read()) {
    hash.update(chunk);
    const text = decoder.write(chunk);
    if (text !== "") yield text;
  }
  const rest = decoder.end();
  if (rest !== "") yield rest;
}

/** One row as the staging table keeps it: what the line says and whose it is, or why it is neither. */
function stage(
  row: RegistryRow,
  format: RegistryFormat,
  today: LocalDate,
  recipients: RegistryRecipients,
): StagedLine {
  const line: StagedLine = {
    line: row.line,
    raw: row.raw,
    readable: false,
    reference: row.values.reference || null,
    account: row.values.account || null,
    accountKey: null,
    amountKop: null,
    paidOn: null,
    period: null,
    service: null,
    providerId: null,
    payer: null,
    reason: null,
    params: {},
  };
  const read = readRegistryLine(row, format, today);
  if (!read.ok) {
    line.reason = read.problem.reason;
    line.params = read.problem.params;
    return line;
  }
  const p = read.payment;
  line.readable = true;
  line.payer = p.payer;
  line.amountKop = p.amountKop;
  line.paidOn = p.paidOn;
  line.period = p.period === null ? null : firstDay(p.period);
  const to = recipients.of(p);
  line.providerId = to.providerId;
  if (!to.ok) {
    line.reason = to.reason;
    line.params = to.params;
  } else {
    line.service = to.service;
    line.accountKey = to.accountKey;
  }
  return line;
}

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
