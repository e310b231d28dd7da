// /console/tariffs: the provider's tariffs (filtered by ?service=&settlement=) and the form that adds one. A
// refusal comes back with the reason at the top and beside its field (an overlap beside the start date); an
// added tariff goes (303) to the page with a notice.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MoneyFormatError, parseUah } from "../../../domain/money.ts";
import { formatDate } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import type { AppError } from "../../../services/errors.ts";
import type { InputOf } from "../../../services/registry.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleProvider, consoleProvider } from "../console-provider.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
} from "../console-request.ts";
import { TARIFFS } from "../messages/tariffs.ts";
import { BLOCK_ROWS, tariffsBody, ZONE_FIELDS } from "../views/tariffs-page.ts";

type AddInput = Omit<InputOf<"addTariff">, "provider">;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ZONE_NAMES = { 2: ["day", "night"], 3: ["peak", "half_peak", "night"] } as const;

/** The form's fields as the use case's input, the use case's field names → the form's, or what to correct first. */
function tariffOf(
  form: Record<string, string>,
  locale: Locale,
): { input: AddInput; fields: Record<string, string> } | { errors: FieldError[] } {
  const v = (id: string) => (form[id] ?? "").trim();
  const errors: FieldError[] = [];
  const dateMessage = format(TARIFFS.dateInvalid, locale);
  if (!DATE.test(v("effectiveFrom"))) errors.push({ field: "effectiveFrom", message: dateMessage });
  if (v("effectiveTo") !== "" && !DATE.test(v("effectiveTo")))
    errors.push({ field: "effectiveTo", message: dateMessage });
  let fixedFeeKop = 0;
  try {
    fixedFeeKop = v("fee") === "" ? 0 : parseUah(v("fee"));
    if (fixedFeeKop < 0) throw new MoneyFormatError(v("fee"), "negative");
  } catch (e) {
    if (!(e instanceof MoneyFormatError)) throw e;
    errors.push({ field: "fee", message: format(TARIFFS.feeInvalid, locale) });
  }
  if (errors.length > 0) return { errors };
  const fields: Record<string, string> = {
    ...Object.fromEntries(
      ["service", "effectiveFrom", "effectiveTo", "normPerResident", "normPerM2", "source"].map((f) => [
        f,
        f,
      ]),
    ),
    settlementId: "settlement",
    fixedFeeKop: "fee",
  };
  const blocks: AddInput["blocks"] = [];
  for (let row = 0; row < BLOCK_ROWS; row++) {
    const upTo = v(`block-${row}-upTo`);
    const priceUah = v(`block-${row}-price`);
    if (upTo === "" && priceUah === "") continue;
    fields[`blocks.${blocks.length}.upTo`] = `block-${row}-upTo`;
    fields[`blocks.${blocks.length}.priceUah`] = `block-${row}-price`;
    blocks.push({ upTo: upTo === "" ? null : upTo, priceUah });
  }
  if (blocks.length === 0) {
    fields["blocks.0.priceUah"] = "block-0-price";
    blocks.push({ upTo: null, priceUah: "" });
  }
  const zones: AddInput["zones"] = [];
  for (const kind of [2, 3] as const) {
    const mine = ZONE_FIELDS.filter(([zones]) => zones === kind);
    if (mine.every(([, zone]) => v(`zone-${kind}-${zone}`) === "")) continue;
    for (const [, zone] of mine) {
      fields[`zones.${kind}.${zone}`] = `zone-${kind}-${zone}`;
      zones.push({
        zones: kind,
        zone,
        name: ZONE_NAMES[kind][zone - 1]!,
        coefficient: v(`zone-${kind}-${zone}`),
      });
    }
  }
  for (const kind of [2, 3]) fields[`zones.${kind}.1`] ??= `zone-${kind}-1`;
  const settlement = v("settlement");
  return {
    fields,
    input: {
      service: v("service") as AddInput["service"],
      settlementId: settlement === "" || settlement === "all" ? null : Number(settlement),
      effectiveFrom: v("effectiveFrom"),
      effectiveTo: v("effectiveTo") === "" ? null : v("effectiveTo"),
      fixedFeeKop,
      normPerResident: v("normPerResident") === "" ? null : v("normPerResident"),
      normPerM2: v("normPerM2") === "" ? null : v("normPerM2"),
      blocks,
      zones,
      source: v("source"),
      ...(v("endCurrent") === "1" ? { endCurrent: true } : {}),
    },
  };
}

export async function tariffsRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    provider: ConsoleProvider,
    state: { values?: Record<string, string>; errors?: FieldError[] },
    status = 200,
  ) => {
    const locale = request.locale;
    const query = request.query as Record<string, unknown>;
    const service = typeof query["service"] === "string" ? query["service"] : "";
    const settlement = typeof query["settlement"] === "string" ? query["settlement"] : "all";
    const settlementId = /^\d{1,9}$/.test(settlement) ? Number(settlement) : undefined;
    const list = await consoleCall(deps, request, "listTariffs", {
      provider: provider.key,
      ...(service ? { service: service as AddInput["service"] } : {}),
      ...(settlementId !== undefined ? { settlementId } : {}),
    });
    let notice: string | null = null;
    if (typeof query["added"] === "string" && DATE.test(query["added"])) {
      notice = format(TARIFFS.added, locale, { date: formatDate(query["added"], locale) });
      if (typeof query["ended"] === "string" && DATE.test(query["ended"]))
        notice += format(TARIFFS.ended, locale, { date: formatDate(query["ended"], locale) });
    }
    const errors = state.errors ?? [];
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(TARIFFS.title, locale),
        section: "tariffs",
        hasErrors: errors.length > 0,
        body: tariffsBody(ctx, {
          list,
          filter: { service, settlement },
          values: state.values ?? { service, settlement, fee: "0" },
          errors,
          notice,
          providerQuery: provider.query,
        }),
      }),
      status,
    );
  };

  app.get(
    "/console/tariffs",
    { schema: { hide: true }, preHandler: requireAdministrator },
    async (request, reply) => render(request, reply, await consoleProvider(deps, request), {}),
  );

  app.post(
    "/console/tariffs",
    { schema: { hide: true }, preHandler: requireAdministrator },
    async (request, reply) => {
      const provider = await consoleProvider(deps, request);
      const form = formOf(request);
      const parsed = tariffOf(form, request.locale);
      if ("errors" in parsed)
        return render(request, reply, provider, { values: form, errors: parsed.errors }, 422);
      try {
        const added = await consoleCall(deps, request, "addTariff", {
          provider: provider.key,
          ...parsed.input,
        });
        const sep = provider.query ? "&" : "?";
        const ended = added.ended ? `&ended=${added.ended.lastDay}` : "";
        return seeOther(
          reply,
          `/console/tariffs${provider.query}${sep}added=${added.tariff.effectiveFrom}${ended}`,
        );
      } catch (e) {
        const errors = fieldErrorsOf(e, request.locale, parsed.fields, null);
        return render(request, reply, provider, { values: form, errors }, (e as AppError).status);
      }
    },
  );
}
