// The JSON shapes of a provider's contact schedule, shared by the residents' contacts and the console's
// contact-centre settings.
import { Type } from "typebox";
import { Translated } from "../schemas.ts";

export const ContactLine = Type.Union([Type.Literal("contact_centre"), Type.Literal("voice")], {
  description: "contact_centre: the operators' phones; voice: the voice bot that takes readings",
});
export const TimeOfDay = Type.String({
  pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$",
  description: "HH:MM, Kyiv time",
});
export const LocalDateText = Type.String({
  pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
  description: "YYYY-MM-DD",
});

export const HoursException = Type.Object({
  date: LocalDateText,
  line: ContactLine,
  opens: Type.Union([Type.String(), Type.Null()], { description: "HH:MM; null with closes: closed all day" }),
  closes: Type.Union([Type.String(), Type.Null()]),
  note: Translated,
});

export const LineStatus = Type.Object(
  {
    open: Type.Boolean(),
    closesAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
    nextOpensAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()], {
      description: "null while open, or when it opens on none of the next 62 days",
    }),
  },
  { description: "Whether the line answers at this moment (Kyiv time), until when, or when it next opens" },
);
