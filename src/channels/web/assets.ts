// The cabinet's stylesheet and script, served from the app itself under names that carry a hash of their
// content, so a browser caches them for a year and a new release is fetched at once. No third-party origin.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";

interface Asset {
  path: string;
  type: string;
  body: Buffer;
}

function load(file: string, type: string): Asset {
  const body = readFileSync(new URL(`./assets/${file}`, import.meta.url));
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  const [name, ext] = file.split(".") as [string, string];
  return { path: `/assets/${name}.${hash}.${ext}`, type, body };
}

export const STYLESHEET = load("cabinet.css", "text/css; charset=utf-8");
export const SCRIPT = load("cabinet.js", "text/javascript; charset=utf-8");

export async function assetRoutes(app: FastifyInstance) {
  for (const asset of [STYLESHEET, SCRIPT]) {
    app.get(asset.path, { schema: { hide: true } }, async (_request, reply) =>
      reply.header("cache-control", "public, max-age=31536000, immutable").type(asset.type).send(asset.body),
    );
  }
}
