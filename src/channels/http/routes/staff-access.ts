// Staff access over HTTP: a provider's staff and invitations, accepting an invitation, the platform's providers,
// one's own two-step sign-in, and the audit log. Two-step sign-in is managed from a session only: a leaked personal
// API token must not be able to turn it off or replace it.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { routeUseCase } from "../use-case-route.ts";

export async function staffAccessRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  routeUseCase(app, deps, "listStaff", { method: "GET", url: "/api/staff" });
  routeUseCase(app, deps, "inviteStaff", { method: "POST", url: "/api/staff/invitations", success: 201 });
  routeUseCase(app, deps, "revokeInvitation", {
    method: "DELETE",
    url: "/api/staff/invitations/:invitationId",
    success: 204,
    send: (reply) => reply.status(204).send(),
  });
  routeUseCase(app, deps, "removeStaff", {
    method: "DELETE",
    url: "/api/staff/:userId",
    success: 204,
    send: (reply) => reply.status(204).send(),
  });
  routeUseCase(app, deps, "getInvitation", { method: "GET", url: "/api/invitation" });
  routeUseCase(app, deps, "acceptInvitation", { method: "POST", url: "/api/invitation/accept" });
  routeUseCase(app, deps, "listAllProviders", { method: "GET", url: "/api/platform/providers" });
  routeUseCase(app, deps, "createProvider", { method: "POST", url: "/api/platform/providers", success: 201 });
  routeUseCase(app, deps, "getTwoFactorStatus", {
    method: "GET",
    url: "/api/me/two-factor",
    credential: "session",
  });
  routeUseCase(app, deps, "startTwoFactorEnrolment", {
    method: "POST",
    url: "/api/me/two-factor",
    credential: "session",
  });
  routeUseCase(app, deps, "confirmTwoFactorEnrolment", {
    method: "POST",
    url: "/api/me/two-factor/confirm",
    credential: "session",
  });
  routeUseCase(app, deps, "disableTwoFactor", {
    method: "POST",
    url: "/api/me/two-factor/disable",
    credential: "session",
  });
  routeUseCase(app, deps, "listAuditLog", { method: "GET", url: "/api/audit" });
}
