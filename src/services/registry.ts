// The one surface every channel calls: the use cases by name. A channel builds a context (who, which door,
// which language) and an input; the registry checks the input against the use case's schema and the caller's
// role against its access, then runs it. What the caller may reach inside is the use case's own check.
import type { Static } from "typebox";
import { checkAccess } from "./access.ts";
import { accountSearchUseCases } from "./account-search/use-cases.ts";
import { accountViewUseCases } from "./account-view/use-cases.ts";
import { accountUseCases } from "./accounts/use-cases.ts";
import { auditStaffAction } from "./audit/staff-audit.ts";
import { auditUseCases } from "./audit/use-cases.ts";
import { authUseCases } from "./auth/use-cases.ts";
import { billingRunUseCases } from "./billing/billing-run-use-cases.ts";
import { billingUseCases } from "./billing/use-cases.ts";
import type { ActorContext, UseCaseContext } from "./context.ts";
import { conversationUseCases } from "./conversations/use-cases.ts";
import type { Deps } from "./deps.ts";
import { documentUseCases } from "./documents/use-cases.ts";
import { AppError } from "./errors.ts";
import { identityUseCases } from "./identity/use-cases.ts";
import { ledgerUseCases } from "./ledger/use-cases.ts";
import { partnerUseCases } from "./partners/use-cases.ts";
import { paymentUseCases } from "./payments/use-cases.ts";
import { platformUseCases } from "./platform/use-cases.ts";
import { providerSettingsUseCases } from "./provider-settings/use-cases.ts";
import { providerUseCases } from "./providers/use-cases.ts";
import { readingUseCases } from "./readings/use-cases.ts";
import { registryReportUseCases } from "./registries/registry-report-use-cases.ts";
import { registryUseCases } from "./registries/use-cases.ts";
import { registryLineUseCases } from "./registry-lines/use-cases.ts";
import { reviewUseCases } from "./reviews/use-cases.ts";
import { smsUseCases } from "./sms/use-cases.ts";
import { staffUseCases } from "./staff/use-cases.ts";
import { statisticsUseCases } from "./statistics/use-cases.ts";
import { tariffUseCases } from "./tariffs/use-cases.ts";
import { twoFactorUseCases } from "./two-factor/use-cases.ts";
import type { UseCase } from "./use-case.ts";
import { voiceUseCases } from "./voice/use-cases.ts";
import { windowUseCases } from "./windows/use-cases.ts";

export const useCases = {
  ...windowUseCases,
  ...tariffUseCases,
  ...accountUseCases,
  ...accountSearchUseCases,
  ...accountViewUseCases,
  ...authUseCases,
  ...twoFactorUseCases,
  ...staffUseCases,
  ...platformUseCases,
  ...auditUseCases,
  ...billingUseCases,
  ...billingRunUseCases,
  ...documentUseCases,
  ...paymentUseCases,
  ...readingUseCases,
  ...ledgerUseCases,
  ...identityUseCases,
  ...registryUseCases,
  ...registryLineUseCases,
  ...reviewUseCases,
  ...registryReportUseCases,
  ...providerUseCases,
  ...providerSettingsUseCases,
  ...statisticsUseCases,
  ...smsUseCases,
  ...conversationUseCases,
  ...voiceUseCases,
  ...partnerUseCases,
} satisfies Record<string, UseCase>;

export type UseCaseName = keyof typeof useCases;
export type InputOf<N extends UseCaseName> = Static<(typeof useCases)[N]["input"]>;
export type OutputOf<N extends UseCaseName> = Static<(typeof useCases)[N]["output"]>;

/** Every use case, for adapters that walk them all (the OpenAPI document, the isolation test). */
export function allUseCases(): UseCase[] {
  return Object.values(useCases) as UseCase[];
}

type Checker = ReturnType<typeof import("typebox/compile").Compile>;
const checkers = new Map<string, Checker>();
// The compiler loads with the first call, not with the registry: a command that only prints its help skips it.
let compile: typeof import("typebox/compile").Compile | undefined;

async function checkInput(useCase: UseCase, input: unknown): Promise<void> {
  let checker = checkers.get(useCase.name);
  if (!checker) {
    compile ??= (await import("typebox/compile")).Compile;
    checker = compile(useCase.input);
    checkers.set(useCase.name, checker);
  }
  if (checker.Check(input)) return;
  const [first] = checker.Errors(input);
  const field = first?.instancePath.replace(/^\//, "").replaceAll("/", ".") || "input";
  throw new AppError(
    "validation_failed",
    { details: `${field}: ${first?.keyword ?? "schema"}` },
    { field, in: "input", rule: first?.keyword ?? "schema" },
  );
}

/** Runs a use case for a caller: input checked, access checked, then the use case (which checks its scope). */
export async function callUseCase<N extends UseCaseName>(
  deps: Deps,
  name: N,
  context: UseCaseContext,
  input: InputOf<N>,
): Promise<OutputOf<N>> {
  const useCase = useCases[name] as unknown as UseCase;
  // Who first: a caller who may not call it learns nothing about its input rules.
  checkAccess(useCase.access, context);
  await checkInput(useCase, input);
  const output = (await useCase.run(deps, context as never, input)) as OutputOf<N>;
  if (useCase.audited && context.actor && context.actor.kind !== "resident")
    await auditStaffAction(deps, context as ActorContext, useCase.name, input);
  return output;
}
