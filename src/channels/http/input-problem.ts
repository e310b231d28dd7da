// Schema validation's errors (ajv's) as the one problem to tell a person about (services/input-problem.ts).
import type { FastifySchemaValidationError, SchemaErrorDataVar } from "fastify/types/schema.js";
import type { InputProblem } from "../../services/input-problem.ts";

const IN: Record<string, string> = { body: "body", querystring: "query", params: "path", headers: "header" };

type AjvError = FastifySchemaValidationError & { schema?: unknown; parentSchema?: { description?: unknown } };

const fieldOf = (instancePath: string, property?: unknown) =>
  [...instancePath.split("/").slice(1), ...(property === undefined ? [] : [String(property) || '""'])].join(
    ".",
  );

/** The one problem to tell a person about, from ajv's errors (verbose, so each carries its schema). */
export function problemFromAjv(errors: AjvError[], context: SchemaErrorDataVar | string): InputProblem {
  const where = IN[context] ?? context;
  const at = (instancePath: string, property?: unknown) => fieldOf(instancePath, property) || where;
  // A oneOf/anyOf reports its branches' errors and then its own; branches that each require one field mean
  // "exactly one of these fields".
  const combinator = errors.find((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
  if (combinator && Array.isArray(combinator.schema)) {
    const branches = combinator.schema as Record<string, unknown>[];
    const required = branches.map((b) =>
      Array.isArray(b["required"]) && Object.keys(b).length === 1 ? b["required"] : null,
    );
    if (required.every((r) => r?.length === 1)) {
      const fields = required.map((r) => String(r![0]));
      const prefix = fieldOf(combinator.instancePath);
      return {
        field: fields.map((f) => (prefix ? `${prefix}.${f}` : f)).join(", "),
        in: where,
        rule: "oneOf",
        fields,
      };
    }
    const types = errors.filter((e) => e.keyword === "type" && e.instancePath === combinator.instancePath);
    if (types.length === branches.length) {
      return {
        field: at(combinator.instancePath),
        in: where,
        rule: "type",
        type: types.map((e) => e.params["type"]).join(","),
      };
    }
  }
  const e = errors.find((x) => x.keyword !== "oneOf" && x.keyword !== "anyOf") ?? errors[0];
  if (!e) return { field: where, in: where, rule: "invalid" };
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { field: at(e.instancePath, params["missingProperty"]), in: where, rule: "required" };
    case "additionalProperties":
      return {
        field: at(e.instancePath, params["additionalProperty"]),
        in: where,
        rule: "additionalProperties",
      };
    case "type":
      return { field: at(e.instancePath), in: where, rule: "type", type: String(params["type"]) };
    case "enum":
      return { field: at(e.instancePath), in: where, rule: "enum", values: params["allowedValues"] };
    case "const":
      return { field: at(e.instancePath), in: where, rule: "enum", values: [params["allowedValue"]] };
    case "format":
      return { field: at(e.instancePath), in: where, rule: "format", format: params["format"] };
    case "pattern":
      return { field: at(e.instancePath), in: where, rule: "pattern", hint: e.parentSchema?.description };
    default:
      if ("limit" in params)
        return { field: at(e.instancePath), in: where, rule: e.keyword, limit: params["limit"] };
      return { field: at(e.instancePath), in: where, rule: "invalid" };
  }
}
