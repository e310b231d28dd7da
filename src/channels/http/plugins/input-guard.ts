// One guard before validation, for every route: no control characters (NUL above all, which PostgreSQL refuses
// in text) and no lone UTF-16 surrogates (not text at all: PostgreSQL refuses them in json, e.g. an audit row's
// details) in any string of the path, the query or the body, keys included. Such input is a mistake or an
// attack, never data; refusing it here answers 400 instead of a database error, whatever the route.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { invalidInput } from "../../../services/input-problem.ts";

/** C0 controls and DEL, except tab, line feed and carriage return, which pasted text may carry. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return LONE_SURROGATE.test(text);
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MAX_DEPTH = 32;

/** Where the first control character is ("" for the value itself), or null when there is none. */
export function controlCharacterAt(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return hasControl(value) ? "" : null;
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value) || depth > MAX_DEPTH) return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasControl(key)) return [...key].map((c) => (isControl(c.charCodeAt(0)) ? "?" : c)).join("");
    const inner = controlCharacterAt(item, depth + 1);
    if (inner !== null) return inner ? `${key}.${inner}` : key;
  }
  return null;
}

export const inputGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    for (const [where, value] of [
      ["path", request.params],
      ["query", request.query],
      ["body", request.body],
    ] as const) {
      const field = controlCharacterAt(value);
      if (field !== null)
        throw invalidInput({ field: field || where, in: where, rule: "control_characters" });
    }
  });
});
