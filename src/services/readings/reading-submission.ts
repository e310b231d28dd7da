// What a reading submission asks and what it answers: the types submitReading, the batcher and the decision
// share. In a file of their own so those modules need not import each other in a circle.
import type { Channel, ServiceCode } from "../../db/tables/reference.table.ts";
import type { Actor } from "../actor.ts";

export interface SubmitReadingOptions {
  actor: Actor;
  channel: Channel;
  accountId: number;
  /** The meter; or leave it out and name the service (or nothing) when the account has one such meter. */
  meterId?: number | undefined;
  service?: ServiceCode | undefined;
  /** One value per tariff zone, as typed or recognised: "12 345", "12345,6". */
  values: { zone: number; value: string }[];
  /** The resident saw the "unusually high" warning and confirms the figures. */
  confirmed?: boolean | undefined;
  /** The voice bot's transcript, kept beside the parsed values. */
  transcript?: string | undefined;
  idempotencyKey?: string | undefined;
}

export interface ZoneOutcome {
  zone: number;
  /** As the dial shows it, e.g. "12345" or "123.456". */
  value: string;
  previous: { value: string; deemedOn: string } | null;
  /** Since the previous reading, in the service's unit; null for a meter's first reading. */
  consumption: string | null;
  rollover: boolean;
}

export type SubmitReadingResult =
  | {
      status: "accepted";
      meterId: number;
      receipt: string;
      period: string;
      deemedOn: string;
      late: boolean;
      /** A second submission in the same window replaced the first one. */
      correction: boolean;
      /** The same values again: nothing changed, the first receipt stands. */
      unchanged: boolean;
      /** Stored, and marked for an operator's review. */
      review: boolean;
      zones: ZoneOutcome[];
    }
  | {
      status: "needs_confirmation";
      meterId: number;
      reason: "above_own_average" | "above_service_limit";
      factor: number | null;
      zones: ZoneOutcome[];
    };
