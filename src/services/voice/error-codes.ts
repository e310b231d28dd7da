// What the PBX's dialplan can be told: an announcement or a question without the installation's key.
import type { ErrorSpec } from "../error-spec.ts";

export const VOICE_ERROR_CODES = {
  voice_pbx_key_invalid: {
    status: 401,
    message: {
      uk: "Ключ телефонної станції не збігається.",
      ru: "Ключ телефонной станции не совпадает.",
      en: "The PBX's key does not match.",
    },
  },
} as const satisfies Record<string, ErrorSpec>;
