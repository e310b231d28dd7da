// Group commit for readings. Every query costs a socket round trip, and on a busy server those dominate, so
// submissions that arrive together are stored together: one transaction per batch locks the batch's meters,
// reads their histories, decides each submission by itself (decide-submission.ts) and writes the accepted
// ones in two statements. A refusal answers only its own submission; a database error fails the batch,
// and then each submission is retried alone so one cannot sink the others. The queue lives only while
// requests are in flight: nothing is kept in the process between requests.
import { accountShards } from "../../db/citus/shard-of.ts";
import type { Database } from "../../db/database.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { type Decision, decideSubmission } from "./decide-submission.ts";
import { loadMeterHistories } from "./load-meter-history.ts";
import { loadSubmissionContexts } from "./load-submission-context.ts";
import type { SubmitReadingOptions, SubmitReadingResult } from "./reading-submission.ts";
import { writeSubmissions } from "./write-submissions.ts";

interface Item {
  deps: Deps;
  options: SubmitReadingOptions;
  resolve(result: SubmitReadingResult): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 64;
const MAX_CONCURRENT_BATCHES = 2;
// On Citus a batch holds the submissions of one shard's accounts, so each of its statements goes to that one shard
// (a batch over many shards would lock meters on every shard, which Citus refuses); batches of different shards
// then run side by side.
const MAX_CONCURRENT_SHARDS = 8;

class SubmissionBatcher {
  private queue: Item[] = [];
  private running = 0;
  private scheduled = false;
  private readonly maxRunning: number;

  /** `shardOf`: on Citus, an account's shard; a batch then holds one shard's submissions. */
  constructor(private readonly shardOf: ((accountId: number) => number) | null) {
    this.maxRunning = shardOf ? MAX_CONCURRENT_SHARDS : MAX_CONCURRENT_BATCHES;
  }

  submit(deps: Deps, options: SubmitReadingOptions): Promise<SubmitReadingResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ deps, options, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.running >= this.maxRunning || this.queue.length === 0) return;
    this.scheduled = true;
    // After the current I/O callbacks: requests that arrived together join one batch.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush() {
    // One submission per meter in a batch: a second one must see the first one's reading, so it waits.
    const batch: Item[] = [];
    const rest: Item[] = [];
    const meters = new Set<string>();
    const shardOf = this.shardOf;
    const shard = shardOf && this.queue.length > 0 ? shardOf(this.queue[0]!.options.accountId) : null;
    for (const item of this.queue) {
      const o = item.options;
      const key = `${o.accountId}:${o.meterId ?? o.service ?? "*"}`;
      const joins = shardOf === null || shardOf(o.accountId) === shard;
      if (batch.length < MAX_BATCH && joins && !meters.has(key)) {
        meters.add(key);
        batch.push(item);
      } else {
        rest.push(item);
      }
    }
    this.queue = rest;
    this.running++;
    void runBatch(batch, shardOf !== null).finally(() => {
      this.running--;
      this.schedule();
    });
    this.schedule();
  }
}

type Outcome = { decision: Decision } | { error: unknown };

async function runBatch(items: Item[], citus: boolean): Promise<void> {
  const deps = items[0]!.deps;
  const now = deps.now();
  let outcomes: Outcome[];
  try {
    outcomes = await deps.database.db.transaction().execute(async (trx) => {
      const contexts = await loadSubmissionContexts(
        trx,
        items.map((i) => i.options),
        kyivDateOf(now),
      );
      const found = contexts.flatMap((c) =>
        c instanceof AppError ? [] : [{ accountId: c.account.id, meterId: c.meter.id }],
      );
      const histories = await loadMeterHistories(trx, found);
      const decided = items.map((item, i): Outcome => {
        const context = contexts[i]!;
        if (context instanceof AppError) return { error: context };
        try {
          const history = histories.get(`${context.account.id}:${context.meter.id}`) ?? [];
          return { decision: decideSubmission(context, history, item.options, now) };
        } catch (error) {
          return { error };
        }
      });
      await writeSubmissions(
        trx,
        decided.flatMap((o) => ("decision" in o && o.decision.write ? [o.decision.write] : [])),
        { supersedeApart: citus },
      );
      return decided;
    });
  } catch (error) {
    if (items.length === 1) {
      items[0]!.reject(error);
      return;
    }
    await Promise.all(items.map((item) => runBatch([item], citus)));
    return;
  }
  // The readings' notifications were written with them (services/notifications): delivery may take them now.
  outboxWritten(deps);
  outcomes.forEach((o, i) => {
    if ("decision" in o) items[i]!.resolve(o.decision.result);
    else items[i]!.reject(o.error);
  });
}

const batchers = new WeakMap<Database, SubmissionBatcher>();

/** Queue a submission with the other submissions to the same database. */
export async function submitBatched(deps: Deps, options: SubmitReadingOptions): Promise<SubmitReadingResult> {
  const shardOf = await accountShards(deps.database);
  let b = batchers.get(deps.database);
  if (!b) {
    b = new SubmissionBatcher(shardOf);
    batchers.set(deps.database, b);
  }
  return b.submit(deps, options);
}
