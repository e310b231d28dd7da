// submitPartnerReading: a reading from a bank's app, through the one submitReading, recorded with channel "bank".
// The partner reaches the account through its grant; the reading then goes in as its robot user acting for the
// account's provider (as the voice line does), so every rule, answer and error code is the other channels'.

import type { ServiceCode } from "../../db/tables/reference.table.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { type SubmitReadingResult, submitReading } from "../readings/submit-reading.ts";
import { findPartnerAccount } from "./partner-account.ts";

export async function submitPartnerReading(
  deps: Deps,
  o: {
    actor: Extract<Actor, { kind: "partner" }>;
    provider: string;
    account: string;
    meterId?: number | undefined;
    service?: ServiceCode | undefined;
    values: { zone: number; value: string }[];
    confirmed?: boolean | undefined;
    idempotencyKey?: string | undefined;
  },
): Promise<SubmitReadingResult> {
  const account = await findPartnerAccount(deps.database.db, o.actor, o);
  return submitReading(deps, {
    actor: {
      kind: "staff",
      role: "operator",
      providerId: account.provider.id,
      userId: o.actor.userId,
      locale: o.actor.locale,
    },
    channel: "bank",
    accountId: account.id,
    meterId: o.meterId,
    service: o.service,
    values: o.values,
    confirmed: o.confirmed,
    idempotencyKey: o.idempotencyKey,
  });
}
