// Forgot the password: a code to a known e-mail or phone; the same answer for an unknown one.
import type { Deps } from "../deps.ts";
import { requestCodeForPerson } from "./request-sign-in-code.ts";

export function requestPasswordReset(deps: Deps, options: { login: string; client?: string }) {
  return requestCodeForPerson(deps, {
    ...options,
    purpose: "reset_password",
    template: "reset_password_code",
  });
}
