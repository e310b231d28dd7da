// The account id in a cabinet path (/money/:accountId, /pay/:accountId).
import type { FastifyRequest } from "fastify";
import { AppError } from "../../../services/errors.ts";

/** The account id of the path; anything else is "not found", as someone else's account is. */
export function accountIdOf(request: FastifyRequest): number {
  const text = (request.params as { accountId?: string }).accountId ?? "";
  const id = /^[1-9]\d{0,14}$/.test(text) ? Number(text) : 0;
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("not_found");
  return id;
}
