// Schemas every area shares, so that each route refuses the same impossible values the same way (400) before
// they reach a service or the database.

/** A row id: a positive whole number a bigint column can hold and JavaScript can count exactly. */
export const idSchema = { type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;

/** A calendar date the platform can hold records for: real (no 30 February), in this century. */
export const localDateSchema = {
  type: "string",
  format: "date",
  formatMinimum: "2000-01-01",
  formatMaximum: "2099-12-31",
  description: "YYYY-MM-DD, from 2000-01-01 to 2099-12-31",
} as const;
