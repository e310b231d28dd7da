// Generated from the registry: every use case is tried by callers who must not reach the target account —
// nobody signed in, a resident of another household, an administrator of another provider, and an operator
// where an administrator is required. Each gets not_found (forbidden for a role the use case does not admit)
// and writes nothing. A use case added to the registry is covered here without editing this file: its
// definition must say how to aim it at someone else's resources (probe), or that it has none.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Database } from "../../src/db/database.ts";
import type { Access } from "../../src/services/access.ts";
import type { Actor } from "../../src/services/actor.ts";
import { AppError } from "../../src/services/errors.ts";
import { allUseCases, callUseCase, type UseCaseName } from "../../src/services/registry.ts";
import type { UseCase } from "../../src/services/use-case.ts";
import { forEachDatabase } from "../support/databases.ts";
import { buildIsolationRegion, databaseDigest, type IsolationRegion } from "../support/isolation-region.ts";

/** What a caller who may not reach the target gets: not_found, or forbidden for a staff role not admitted. */
function expectedRefusal(access: Access, who: "resident" | "staff"): string {
  if (access === "public" || access === "signed_in") return "not_found";
  // A resident is an outsider to every provider's staff work: not found, as for any data not theirs.
  if (who === "resident") return "not_found";
  return access === "staff" || access === "administrator" ? "not_found" : "forbidden";
}

async function attempt(
  deps: Parameters<typeof callUseCase>[0],
  useCase: UseCase,
  actor: Actor | null,
  input: unknown,
): Promise<{ code: string } | { output: unknown }> {
  try {
    const output = await callUseCase(
      deps,
      useCase.name as UseCaseName,
      { actor, channel: "api", locale: "uk" },
      input as never,
    );
    return { output };
  } catch (e) {
    if (e instanceof AppError) return { code: e.code };
    throw e;
  }
}

/**
 * Use cases without a target that make something of the caller's own: the tables they may write when an outsider
 * calls them, and a check that what was written is the caller's and not the target's.
 */
const OWN_WRITES: Partial<
  Record<string, { tables: string[]; check: (database: Database, region: IsolationRegion) => Promise<void> }>
> = {
  // A code that links a chat to the caller (and, on first use, the server's pepper that hashes it).
  createChatLinkCode: {
    tables: ["chat_link_codes", "server_secrets"],
    check: async (database, region) => {
      const rows = await database.db.selectFrom("chat_link_codes").select("user_id").execute();
      assert.ok(rows.length > 0 && rows.every((r) => r.user_id !== region.target.userId));
    },
  },
  // A phone line's lookups are counted per line and caller, the outsider's own provider's line included.
  findAccountForCall: {
    tables: ["rate_limits"],
    check: async (database, region) => {
      const rows = await database.db.selectFrom("rate_limits").select("bucket").execute();
      const targetProvider = await database.db
        .selectFrom("providers")
        .select("id")
        .where("code", "=", region.target.providerCode)
        .executeTakeFirstOrThrow();
      assert.ok(rows.every((r) => !r.bucket.startsWith(`voice-lookup:${targetProvider.id}:`)));
    },
  },
};

forEachDatabase("every use case of the registry keeps to its caller's accounts and provider", (get) => {
  let region: IsolationRegion;
  before(async () => {
    region = await buildIsolationRegion(get().database, get().deps);
  });

  test("the registry's use cases each say how to aim them at someone else's resources", () => {
    assert.ok(allUseCases().length > 0);
    for (const useCase of allUseCases()) assert.ok(useCase.probe !== undefined, useCase.name);
  });

  for (const useCase of allUseCases()) {
    test(`${useCase.name}: outsiders get ${useCase.probe ? "not_found or forbidden" : "nothing of the target"} and write nothing`, async () => {
      const { deps, database } = get();
      const { target } = region;
      const input = useCase.probe ? useCase.probe(target) : {};
      const attempts: { who: string; actor: Actor | null; expected: string | null }[] = [
        ...(useCase.access === "public" ? [] : [{ who: "nobody", actor: null, expected: "unauthenticated" }]),
        {
          who: "a resident of another household",
          actor: region.otherResident,
          expected: useCase.probe ? expectedRefusal(useCase.access, "resident") : null,
        },
        {
          who: "an administrator of another provider",
          actor: region.otherProviderAdministrator,
          expected: useCase.probe ? expectedRefusal(useCase.access, "staff") : null,
        },
        ...(useCase.access === "administrator"
          ? [{ who: "an operator of the provider", actor: region.ownOperator, expected: "forbidden" }]
          : []),
        // A bank granted another provider: the target's account is nobody's to it; and it calls nothing else.
        {
          who: "a partner of another provider",
          actor: region.otherPartner,
          expected: useCase.probe ? (useCase.access === "partner" ? "not_found" : "forbidden") : null,
        },
      ];
      const before = await databaseDigest(database);
      for (const { who, actor, expected } of attempts) {
        const result = await attempt(deps, useCase, actor, input);
        if (expected) {
          assert.deepEqual(result, { code: expected }, `${useCase.name} by ${who}`);
        } else if ("output" in result) {
          // Acting on one's own things: nothing of the target may show.
          const text = JSON.stringify(result.output);
          assert.ok(
            !text.includes(target.accountNumber),
            `${useCase.name} by ${who} shows the target account`,
          );
        }
      }
      const own = OWN_WRITES[useCase.name];
      const withoutOwn = (digest: Map<string, string>) =>
        new Map([...digest].filter(([table]) => !own?.tables.includes(table)));
      assert.deepEqual(
        withoutOwn(await databaseDigest(database)),
        withoutOwn(before),
        `${useCase.name}: an outsider's attempt wrote`,
      );
      await own?.check(database, region);

      // The probe aims at something real: the target's own people are not refused as outsiders are.
      if (useCase.probe && useCase.access !== "platform_admin") {
        const insider = ["signed_in", "resident", "public"].includes(useCase.access)
          ? region.owner
          : useCase.access === "partner"
            ? region.ownPartner
            : region.ownAdministrator;
        const answer = await attempt(deps, useCase, insider, input);
        assert.ok(
          !("code" in answer) || !["not_found", "forbidden", "unauthenticated"].includes(answer.code),
          `${useCase.name}: the target's own ${insider.kind} was refused (${"code" in answer ? answer.code : ""})`,
        );
      }
    });
  }
});
