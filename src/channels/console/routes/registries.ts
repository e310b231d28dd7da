// /console/registries: an administrator uploads a bank's registry file (multipart/form-data, the only such form
// of the console: @fastify/multipart is registered in this plugin alone, with the API's size limit), imports it
// through importPaymentRegistry and goes to its report, /console/registries/:id, read back from what the import
// kept. The same file twice is refused beside the form unless "import again" is ticked. /console/registries/sources
// lists the registry sources: a platform administrator edits them, a provider's administrator reads the ones its
// files may come through.
import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseUah } from "../../../domain/money.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { InputOf } from "../../../services/registry.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleProvider, consoleProvider } from "../console-provider.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
  staffOf,
} from "../console-request.ts";
import { REGISTRIES } from "../messages/registries.ts";
import {
  registriesBody,
  registryReportBody,
  type SourceForm,
  sourceEditBody,
  sourceFormOf,
  sourcesBody,
  sourcesFormFields,
} from "../views/registries-page.ts";

/** As the API's upload (channels/http/routes/payment-registries.ts): a large provider's day is a few megabytes. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** The upload as the route reads it: the form's text fields, and the file with the name the browser gave it. */
interface Upload {
  fields: Record<string, string>;
  file: { name: string; bytes: Buffer } | null;
}

declare module "fastify" {
  interface FastifyRequest {
    registryUpload?: Upload;
  }
}

export async function registriesConsoleRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const admin = { preHandler: requireAdministrator, schema: { hide: true } };

  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 1_000, parts: 12 },
  });
  // The parts as plain values before the cabinet's CSRF check (a preHandler) reads the token from the body.
  app.addHook("preValidation", async (request) => {
    if (!request.isMultipart()) return;
    const upload: Upload = { fields: {}, file: null };
    for (const part of Object.values((request.body ?? {}) as Record<string, unknown>)) {
      const p = part as {
        type?: string;
        fieldname: string;
        value?: unknown;
        filename?: string;
        _buf?: Buffer;
      };
      if (p.type === "field" && typeof p.value === "string") upload.fields[p.fieldname] = p.value;
      if (p.type === "file" && p.filename && p._buf) upload.file = { name: p.filename, bytes: p._buf };
    }
    request.registryUpload = upload;
    request.body = upload.fields;
  });

  const sendRegistriesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    provider: ConsoleProvider,
    state: { source?: string; errors?: FieldError[] } = {},
    status = 200,
  ) => {
    const [sources, { registries }] = await Promise.all([
      consoleCall(deps, request, "listProviderRegistrySources", { provider: provider.key }),
      consoleCall(deps, request, "listPaymentRegistries", { provider: provider.key, limit: 30 }),
    ]);
    const errors = state.errors ?? [];
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(REGISTRIES.title, ctx.locale),
        section: "registries",
        hasErrors: errors.length > 0,
        body: registriesBody(ctx, {
          sources,
          registries,
          source: state.source ?? "standard",
          errors,
          providerQuery: provider.query,
        }),
      }),
      status,
    );
  };

  app.get("/console/registries", admin, async (request, reply) =>
    sendRegistriesPage(request, reply, await consoleProvider(deps, request)),
  );

  app.post("/console/registries", { ...admin, config: { form: true } }, async (request, reply) => {
    const provider = await consoleProvider(deps, request);
    const upload = request.registryUpload;
    if (!upload) throw new AppError("unsupported_media_type");
    const source = upload.fields["source"] ?? "";
    const missing: FieldError[] = [];
    if (!source)
      missing.push({ field: "registry-source", message: format(REGISTRIES.sourceMissing, request.locale) });
    if (!upload.file)
      missing.push({ field: "registry-file", message: format(REGISTRIES.fileMissing, request.locale) });
    if (missing.length > 0 || !upload.file) {
      return sendRegistriesPage(request, reply, provider, { source, errors: missing }, 400);
    }
    try {
      const report = await consoleCall(deps, request, "importPaymentRegistry", {
        provider: provider.key,
        source,
        fileName: upload.file.name.slice(0, 200),
        content: upload.file.bytes,
        again: upload.fields["again"] === "1",
      });
      const sep = provider.query ? "&" : "?";
      return seeOther(reply, `/console/registries/${report.registryId}${provider.query}${sep}done=imported`);
    } catch (e) {
      const errors = fieldErrorsOf(e, request.locale, { source: "registry-source" }, "registry-file");
      return sendRegistriesPage(request, reply, provider, { source, errors }, (e as AppError).status);
    }
  });

  app.get("/console/registries/sources", admin, async (request, reply) => {
    const editable = staffOf(request).kind === "platform_admin";
    const provider = editable ? null : await consoleProvider(deps, request);
    const sources = editable
      ? await consoleCall(deps, request, "listRegistrySources", {})
      : await consoleCall(deps, request, "listProviderRegistrySources", { provider: provider!.key });
    const saved = (request.query as Record<string, string | undefined>)["saved"];
    return sendConsolePage(request, reply, (ctx) => ({
      title: format(REGISTRIES.sourcesTitle, ctx.locale),
      section: "registries",
      body: sourcesBody(ctx, sources, {
        editable,
        notice: saved ? format(REGISTRIES.saved, ctx.locale, { name: saved }) : null,
        providerQuery: provider?.query ?? "",
      }),
    }));
  });

  // Changing a source is the platform administrator's: anyone else is told "forbidden", as the use case would.
  const platformOnly = async (request: FastifyRequest) => {
    if (staffOf(request).kind !== "platform_admin") throw new AppError("forbidden");
  };
  const sendSourceForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { existing: boolean; form: SourceForm; errors: FieldError[] },
    status = 200,
  ) =>
    sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(REGISTRIES.sourcesTitle, ctx.locale),
        section: "registries",
        hasErrors: o.errors.length > 0,
        body: sourceEditBody(ctx, o),
      }),
      status,
    );

  app.get<{ Params: { name: string } }>(
    "/console/registries/sources/:name",
    { preHandler: platformOnly, schema: { hide: true } },
    async (request, reply) => {
      const { name } = request.params;
      if (name === "new")
        return sendSourceForm(request, reply, { existing: false, form: sourceFormOf(null), errors: [] });
      const sources = await consoleCall(deps, request, "listRegistrySources", {});
      const source = sources.find((s) => s.name === name);
      if (!source) throw new AppError("not_found");
      return sendSourceForm(request, reply, { existing: true, form: sourceFormOf(source), errors: [] });
    },
  );

  app.post<{ Params: { name: string } }>(
    "/console/registries/sources/:name",
    { preHandler: platformOnly, schema: { hide: true }, config: { form: true } },
    async (request, reply) => {
      const existing = request.params.name !== "new";
      const form = formOf(request);
      if (existing) form["name"] = request.params.name;
      const read = sourceInput(form, request.locale);
      if ("errors" in read)
        return sendSourceForm(request, reply, { existing, form, errors: read.errors }, 400);
      try {
        await consoleCall(deps, request, "saveRegistrySource", read.input);
      } catch (e) {
        const errors = fieldErrorsOf(e, request.locale, sourcesFormFields, "source-name");
        return sendSourceForm(request, reply, { existing, form, errors }, (e as AppError).status);
      }
      return seeOther(reply, `/console/registries/sources?saved=${encodeURIComponent(read.input.name)}`);
    },
  );

  app.get("/console/registries/:id", admin, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    if (!/^[1-9][0-9]{0,14}$/.test(id)) throw new AppError("not_found");
    const report = await consoleCall(deps, request, "getPaymentRegistry", { registryId: Number(id) });
    const query = request.query as Record<string, string | undefined>;
    const provider = query["provider"] ? `?provider=${encodeURIComponent(query["provider"])}` : "";
    return sendConsolePage(request, reply, (ctx) => ({
      title: format(REGISTRIES.reportTitle, ctx.locale, { file: report.fileName }),
      section: "registries",
      body: registryReportBody(ctx, report, {
        justImported: query["done"] === "imported",
        providerQuery: provider,
      }),
    }));
  });
}

