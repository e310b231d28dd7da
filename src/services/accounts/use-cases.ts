// Use cases of a person's accounts.
import { Type } from "typebox";
import { Ref } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { type AccountSummary, listMyAccounts } from "./list-my-accounts.ts";

export const accountUseCases = {
  listMyAccounts: defineUseCase({
    name: "listMyAccounts",
    tag: "accounts",
    summary: "The accounts linked to me, at every provider",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Array(Ref<AccountSummary>("AccountSummary")),
    access: "signed_in",
    probe: null,
    run: (deps, context) => listMyAccounts(deps, { actor: context.actor }),
  }),
};
