// Signing up, signing in by code, resetting a password, signing out everywhere, my language.
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
}