/** The source form as saveRegistrySource's input; what cannot be read is said beside its field. */
function sourceInput(
  form: Record<string, string>,
  locale: FastifyRequest["locale"],
): { input: InputOf<"saveRegistrySource"> } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const count = (key: string) => {
    const text = (form[key] ?? "").trim();
    if (!/^\d{1,3}$/.test(text) || Number(text) > 100) {
      errors.push({ field: `source-${key}`, message: format(REGISTRIES.countInvalid, locale) });
      return 0;
    }
    return Number(text);
  };
  let maxAmountKop = 0;
  try {
    maxAmountKop = parseUah((form["maxAmount"] ?? "").trim());
    if (maxAmountKop <= 0) throw new Error("not positive");
  } catch {
    errors.push({ field: "source-maxAmount", message: format(REGISTRIES.amountInvalid, locale) });
  }
  const skipFirstLines = count("skipFirst");
  const skipLastLines = count("skipLast");
  if (errors.length > 0) return { errors };
  const columns = Object.fromEntries(
    Object.entries(form)
      .filter(([k]) => k.startsWith("col-"))
      .map(([k, v]) => {
        const text = v.trim();
        return [k.slice(4), text === "" ? null : /^\d{1,3}$/.test(text) ? Number(text) : text];
      }),
  );
  const delimiter = form["delimiter"] === "TAB" ? "\t" : (form["delimiter"] ?? ",");
  const provider = (form["provider"] ?? "").trim();
  return {
    input: {
      name: (form["name"] ?? "").trim(),
      description: (form["description"] ?? "").trim(),
      provider: provider === "" ? null : provider,
      encoding: form["encoding"] as "auto" | "utf-8" | "windows-1251",
      delimiter,
      decimalSeparator: form["decimal"] === "," ? "," : ".",
      dateFormat: form["dateFormat"] as InputOf<"saveRegistrySource">["dateFormat"] & string,
      header: form["header"] !== "0",
      maxAmountKop,
      skipFirstLines,
      skipLastLines,
      columns: columns as InputOf<"saveRegistrySource">["columns"] & object,
    },
  };
}
