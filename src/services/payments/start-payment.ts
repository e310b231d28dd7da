// startPayment: a resident (or staff for a caller) starts paying an account online. The order is stored first,
// then the gateway's checkout form is returned for the browser to post; the gateway's callback settles it
// (receive-payment-callback.ts). An Idempotency-Key makes a retried request return the same order, as it stands
// now: a retry after the gateway has answered shows the order paid (or failed), not the stored "created".
import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/database.ts";
import type { ServiceCode } from "../../db/tables/reference.table.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import { formatUah, kop } from "../../domain/money.ts";
import { isPayableAmount, MAX_PAYMENT_KOP } from "../../domain/payments/order-status.ts";
import { nextPeriod, type Period, parsePeriod, periodOf } from "../../domain/period.ts";
import type { Locale } from "../../i18n/locale.ts";
import { type AccountInContext, findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { PaymentDeps } from "../deps.ts";
import { AppError, inEveryLocale } from "../errors.ts";
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from "../idempotency.ts";
import type { Checkout, PaymentGateway } from "./gateway.ts";
import { orderView, type PaymentOrderView } from "./order-view.ts";

export interface StartPaymentOptions {
  actor: Actor;
  accountId: number;
  amountKop: number;
  /** YYYY-MM the payment is for; absent: it settles the oldest debt first. */
  period?: string | undefined;
  service?: ServiceCode | undefined;
  /** A gateway's name; absent: the first enabled one (LiqPay when configured). */
  gateway?: string | undefined;
  /** The app's address as browsers and the gateway reach it, from the configuration (never from the request). */
  appUrl: string;
  /** The language of the gateway's page, where it has a choice. */
  locale: Locale;
  idempotencyKey?: string | undefined;
}

export type StartPaymentResult = PaymentOrderView & { checkout: Checkout };

export async function startPayment(
  deps: PaymentDeps,
  options: StartPaymentOptions,
): Promise<StartPaymentResult> {
  const gateway = chooseGateway(deps, options.gateway);
  const key = options.idempotencyKey;
  return deps.database.db.transaction().execute(async (trx) => {
    const scope = `user:${options.actor.userId}:startPayment`;
    if (key) {
      // What the payment is, not how it was asked for: a retry in another language is the same request.
      const { actor, idempotencyKey, appUrl, locale, ...request } = options;
      const claim = await claimIdempotencyKey<StartPaymentResult>(trx, scope, key, requestHash(request));
      if (!claim.fresh) return currentOrder(trx, claim.response);
    }
    const result = await createOrder(trx, deps, gateway, options);
    if (key) await storeIdempotentResponse(trx, scope, key, result);
    return result;
  });
}

/** The stored answer with the order's status and dates as they are now; its checkout stays the one handed out. */
async function currentOrder(trx: Tx, stored: StartPaymentResult): Promise<StartPaymentResult> {
  const row = await trx
    .selectFrom("payment_orders")
    .selectAll()
    .where("account_id", "=", stored.accountId)
    .where("id", "=", stored.orderId)
    .executeTakeFirstOrThrow();
  return { ...orderView(row), checkout: stored.checkout };
}

function chooseGateway(deps: PaymentDeps, name: string | undefined): PaymentGateway {
  if (deps.gateways.size === 0) throw new AppError("payments_unavailable");
  const gateway = name === undefined ? deps.gateways.values().next().value : deps.gateways.get(name);
  if (!gateway) {
    throw new AppError("payment_gateway_unknown", {
      gateway: String(name),
      available: [...deps.gateways.keys()].join(", "),
    });
  }
  return gateway;
}

async function createOrder(
  trx: Tx,
  deps: PaymentDeps,
  gateway: PaymentGateway,
  options: StartPaymentOptions,
): Promise<StartPaymentResult> {
  const account = await findAccountForActor(trx, options.actor, options.accountId);
  if (!isPayableAmount(options.amountKop)) {
    throw new AppError(
      "payment_amount_invalid",
      { max: inEveryLocale((l) => formatUah(kop(MAX_PAYMENT_KOP), l)) },
      { minKop: 1, maxKop: MAX_PAYMENT_KOP },
    );
  }
  const now = deps.now();
  const period = options.period === undefined ? null : checkPeriod(options.period, now);
  const serviceName = options.service ? await checkService(trx, account, options.service) : null;
  const provider = await trx
    .selectFrom("providers")
    .select("name_uk")
    .where("id", "=", account.providerId)
    .executeTakeFirstOrThrow();

  const orderId = randomUUID();
  const row = await trx
    .insertInto("payment_orders")
    .values({
      account_id: account.id,
      id: orderId,
      provider_id: account.providerId,
      gateway: gateway.name,
      amount_kop: options.amountKop,
      period: period ? `${period}-01` : null,
      service_code: options.service ?? null,
      started_by: options.actor.userId,
      created_at: now,
      updated_at: now,
      gateway_status: null,
      gateway_payment_id: null,
      paid_at: null,
      reversed_at: null,
      last_callback: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("payment_order_lookup")
    .values({ order_id: orderId, account_id: account.id })
    .execute();

  const appUrl = options.appUrl;
  const checkout = gateway.checkout({
    orderId,
    amountKop: options.amountKop,
    currency: "UAH",
    description: describe(provider.name_uk, account.number, serviceName, period),
    locale: options.locale,
    serverUrl: `${appUrl}/api/payments/${gateway.name}/callback`,
    resultUrl: `${appUrl}/payments/${orderId}`,
    appUrl,
  });
  return { ...orderView(row), checkout };
}

/** A month already billed or the coming one (a planned payment in advance); not further ahead. */
function checkPeriod(text: string, now: Date): Period {
  const latest = nextPeriod(periodOf(kyivDateOf(now)));
  let period: Period;
  try {
    period = parsePeriod(text);
  } catch {
    throw new AppError("payment_period_invalid", { latest });
  }
  if (period > latest) throw new AppError("payment_period_invalid", { latest }, { latest });
  return period;
}

async function checkService(trx: Tx, account: AccountInContext, service: ServiceCode): Promise<string> {
  const row = await trx
    .selectFrom("services as s")
    .leftJoin("provider_services as ps", (join) =>
      join
        .onRef("ps.service_code", "=", "s.code")
        .on("ps.provider_id", "=", account.providerId)
        .on("ps.settlement_id", "=", account.settlementId),
    )
    .select(["s.name_uk", "s.name_ru", "s.name_en", "ps.provider_id"])
    .where("s.code", "=", service)
    .executeTakeFirst();
  if (!row || row.provider_id === null) {
    throw new AppError("payment_service_not_provided", {
      service: row ? { uk: row.name_uk, ru: row.name_ru, en: row.name_en } : service,
    });
  }
  return row.name_uk;
}

// In Ukrainian whatever the resident's language: it lands on bank statements the provider reconciles.
function describe(provider: string, number: string, service: string | null, period: Period | null): string {
  const what = [service ? service.toLowerCase() : null, period ? `за ${period}` : null].filter(Boolean);
  return `Оплата: ${provider}, особовий рахунок ${number}${what.length ? `, ${what.join(" ")}` : ""}`;
}
