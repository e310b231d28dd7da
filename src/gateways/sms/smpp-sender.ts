// The outbox's SMS sender (one-time codes, reminders, replies that could not leave at once): through the SMPP
// link, marked sent once the SMS centre accepted every part. A centre that throttles is waited for; an address it
// refuses is not tried again.
import { NotDeliverable, RetryLater, type Sender } from "../../services/outbox/deliver-outbox.ts";
import { type SmppClient, SmppError } from "./smpp-client.ts";

const ESME_RTHROTTLED = 0x58;
const ESME_RINVDSTADR = 0x0b;

export function smppSender(client: Pick<SmppClient, "send">): Sender {
  return async (message) => {
    try {
      await client.send({ to: message.address, text: message.body });
    } catch (e) {
      if (e instanceof SmppError && e.commandStatus === ESME_RTHROTTLED) throw new RetryLater(1);
      // The link is down or did not answer: the channel waits for it instead of spending the message's tries.
      if (e instanceof SmppError && e.commandStatus === undefined) throw new RetryLater(30);
      if (e instanceof SmppError && e.commandStatus === ESME_RINVDSTADR)
        throw new NotDeliverable(`the SMS centre refused the address ${message.address}`);
      throw e;
    }
  };
}
