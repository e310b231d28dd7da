// The console's own stylesheet (wide tables, the side navigation) on top of the cabinet's, and its script
// (live progress), served like the cabinet's under hashed names.
import { loadAsset } from "../web/assets.ts";

export const CONSOLE_STYLESHEET = loadAsset("console.css", "text/css; charset=utf-8", import.meta.url);
export const CONSOLE_SCRIPT = loadAsset("console.js", "text/javascript; charset=utf-8", import.meta.url);
