// /console/channels: which doors the provider takes readings through. GET shows a checkbox per channel; POST
// saves the ticked ones (the rest are off) and goes (303) back with a notice.
import type { FastifyInstance } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { formOf, seeOther } from "../../web/web-request.ts";
import { consoleProvider } from "../console-provider.ts";
import {
  type ConsoleOptions,
  consoleCall,
  requireAdministrator,
  sendConsolePage,
} from "../console-request.ts";
import { CONSOLE_CHANNELS } from "../messages/channels.ts";
import { CHANNEL_ORDER, channelsBody } from "../views/channels-page.ts";

export async function consoleChannelsRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const admin = { schema: { hide: true }, preHandler: requireAdministrator };

  app.get("/console/channels", admin, async (request, reply) => {
    const provider = await consoleProvider(deps, request);
    const channels = await consoleCall(deps, request, "getChannels", { provider: provider.key });
    const notice =
      (request.query as Record<string, unknown>)["done"] === "saved"
        ? format(CONSOLE_CHANNELS.saved, request.locale)
        : null;
    return sendConsolePage(request, reply, (ctx) => ({
      title: format(CONSOLE_CHANNELS.title, ctx.locale),
      section: "channels",
      body: channelsBody(ctx, { channels, notice, providerQuery: provider.query }),
    }));
  });

  app.post("/console/channels", admin, async (request, reply) => {
    const provider = await consoleProvider(deps, request);
    const form = formOf(request);
    const channels = CHANNEL_ORDER.filter((c) => form[`channel-${c}`] === "on");
    await consoleCall(deps, request, "setChannels", { provider: provider.key, channels });
    return seeOther(reply, `/console/channels${provider.query}${provider.query ? "&" : "?"}done=saved`);
  });
}
