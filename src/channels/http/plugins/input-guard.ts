// One guard before validation, for every route: no control characters (NUL above all, which PostgreSQL refuses
// in text) in any string of the path, the query or the body, keys included. Such input is a mistake or an
// attack, never data; refusing it here answers 400 instead of a database error, whatever the route.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { invalidInput } from "../input-problem.ts";

// C0 controls and DEL, except tab, line feed and carriage return, which pasted text may carry.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const MAX_DEPTH = 32;

/** Where the first control character is ("" for the value itself), or null when there is none. */
export function controlCharacterAt(value: unknown, depth = 0): string | null {
  if (typeof value === "string") return CONTROL.test(value) ? "" : null;
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value) || depth > MAX_DEPTH) return null;
  for (const [key, item] of Object.entries(value)) {
    if (CONTROL.test(key)) return key.replace(/[\u0000-\u001F\u007F]/g, "?");
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
