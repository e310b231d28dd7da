// The identity area of the cabinet: signing up, signing in with a code, resetting a password, and settings (with
// the code that links a messenger chat).
import type { FastifyInstance } from "fastify";
import type { CabinetOptions } from "../web-request.ts";
import { chatLinkRoutes } from "./chat-link.ts";
import { passwordResetRoutes } from "./password-reset.ts";
import { settingsRoutes } from "./settings.ts";
import { signInCodeRoutes } from "./sign-in-code.ts";
import { signUpRoutes } from "./sign-up.ts";

export async function identityPageRoutes(app: FastifyInstance, opts: CabinetOptions) {
  await app.register(signUpRoutes, opts);
  await app.register(signInCodeRoutes, opts);
  await app.register(passwordResetRoutes, opts);
  await app.register(settingsRoutes, opts);
  await app.register(chatLinkRoutes, opts);
}
