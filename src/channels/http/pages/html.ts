// Server-rendered pages: escaping and one plain, accessible layout (no JavaScript needed anywhere).
import { createHash } from "node:crypto";
import type { Locale } from "../../../i18n/locale.ts";

export { esc, type Html, html, raw } from "../../web/html.ts";

import { esc, type Html } from "../../web/html.ts";

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d1f23;line-height:1.5}
main{max-width:32rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}
label{display:block;font-weight:600;margin-top:1rem}
input{font-size:1.1rem;padding:.4rem;width:100%;box-sizing:border-box;border:1px solid #767676;border-radius:4px}
input[aria-invalid=true]{border:2px solid #b00020}
.hint{color:#444;font-size:.9rem;margin:.2rem 0 0}
.error{color:#b00020;font-weight:600;margin:.2rem 0 0}
.alert{border:2px solid #b00020;padding:.5rem 1rem;border-radius:4px}
.ok{border:2px solid #1b7f3b;padding:.5rem 1rem;border-radius:4px}
button,.button{font-size:1.1rem;margin-top:1.5rem;padding:.6rem 1.2rem;background:#1657b5;color:#fff;border:0;border-radius:4px;cursor:pointer;text-decoration:none;display:inline-block}
.amount{font-size:1.6rem;font-weight:700}
nav.langs form{display:inline}
nav.langs button,nav.langs a{font-size:.9rem;margin:0 .5rem 0 0;padding:0;background:none;color:#1657b5;text-decoration:underline}
.demo{background:#fff4ce;padding:.5rem 1rem;border-radius:4px}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
`;

/** The Content-Security-Policy source that allows the pages' one inline style and nothing else inline. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;

export function page(options: { locale: Locale; title: string; body: Html }): string {
  return `<!doctype html>
<html lang="${options.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${options.body.html}
</main>
</body>
</html>
`;
}

export const LANGUAGE_NAMES: Record<Locale, string> = { uk: "Українська", ru: "Русский", en: "English" };
