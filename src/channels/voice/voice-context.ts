// Who the telephony is when it calls a use case of its own (the call's record, the PBX's announcements): it holds
// the installation's credentials (the AudioSocket port on the PBX's network, VOICE_PBX_KEY), so, like the SMS
// gateways, it acts as the platform's operator, by the "voice" door. What a caller does goes through the ordinary
// use cases as the provider's voice line, never in this context.
import type { Locale } from "../../i18n/locale.ts";
import type { UseCaseContext } from "../../services/context.ts";

export function telephonyContext(locale: Locale = "uk"): UseCaseContext {
  return { actor: { kind: "platform_admin", userId: 0, locale }, channel: "voice", locale };
}
