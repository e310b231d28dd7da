// "/": the sign-in form for a visitor, the home page for a signed-in resident.
import type { FastifyInstance } from "fastify";
import { html } from "../html.ts";
import { type CabinetOptions, localPath, sendPage, webCall } from "../web-request.ts";
import { sendSignIn } from "./sign-in.ts";

export async function homeRoutes(app: FastifyInstance, opts: CabinetOptions) {
  const { deps } = opts;
  app.get("/", { schema: { hide: true } }, async (request, reply) => {
    if (!request.actor) {
      const next = localPath((request.query as Record<string, unknown>)["next"], "");
      return sendSignIn(request, reply, next ? { next } : {});
    }
    const accounts = await webCall(deps, request, "listMyAccounts", {});
    return sendPage(request, reply, {
      title: "Абонент",
      section: "home",
      body: html`<h1>Абонент</h1><ul>${accounts.map((a) => html`<li>${a.number}</li>`)}</ul>`,
    });
  });
}
