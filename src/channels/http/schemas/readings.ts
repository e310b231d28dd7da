// JSON schemas of the readings API: validation on the way in, serialisation on the way out, and the
// OpenAPI document, from one source.
import { idSchema } from "./common.ts";

const translated = {
  type: "object",
  required: ["uk", "ru", "en"],
  properties: { uk: { type: "string" }, ru: { type: "string" }, en: { type: "string" } },
} as const;

const occurrence = {
  type: "object",
  required: ["period", "opensOn", "closesOn", "opensAt", "closesAt"],
  properties: {
    period: {
      type: "string",
      description: "The billing month (YYYY-MM) whose consumption these readings close",
    },
    opensOn: { type: "string", format: "date" },
    closesOn: { type: "string", format: "date", description: "Inclusive, Europe/Kyiv" },
    opensAt: { type: "string", format: "date-time" },
    closesAt: { type: "string", format: "date-time", description: "Exclusive" },
  },
} as const;

export const windowStatusSchema = {
  $id: "WindowStatus",
  type: "object",
  required: [
    "open",
    "current",
    "daysLeft",
    "next",
    "deemedDateRule",
    "latePolicy",
    "opensDay",
    "closesDay",
    "ruleSource",
  ],
  properties: {
    open: { type: "boolean" },
    current: { anyOf: [{ type: "null" }, occurrence] },
    daysLeft: { type: ["integer", "null"], description: "Kyiv calendar days left, today included" },
    next: occurrence,
    deemedDateRule: { type: "string", enum: ["submission_day", "first_of_month"] },
    latePolicy: { type: "string", enum: ["refuse", "next_period"] },
    opensDay: { type: "integer" },
    closesDay: { type: "integer" },
    ruleSource: { type: "string" },
  },
} as const;

export const accountSummarySchema = {
  $id: "AccountSummary",
  type: "object",
  required: ["id", "number", "holderName", "provider", "address", "services"],
  properties: {
    id: { type: "integer" },
    number: { type: "string", description: "As printed on the provider's bills" },
    holderName: { type: "string" },
    provider: {
      type: "object",
      required: ["id", "code", "name"],
      properties: { id: { type: "integer" }, code: { type: "string" }, name: translated },
    },
    address: {
      type: "object",
      required: ["settlement", "street", "building", "apartment"],
      properties: {
        settlement: translated,
        street: { type: "string" },
        building: { type: "string" },
        apartment: { type: ["string", "null"] },
      },
    },
    services: { type: "array", items: { type: "string" } },
  },
} as const;

export const meterSchema = {
  $id: "Meter",
  type: "object",
  required: ["id", "service", "serial", "zones", "digits", "decimals", "lastReadings", "window"],
  properties: {
    id: { type: "integer" },
    service: { type: "string" },
    serial: { type: "string" },
    zones: { type: "integer", minimum: 1, maximum: 3 },
    digits: { type: "integer" },
    decimals: { type: "integer" },
    verificationDue: { type: ["string", "null"], format: "date" },
    installedOn: { type: "string", format: "date" },
    removedOn: { type: ["string", "null"], format: "date" },
    lastReadings: {
      type: "array",
      items: {
        type: "object",
        required: ["zone", "value", "deemedOn", "status", "receipt", "channel"],
        properties: {
          zone: { type: "integer" },
          value: { type: "string" },
          deemedOn: { type: "string", format: "date" },
          period: { type: "string", description: "The month the reading is for, YYYY-MM" },
          status: { type: "string" },
          receipt: { type: "string" },
          channel: { type: "string" },
        },
      },
    },
    window: { $ref: "WindowStatus#" },
    rejected: {
      type: "array",
      description: "Readings an operator rejected that nothing was sent after, with the reason given",
      items: {
        type: "object",
        required: ["zone", "value", "deemedOn", "period", "receipt", "reason", "reviewedAt"],
        properties: {
          zone: { type: "integer" },
          value: { type: "string" },
          deemedOn: { type: "string", format: "date" },
          period: { type: "string" },
          receipt: { type: "string" },
          reason: { type: ["string", "null"] },
          reviewedAt: { type: "string", format: "date-time" },
        },
      },
    },
  },
} as const;

const zoneOutcome = {
  type: "object",
  required: ["zone", "value", "previous", "consumption", "rollover"],
  properties: {
    zone: { type: "integer" },
    value: { type: "string" },
    previous: {
      anyOf: [
        { type: "null" },
        {
          type: "object",
          required: ["value", "deemedOn"],
          properties: { value: { type: "string" }, deemedOn: { type: "string", format: "date" } },
        },
      ],
    },
    consumption: { type: ["string", "null"] },
    rollover: { type: "boolean" },
  },
} as const;

export const submitReadingBodySchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    meterId: idSchema,
    service: {
      type: "string",
      enum: ["electricity", "cold_water", "hot_water", "gas", "heating", "sewerage"],
    },
    value: { type: "string", maxLength: 40, description: "Shortcut for a single-zone meter" },
    values: {
      type: "array",
      minItems: 1,
      maxItems: 3,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["zone", "value"],
        properties: {
          zone: { type: "integer", minimum: 1, maximum: 3 },
          value: { type: "string", maxLength: 40 },
        },
      },
    },
    confirmed: { type: "boolean", description: "The resident confirms an unusually high reading" },
  },
  oneOf: [{ required: ["value"] }, { required: ["values"] }],
} as const;

export const submitReadingResultSchema = {
  $id: "SubmitReadingResult",
  type: "object",
  required: ["status", "meterId", "zones"],
  properties: {
    status: { type: "string", enum: ["accepted", "needs_confirmation"] },
    meterId: { type: "integer" },
    receipt: { type: "string", description: "Quote it to an operator: XXXX-XXXX" },
    period: { type: "string" },
    deemedOn: { type: "string", format: "date" },
    late: { type: "boolean" },
    correction: { type: "boolean" },
    unchanged: { type: "boolean" },
    review: { type: "boolean" },
    reason: { type: "string", enum: ["above_own_average", "above_service_limit"] },
    factor: { type: ["number", "null"] },
    zones: { type: "array", items: zoneOutcome },
  },
} as const;

export const readingSchema = {
  $id: "Reading",
  type: "object",
  required: [
    "id",
    "zone",
    "value",
    "kind",
    "status",
    "period",
    "deemedOn",
    "submittedAt",
    "channel",
    "receipt",
  ],
  properties: {
    id: { type: "integer" },
    zone: { type: "integer" },
    value: { type: "string" },
    kind: { type: "string", enum: ["initial", "regular", "final"] },
    status: { type: "string", enum: ["accepted", "pending_review", "rejected", "superseded"] },
    period: { type: "string" },
    deemedOn: { type: "string", format: "date" },
    submittedAt: { type: "string", format: "date-time" },
    channel: { type: "string" },
    receipt: { type: "string" },
    rawInput: { type: ["string", "null"] },
    correctsReadingId: { type: ["integer", "null"] },
    reviewReason: { type: ["string", "null"] },
    reviewNote: {
      type: ["string", "null"],
      description: "Why an operator rejected it, as the resident reads it",
    },
    reviewedAt: { type: ["string", "null"], format: "date-time" },
  },
} as const;

export const errorSchema = {
  $id: "Error",
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string", description: "In the language of Accept-Language (uk by default)" },
        details: { type: "object", additionalProperties: true },
      },
    },
  },
} as const;

export const readingSchemas = [
  windowStatusSchema,
  accountSummarySchema,
  meterSchema,
  submitReadingResultSchema,
  readingSchema,
  errorSchema,
];
