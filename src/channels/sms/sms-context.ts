// Who the SMS gateways are when they call a use case of their own (who sent a text, once per message id, the
// reply's way out): they hold the installation's credentials (the SMPP bind, the webhook secret), so, like the
// command line (cli/cli-context.ts), they act as the platform's operator, by the "sms" door. What a text does for
// its sender goes through the ordinary use cases as that person, never in this context.

import type { Locale } from "../../i18n/locale.ts";
import type { UseCaseContext } from "../../services/context.ts";

export function gatewayContext(locale: Locale): UseCaseContext {
  return { actor: { kind: "platform_admin", userId: 0, locale }, channel: "sms", locale };
}
