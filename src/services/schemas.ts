// TypeBox schemas every area's use cases share, so each refuses the same impossible values the same way
// (validation_failed) on every channel, before they reach a service or the database.
import { type Static, type TSchema, type TUnsafe, Type } from "typebox";

/** A row id: a positive whole number a bigint column can hold and JavaScript can count exactly. */
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

/** A calendar date the platform can hold records for: real (no 30 February), in this century. */
export const LocalDate = Type.String({
  format: "date",
  formatMinimum: "2000-01-01",
  formatMaximum: "2099-12-31",
  description: "YYYY-MM-DD, from 2000-01-01 to 2099-12-31",
});

/** A billing month. */
export const Period = Type.String({ pattern: "^\\d{4}-\\d{2}$", description: "YYYY-MM" });

export const ServiceCode = Type.Union(
  (["electricity", "cold_water", "hot_water", "gas", "heating", "sewerage"] as const).map((s) =>
    Type.Literal(s),
  ),
);

export const Translated = Type.Object({ uk: Type.String(), ru: Type.String(), en: Type.String() });

/** A shared JSON schema registered with the HTTP app under its $id, typed by the service's own type. */
export function Ref<T>(id: string): TUnsafe<T> {
  return Type.Unsafe<T>({ $ref: `${id}#` });
}

export const Nothing = Type.Object({});

export type { Static, TSchema };
