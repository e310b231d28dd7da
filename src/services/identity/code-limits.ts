// How often codes may be asked for: per address (so nobody's mailbox or phone is flooded, and codes cannot be
// cycled to guess faster) and per client address (so one machine cannot walk through many people's). Every
// request counts, known address or not, so the limit tells nothing about who has an account.

import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import type { RateLimit } from "../rate-limit.ts";
import { hit } from "../rate-limit.ts";
import type { LoginAddress } from "./identity-address.ts";

export const CODES_PER_ADDRESS: RateLimit = { limit: 5, windowSeconds: 60 * 60 };
export const CODES_PER_CLIENT: RateLimit = { limit: 30, windowSeconds: 60 * 60 };

export async function countCodeRequest(
  deps: Deps,
  address: LoginAddress,
  client: string | undefined,
): Promise<void> {
  const buckets: [string, RateLimit][] = [
    [`codes:client:${client ?? "unknown"}`, CODES_PER_CLIENT],
    [`codes:address:${address.kind}:${address.externalId}`, CODES_PER_ADDRESS],
  ];
  for (const [bucket, limit] of buckets) {
    const result = await hit(deps, bucket, limit);
    if (!result.allowed) {
      throw new AppError(
        "too_many_attempts",
        { minutes: Math.ceil(result.retryAfterSeconds / 60) },
        { retryAfterSeconds: result.retryAfterSeconds },
      );
    }
  }
}
