// Use cases of the platform administrator: the installation's providers.
import { Type } from "typebox";
import { defineUseCase } from "../use-case.ts";
import { createProvider } from "./create-provider.ts";
import { listAllProviders } from "./list-all-providers.ts";

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const platformUseCases = {
  listAllProviders: defineUseCase({
    name: "listAllProviders",
    tag: "platform",
    summary: "Every provider of the installation, with its number of administrators and operators",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Array(
      Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        name: Type.Object({ uk: Type.String(), ru: Type.String(), en: Type.String() }),
        edrpou: Type.String(),
        iban: Type.String(),
        administrators: Type.Integer(),
        operators: Type.Integer(),
      }),
    ),
    access: "platform_admin",
    probe: null,
    run: (deps) => listAllProviders(deps),
  }),

  createProvider: defineUseCase({
    name: "createProvider",
    tag: "platform",
    summary: "Add a provider (then invite its first administrator with inviteStaff)",
    description:
      "The EDRPOU code's check digit and the IBAN's checksum are checked (422); a taken code is 409.",
    input: Type.Object(
      {
        code: Type.String({ minLength: 1, maxLength: 30, description: 'e.g. "kramatorsk-water"' }),
        nameUk: Text(200),
        nameRu: Text(200),
        nameEn: Text(200),
        edrpou: Text(20),
        iban: Text(50),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({ id: Type.Integer(), code: Type.String() }),
    access: "platform_admin",
    audited: true,
    // A new provider is nobody's resource yet: nothing to aim at.
    probe: null,
    run: (deps, _context, input) => createProvider(deps, input),
  }),
};
