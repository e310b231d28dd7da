// The cabinet's stylesheet and script, served from the app itself under names that carry a hash of their
// content, so a browser caches them for a year and a new release is fetched at once. No third-party origin.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";

export interface Asset {
  path: string;
  type: string;
  body: Buffer;
}

/** An asset file beside `base` (a module's import.meta.url) in its assets/ folder, named by its content's hash. */
export function loadAsset(file: string, type: string, base: string = import.meta.url): Asset {
  const body = readFileSync(new URL(`./assets/${file}`, base));
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  const [name, ext] = file.split(".") as [string, string];
  return { path: `/assets/${name}.${hash}.${ext}`, type, body };
}

export const STYLESHEET = loadAsset("cabinet.css", "text/css; charset=utf-8");
export const SCRIPT = loadAsset("cabinet.js", "text/javascript; charset=utf-8");

/** Serves assets at their hashed paths, cached for a year. */
export function serveAssets(app: FastifyInstance, assets: readonly Asset[]): void {
  for (const asset of assets) {
    app.get(asset.path, { schema: { hide: true } }, async (_request, reply) =>
      reply.header("cache-control", "public, max-age=31536000, immutable").type(asset.type).send(asset.body),
    );
  }
}

export async function assetRoutes(app: FastifyInstance) {
  serveAssets(app, [STYLESHEET, SCRIPT]);
}
