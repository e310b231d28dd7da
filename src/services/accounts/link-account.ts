// A resident links a personal account to themselves, as printed on the bill: the provider, the number typed any
// way, and the amount due of its last bill as the proof. A wrong amount, an unknown number and an unknown provider
// get one and the same refusal, so nobody can learn which numbers exist. Failures are counted per resident and
// per account number (counted before the proof is checked, so parallel guesses cannot slip past a limit; a
// success takes its counts back), and every attempt is audited. Several residents of a household may link one
// account; linking an account one already holds is a success that changes nothing.
import { normalizeAccountNumber } from "../../domain/account-number.ts";
import type { Kopiykas } from "../../domain/money.ts";
import type { Actor } from "../actor.ts";
import { findProvider } from "../billing/find-provider.ts";
import type { ContextChannel } from "../context.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { loadLastBillSummary } from "../ledger/last-bill-summary.ts";
import { hit, type RateLimit, refund } from "../rate-limit.ts";
import { accountIdByNumber } from "./account-by-number.ts";
import { auditLink } from "./link-audit.ts";
import { readAmountDue } from "./link-proof.ts";

/** Failed proofs per resident, whatever the account. */
export const LINK_ATTEMPTS_PER_USER: RateLimit = { limit: 5, windowSeconds: 3600 };
/** Failed proofs per account number, whoever tries: a slow guess from many sign-ups still stops. */
export const LINK_ATTEMPTS_PER_ACCOUNT: RateLimit = { limit: 10, windowSeconds: 24 * 3600 };

export interface LinkAccountOptions {
  actor: Extract<Actor, { kind: "resident" }>;
  channel: ContextChannel;
  provider: string;
  number: string;
  amountDue: string;
}

export interface LinkedAccount {
  accountId: number;
  number: string;
  provider: { id: number; code: string };
  /** The resident held it already: nothing changed. */
  alreadyLinked: boolean;
}

type Refusal =
  | "amount_unreadable"
  | "rate_limited"
  | "unknown_provider"
  | "unknown_number"
  | "no_bill"
  | "wrong_amount";

export async function linkAccount(deps: Deps, options: LinkAccountOptions): Promise<LinkedAccount> {
  const { actor } = options;
  const typed = { provider: options.provider, number: options.number, amountDue: options.amountDue };
  const refuse = async (reason: Refusal, found: { providerId?: number; accountId?: number } = {}) => {
    await auditLink(deps, {
      action: "account.link_refused",
      actorUserId: actor.userId,
      channel: options.channel,
      providerId: found.providerId ?? null,
      accountId: found.accountId ?? null,
      details: { ...typed, reason },
    });
  };

  const amount = readAmountDue(options.amountDue);
  if (amount === null) {
    // Not a guess at anything: told how to type it, and not counted.
    await refuse("amount_unreadable");
    throw new AppError("link_amount_unreadable");
  }

  const provider = await findProvider(deps, options.provider.trim().toLowerCase());
  const normalized = normalizeAccountNumber(options.number);
  const userBucket = `link:user:${actor.userId}`;
  const accountBucket = `link:account:${provider?.id ?? `?${options.provider.trim().toLowerCase()}`}:${normalized}`;
  const limited = await countAttempt(deps, userBucket, LINK_ATTEMPTS_PER_USER);
  if (limited) {
    await refuse("rate_limited", { ...(provider ? { providerId: provider.id } : {}) });
    throw limited;
  }
  const accountLimited = await countAttempt(deps, accountBucket, LINK_ATTEMPTS_PER_ACCOUNT);
  if (accountLimited) {
    // Refused for the account's lock: this resident tried no proof.
    await refund(deps, userBucket);
    await refuse("rate_limited", { ...(provider ? { providerId: provider.id } : {}) });
    throw accountLimited;
  }

  const { db } = deps.database;
  const accountId = provider ? await accountIdByNumber(db, provider.id, normalized) : null;
  const account =
    accountId === null
      ? undefined
      : await db
          .selectFrom("accounts")
          .select(["id", "number", "provider_id"])
          .where("id", "=", accountId)
          .executeTakeFirst();
  const bill = account
    ? await loadLastBillSummary(db, { id: account.id, providerId: account.provider_id })
    : null;
  const reason = refusalOf(provider !== null, account !== undefined, bill?.amountDueKop ?? null, amount);
  if (reason || !provider || !account) {
    await refuse(reason ?? "unknown_number", {
      ...(provider ? { providerId: provider.id } : {}),
      ...(account ? { accountId: account.id } : {}),
    });
    throw new AppError("link_proof_mismatch");
  }

  const linked = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("user_accounts")
      .values({ account_id: account.id, user_id: actor.userId, provider_id: account.provider_id })
      .onConflict((oc) => oc.columns(["account_id", "user_id"]).doNothing())
      .returning("account_id")
      .executeTakeFirst();
    await auditLink(
      deps,
      {
        action: "account.link",
        actorUserId: actor.userId,
        channel: options.channel,
        providerId: account.provider_id,
        accountId: account.id,
        details: { ...typed, alreadyLinked: !inserted },
      },
      trx,
    );
    return inserted !== undefined;
  });
  // A success is not a failure: its counts are taken back.
  await refund(deps, userBucket);
  await refund(deps, accountBucket);
  return {
    accountId: account.id,
    number: account.number,
    provider: { id: provider.id, code: provider.code },
    alreadyLinked: !linked,
  };
}

function refusalOf(
  providerKnown: boolean,
  accountKnown: boolean,
  dueKop: Kopiykas | null,
  typedKop: Kopiykas,
): Refusal | null {
  if (!providerKnown) return "unknown_provider";
  if (!accountKnown) return "unknown_number";
  if (dueKop === null) return "no_bill";
  return dueKop === typedKop ? null : "wrong_amount";
}

/** The refusal to throw when the bucket is over its limit, else null. */
async function countAttempt(deps: Deps, bucket: string, limit: RateLimit): Promise<AppError | null> {
  const result = await hit(deps, bucket, limit);
  if (result.allowed) return null;
  return new AppError(
    "too_many_attempts",
    { minutes: Math.ceil(result.retryAfterSeconds / 60) },
    { retryAfterSeconds: result.retryAfterSeconds },
  );
}
