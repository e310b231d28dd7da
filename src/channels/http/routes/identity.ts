// Signing up, signing in by code, resetting a password, signing out everywhere, my language, my addresses and
// where my reminders go.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function identityRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "startSignUp", { method: "POST", url: "/api/sign-up" });
  routeUseCase(app, deps, "confirmSignUp", {
    method: "POST",
    url: "/api/sign-up/confirm",
    status: () => 201,
    responses: { 201: { $ref: "SignedIn#" } },
  });
  routeUseCase(app, deps, "requestSignInCode", { method: "POST", url: "/api/sign-in-code" });
  routeUseCase(app, deps, "confirmSignInCode", { method: "POST", url: "/api/session/code" });
  routeUseCase(app, deps, "requestPasswordReset", { method: "POST", url: "/api/password-reset" });
  routeUseCase(app, deps, "confirmPasswordReset", { method: "POST", url: "/api/password-reset/confirm" });
  routeUseCase(app, deps, "signOutEverywhere", {
    method: "DELETE",
    url: "/api/sessions",
    credential: "session",
  });
  routeUseCase(app, deps, "setMyLanguage", { method: "PUT", url: "/api/me/language" });
  routeUseCase(app, deps, "listMyIdentities", { method: "GET", url: "/api/me/identities" });
  // A new address is a new way to sign in: only from a session, never with a personal API token (a leaked
  // token must not be able to add its holder's address and take the cabinet over).
  routeUseCase(app, deps, "requestIdentityCode", {
    method: "POST",
    url: "/api/me/identities",
    credential: "session",
  });
  routeUseCase(app, deps, "confirmIdentity", {
    method: "POST",
    url: "/api/me/identities/confirm",
    credential: "session",
    success: 201,
  });
  routeUseCase(app, deps, "getMySettings", { method: "GET", url: "/api/me/settings" });
  routeUseCase(app, deps, "setReminderChannel", { method: "PUT", url: "/api/me/reminder-channel" });
}
