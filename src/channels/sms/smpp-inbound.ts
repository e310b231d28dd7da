// The SMPP link's texts, answered over the same link: the reply goes straight back by submit_sm, and when the
// link cannot take it (it dropped in between) through the outbox, whose SMS sender tries again once it is back.
import type { Logger } from "pino";
import { type InboundSms, SmppClient } from "../../gateways/sms/smpp-client.ts";
import type { Deps } from "../../services/deps.ts";
import { callUseCase } from "../../services/registry.ts";
import { handleInboundSms } from "./handle-inbound-sms.ts";
import { gatewayContext } from "./sms-context.ts";

export interface SmsLink {
  send(message: { to: string; text: string }): Promise<unknown>;
}

export function answerOverSmpp(deps: Deps, link: SmsLink, log?: Logger): (sms: InboundSms) => Promise<void> {
  return async (sms) => {
    const reply = await handleInboundSms(deps, sms);
    if (!reply) return;
    try {
      await link.send({ to: sms.from, text: reply.text });
    } catch (err) {
      log?.warn({ err }, "sms: the reply could not leave by SMPP now; queued in the outbox");
      await callUseCase(deps, "queueSmsReply", gatewayContext(reply.locale), {
        to: sms.from,
        text: reply.text,
        locale: reply.locale,
      });
    }
  };
}

/** The SMPP link of `abonent serve`: bound to the SMS centre, its texts answered over it; stop() unbinds. */
export function startSmppLink(
  deps: Deps,
  options: { url: string; sourceAddress: string; log?: Logger },
): SmppClient {
  const client: SmppClient = new SmppClient({
    url: options.url,
    sourceAddress: options.sourceAddress,
    ...(options.log ? { log: options.log } : {}),
    onMessage: (sms) => answer(sms),
  });
  const answer = answerOverSmpp(deps, client, options.log);
  client.start();
  return client;
}
