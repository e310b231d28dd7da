// What the PBX's dialplan asks over HTTP, with Asterisk's CURL() (docs/voice.md):
//   POST /voice/calls/<uuid>        caller=<CALLERID(num)>&line=<EXTEN>&provider=<code>&key=<VOICE_PBX_KEY>
//     before AudioSocket(<uuid>, host:port): who is calling and whose line they dialled;
//   GET  /voice/calls/<uuid>/next?key=<VOICE_PBX_KEY>
//     after it: "operator" (the caller asked for one, or the bot could not help: transfer to the queue) or "hangup".
// Answers are plain text for the dialplan's variables. Without VOICE_PBX_KEY both are 404; a wrong key is 401.
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../services/deps.ts";
import { AppError } from "../../services/errors.ts";
import { callUseCase } from "../../services/registry.ts";
import { telephonyContext } from "./voice-context.ts";

const Params = {
  type: "object",
  properties: { callId: { type: "string", pattern: "^[0-9a-fA-F-]{36}$" } },
  required: ["callId"],
} as const;

function checkKey(expected: string | undefined, given: unknown): void {
  if (!expected) throw new AppError("not_found");
  const a = Buffer.from(expected);
  const b = Buffer.from(typeof given === "string" ? given : "");
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError("voice_pbx_key_invalid");
}

export async function pbxRoutes(app: FastifyInstance, opts: { deps: Deps; key: string | undefined }) {
  const { deps, key } = opts;
  // Asterisk's CURL(url, data) posts a form; registered in this plugin only.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.post<{ Params: { callId: string }; Body: Record<string, string | undefined> }>(
    "/voice/calls/:callId",
    {
      schema: {
        hide: true,
        params: Params,
        body: {
          type: "object",
          properties: {
            key: { type: "string", maxLength: 200 },
            caller: { type: "string", maxLength: 40 },
            line: { type: "string", maxLength: 64 },
            provider: { type: "string", maxLength: 60 },
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      checkKey(key, request.body?.["key"] ?? request.headers["x-abonent-pbx-key"]);
      const { caller, line, provider } = request.body ?? {};
      await callUseCase(deps, "announceVoiceCall", telephonyContext(), {
        callId: request.params.callId,
        ...(caller ? { caller } : {}),
        ...(line ? { line } : {}),
        ...(provider ? { provider } : {}),
      });
      return reply.type("text/plain; charset=utf-8").send("ok");
    },
  );

  app.get<{ Params: { callId: string }; Querystring: { key?: string } }>(
    "/voice/calls/:callId/next",
    {
      schema: {
        hide: true,
        params: Params,
        querystring: {
          type: "object",
          properties: { key: { type: "string", maxLength: 200 } },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      checkKey(key, request.query.key ?? request.headers["x-abonent-pbx-key"]);
      const { next } = await callUseCase(deps, "nextVoiceAction", telephonyContext(), {
        callId: request.params.callId,
      });
      return reply.type("text/plain; charset=utf-8").send(next);
    },
  );
}
