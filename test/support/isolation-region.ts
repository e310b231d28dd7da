// The people and resources the generated isolation test needs: a small billed demo region, its named
// resident's account as the target, and callers who must not reach it — a resident of another household,
// staff of another provider, an operator where an administrator is required, and nobody at all.
import { sql } from "kysely";
import type { Database } from "../../src/db/database.ts";
import { billHistory } from "../../src/demo/bill-history.ts";
import { DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import type { Actor } from "../../src/services/actor.ts";
import type { Deps } from "../../src/services/deps.ts";
import { registerPartner } from "../../src/services/partners/register-partner.ts";
import type { IsolationTarget } from "../../src/services/use-case.ts";

export interface IsolationRegion {
  target: IsolationTarget;
  /** The target account's own resident and provider administrator: they may reach it. */
  owner: Actor;
  ownAdministrator: Actor;
  otherResident: Actor;
  otherProviderAdministrator: Actor;
  ownOperator: Actor;
  /** Partners (banks): one granted the target's provider, one granted another provider only. */
  ownPartner: Actor;
  otherPartner: Actor;
}

const AS_OF = "2026-11-25";

export async function buildIsolationRegion(database: Database, deps: Deps): Promise<IsolationRegion> {
  const { db } = database;
  await seedRegion(database, { accounts: 150, seed: 7, asOf: AS_OF });
  await billHistory(deps, { asOf: AS_OF, seed: 7, months: 2 });

  const resident = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_PEOPLE.resident.email)
    .executeTakeFirstOrThrow();
  // Her account with a meter at the operator's provider (DEU), so staff roles there are meaningful.
  const account = await db
    .selectFrom("user_accounts as ua")
    .innerJoin("accounts as a", "a.id", "ua.account_id")
    .innerJoin("providers as p", "p.id", "a.provider_id")
    .innerJoin("meters as m", "m.account_id", "a.id")
    .select(["a.id", "a.number", "a.provider_id", "p.code", "m.id as meter_id"])
    .where("ua.user_id", "=", resident.id)
    .where("p.code", "=", DEMO_PEOPLE.operator.provider)
    .orderBy("a.id")
    .executeTakeFirstOrThrow();
  const period = await db
    .selectFrom("closed_periods")
    .select(sql<string>`to_char(max(period), 'YYYY-MM')`.as("period"))
    .where("provider_id", "=", account.provider_id)
    .executeTakeFirstOrThrow();
  const orderId = crypto.randomUUID();
  const at = new Date(`${AS_OF}T10:00:00Z`);
  await db
    .insertInto("payment_orders")
    .values({
      id: orderId,
      account_id: account.id,
      provider_id: account.provider_id,
      gateway: "demo",
      amount_kop: 10_000,
      period: null,
      service_code: null,
      gateway_status: null,
      gateway_payment_id: null,
      started_by: resident.id,
      created_at: at,
      updated_at: at,
      paid_at: null,
      reversed_at: null,
      last_callback: null,
    })
    .execute();
  // As startPayment writes it: the order id's way to its account.
  await db.insertInto("payment_order_lookup").values({ order_id: orderId, account_id: account.id }).execute();

  const user = async (email: string) =>
    (
      await db
        .insertInto("users")
        .values({ email, full_name: email, phone: null, password_hash: null, locale: "uk" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  // A resident of another household: linked to an account of the same provider that is not the target's.
  const otherAccount = await db
    .selectFrom("accounts")
    .select("id")
    .where("provider_id", "=", account.provider_id)
    .where(
      "premise_id",
      "not in",
      db.selectFrom("accounts").select("premise_id").where("id", "=", account.id),
    )
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const otherResidentId = await user("neighbour@isolation.test");
  await db
    .insertInto("user_accounts")
    .values({ user_id: otherResidentId, account_id: otherAccount.id, provider_id: account.provider_id })
    .execute();
  const otherProvider = await db
    .selectFrom("providers")
    .select("id")
    .where("id", "!=", account.provider_id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const otherProviderCode = await db
    .selectFrom("providers")
    .select("code")
    .where("id", "=", otherProvider.id)
    .executeTakeFirstOrThrow();
  const staff = async (email: string, providerId: number, role: "operator" | "administrator") => {
    const userId = await user(email);
    await db.insertInto("staff_roles").values({ user_id: userId, provider_id: providerId, role }).execute();
    return { kind: "staff", userId, role, providerId, locale: "uk" } as const;
  };

  // A reading of the target's meter waiting for review, as submitReading leaves an implausible one.
  const reading = await db
    .selectFrom("readings")
    .select(["id", "zone", "deemed_on", "period", "value"])
    .where("account_id", "=", account.id)
    .where("meter_id", "=", account.meter_id)
    .where("kind", "=", "regular")
    .where("status", "=", "accepted")
    .orderBy("deemed_on", "desc")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("readings")
    .set({ status: "pending_review", review_reason: "implausible_high" })
    .where("account_id", "=", account.id)
    .where("id", "=", reading.id)
    .execute();
  // A bank's line addressed to the target's provider that matched no account.
  const source = await db
    .selectFrom("registry_sources")
    .select("id")
    .where("name", "=", "standard")
    .executeTakeFirstOrThrow();
  const registry = await db
    .insertInto("payment_registries")
    .values({
      source_id: source.id,
      provider_id: account.provider_id,
      file_name: "isolation.csv",
      sha256: "0".repeat(64),
      size_bytes: 100,
      encoding: "utf-8",
      encoding_detected: false,
      imported_at: at,
      imported_by: "cli",
      lines: 1,
      posted: 0,
      duplicates: 0,
      unmatched: 1,
      malformed: 0,
      posted_kop: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("registry_lines")
    .values({
      registry_id: registry.id,
      line_no: 1,
      source_id: source.id,
      raw: "ISO-1,99999999,150.00,2026-11-20",
      outcome: "unmatched",
      reason: "account_not_found",
      details: JSON.stringify({ account: "99999999" }),
      reference: "ISO-1",
      provider_id: account.provider_id,
      account_id: null,
      amount_kop: 15_000,
      paid_on: "2026-11-20",
    })
    .execute();
  const news = await db
    .selectFrom("provider_news")
    .select("id")
    .where("provider_id", "=", account.provider_id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const ownOperator = await staff("own-operator@isolation.test", account.provider_id, "operator");
  const run = await db
    .selectFrom("closed_periods")
    .select("run_id as id")
    .where("provider_id", "=", account.provider_id)
    .where("period", "=", `${period.period}-01`)
    .executeTakeFirstOrThrow();

  // Staff access: an operator the target's own administrator may remove, and a pending invitation.
  const removableOperator = await staff("removable-operator@isolation.test", account.provider_id, "operator");
  const invitation = await db
    .insertInto("staff_invitations")
    .values({
      provider_id: account.provider_id,
      email: "invited@isolation.test",
      full_name: "Invited",
      role: "operator",
      secret_hash: "f".repeat(64),
      invited_by: null,
      created_at: at,
      expires_at: new Date(at.getTime() + 7 * 24 * 3600 * 1000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  // A chat of the resident's handed over to the provider's contact centre, with one message waiting.
  const conversation = await db
    .insertInto("conversations")
    .values({
      platform: "telegram",
      chat_id: "777000111",
      state: JSON.stringify({ step: "menu" }),
      handed_over_at: at,
      provider_id: account.provider_id,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("conversation_messages")
    .values({ conversation_id: conversation.id, direction: "in", body: "Допоможіть", created_at: at })
    .execute();

  return {
    target: {
      providerId: account.provider_id,
      providerCode: account.code,
      accountId: account.id,
      accountNumber: account.number,
      meterId: account.meter_id,
      period: period.period,
      orderId,
      userId: resident.id,
      readingId: reading.id,
      registryLine: { registryId: registry.id, lineNo: 1 },
      newsId: news.id,
      staffUserId: ownOperator.userId,
      invitationId: invitation.id,
      removableStaffUserId: removableOperator.userId,
      billingRunId: run.id,
      conversationId: conversation.id,
    },
    owner: { kind: "resident", userId: resident.id, locale: "uk" },
    ownAdministrator: await staff("own-admin@isolation.test", account.provider_id, "administrator"),
    otherResident: { kind: "resident", userId: otherResidentId, locale: "uk" },
    otherProviderAdministrator: await staff("other-admin@isolation.test", otherProvider.id, "administrator"),
    ownOperator,
    ownPartner: await partner(deps, "own-bank", account.code),
    otherPartner: await partner(deps, "other-bank", otherProviderCode.code),
  };
}

/** A registered partner granted one provider, as the signed request would make it the actor. */
async function partner(deps: Deps, code: string, providerCode: string): Promise<Actor> {
  const made = await registerPartner(deps, { code, name: code, providers: [providerCode] });
  const row = await deps.database.db
    .selectFrom("partners")
    .innerJoin("partner_providers", "partner_providers.partner_id", "partners.id")
    .select(["partners.user_id", "partner_providers.provider_id"])
    .where("partners.id", "=", made.id)
    .executeTakeFirstOrThrow();
  return {
    kind: "partner",
    partnerId: made.id,
    userId: row.user_id,
    providerIds: [row.provider_id],
    locale: "uk",
  };
}

/** A digest of every table's rows, to show an attempt wrote nothing. */
export async function databaseDigest(database: Database): Promise<Map<string, string>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(database.db);
  const digest = new Map<string, string>();
  for (const { name } of tables) {
    const { rows } = await sql<{ d: string | null }>`
      select md5(string_agg(t::text, '|' order by t::text)) as d from ${sql.table(name)} t`.execute(
      database.db,
    );
    digest.set(name, rows[0]?.d ?? "");
  }
  return digest;
}
