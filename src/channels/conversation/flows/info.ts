// The provider's news and the contact centre's phones and hours, for the chat's person's providers.
import { formatUkrainianPhone } from "../../../domain/phone-display.ts";
import type { Turn } from "../turn.ts";
import { showMenu } from "./menu.ts";

const DAYS = {
  uk: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"],
  ru: ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
} as const;

/** "Пн–Пт 07:00–21:00, Сб 09:00–15:00": runs of days with the same hours. */
export function hoursText(
  hours: { weekday: number; opens: string; closes: string }[],
  locale: Turn["locale"],
): string {
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday);
  const runs: { from: number; to: number; span: string }[] = [];
  for (const h of sorted) {
    const span = `${h.opens}–${h.closes}`;
    const last = runs.at(-1);
    if (last && last.span === span && last.to === h.weekday - 1) last.to = h.weekday;
    else runs.push({ from: h.weekday, to: h.weekday, span });
  }
  const day = (n: number) => DAYS[locale][n - 1];
  return runs
    .map((r) => `${r.from === r.to ? day(r.from) : `${day(r.from)}–${day(r.to)}`} ${r.span}`)
    .join(", ");
}

export async function showNews(turn: Turn): Promise<void> {
  if (!turn.actor) return showMenu(turn, turn.t("needsLink"));
  const news = await turn.call("listNews", { limit: 5 });
  if (news.length === 0) return showMenu(turn, turn.t("noNews"));
  for (const item of news) turn.say(`${item.title[turn.locale]}\n${item.body[turn.locale]}`);
  showMenu(turn);
}

export async function showContacts(turn: Turn): Promise<void> {
  if (!turn.actor) return showMenu(turn, turn.t("needsLink"));
  const providers = await turn.call("listProviderContacts", {});
  for (const p of providers)
    turn.say(
      turn.t("contacts", {
        provider: p.name[turn.locale],
        phones: p.phones.map(formatUkrainianPhone).join(", ") || "—",
        open: p.now.contactCentre.open ? "yes" : "no",
        hours: hoursText(p.contactCentre, turn.locale) || "—",
      }),
    );
  showMenu(turn);
}
