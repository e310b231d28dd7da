// A use case as every channel sees it: its name, its input and output as TypeBox schemas (so the HTTP schema,
// the OpenAPI document, the CLI's checks and the TypeScript types all come from one definition), who may call
// it, and how to run it. Channels call it through the registry (registry.ts), never the service directly.
import type { Static, TSchema } from "typebox";
import type { Access } from "./access.ts";
import type { ActorContext, UseCaseContext } from "./context.ts";
import type { Deps } from "./deps.ts";

/** The resources of someone else that the generated isolation test aims each use case at. */
export interface IsolationTarget {
  providerId: number;
  providerCode: string;
  /** An account of that provider, linked to a resident who is not the caller, with a meter, bills and a paid order. */
  accountId: number;
  accountNumber: string;
  meterId: number;
  /** A billed, closed month of the account ("YYYY-MM"). */
  period: string;
  /** A payment order for the account. */
  orderId: string;
  /** The account's resident (for use cases about a person rather than an account). */
  userId: number;
  /** A reading of the account, waiting for an operator's review (flagged as implausible). */
  readingId: number;
  /** A bank registry line addressed to the provider that matched no account. */
  registryLine: { registryId: number; lineNo: number };
  /** A news item of the provider. */
  newsId: number;
  /** An operator of the provider (for use cases about a staff member). */
  staffUserId: number;
  /** A pending staff invitation of the provider. */
  invitationId: number;
  /** Another operator of the provider, whom a use case may remove (the target's own administrator really does). */
  removableStaffUserId: number;
  /** The provider's billing run of `period` (finished). */
  billingRunId: number;
  /** A resident's bot conversation handed over to the provider's contact centre. */
  conversationId: number;
}

export interface UseCase<I extends TSchema = TSchema, O extends TSchema = TSchema> {
  name: string;
  summary: string;
  description?: string;
  /** The area in the OpenAPI document ("readings", "billing", …). */
  tag: string;
  input: I;
  output: O;
  access: Access;
  /** It changes something: when staff call it, the registry writes a line to the audit log (audit/staff-audit.ts). */
  audited?: boolean;
  /**
   * An input aimed at someone else's resources, for the isolation test that is generated from the registry;
   * null when the use case only ever acts on the caller's own things (signing out, listing my accounts).
   * Required, so a use case added later is covered without editing the test.
   */
  probe: ((target: IsolationTarget) => Static<I>) | null;
  run(deps: Deps, context: UseCaseContextFor<Access>, input: Static<I>): Promise<Static<O>>;
}

type UseCaseContextFor<A extends Access> = A extends "public" ? UseCaseContext : ActorContext;

/** Declares a use case with its types inferred from its schemas. */
export function defineUseCase<I extends TSchema, O extends TSchema, A extends Access>(spec: {
  name: string;
  summary: string;
  description?: string;
  tag: string;
  input: I;
  output: O;
  access: A;
  audited?: boolean;
  probe: ((target: IsolationTarget) => Static<I>) | null;
  run(deps: Deps, context: UseCaseContextFor<A>, input: Static<I>): Promise<Static<O>>;
}): UseCase<I, O> {
  return spec as unknown as UseCase<I, O>;
}
