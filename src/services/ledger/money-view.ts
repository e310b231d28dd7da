// How the money views show an amount: exact kopiykas for programs, and the hryvnias as a decimal string
// ("1234.56") for people and bots that print it as it is.
import { Type } from "typebox";
import { type Kopiykas, uahString } from "../../domain/money.ts";

export const MoneySchema = Type.Object(
  {
    kop: Type.Integer({ description: "Kopiykas: positive owed, negative paid ahead" }),
    uah: Type.String({ description: 'Hryvnias, dot decimal, no grouping: "1234.56"' }),
  },
  { additionalProperties: false },
);

export interface Money {
  kop: number;
  uah: string;
}

export function money(k: Kopiykas): Money {
  return { kop: k, uah: uahString(k) };
}
