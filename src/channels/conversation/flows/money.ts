// What I owe (with the latest bill as a PDF), what an estimate would cost, and the planned payment with a link
// to pay in the cabinet.
import type { Readable } from "node:stream";
import { formatUah, type Kopiykas } from "../../../domain/money.ts";
import { AppError } from "../../../services/errors.ts";
import type { Turn } from "../turn.ts";
import { showMenu } from "./menu.ts";

const money = (turn: Turn, kop: number) => formatUah(kop as Kopiykas, turn.locale);

async function lastBillOrNull(turn: Turn, accountId: number) {
  try {
    return await turn.call("lastBill", { accountId });
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return null;
    throw e;
  }
}

function payLink(turn: Turn, accountId: number) {
  const base = turn.deps.appUrl;
  return base ? { label: turn.t("btnPay"), url: `${base}/pay/${accountId}` } : undefined;
}

export async function showOwe(turn: Turn, accountId: number): Promise<void> {
  const [debts, bill, accounts] = await Promise.all([
    turn.call("accountDebts", { accountId }),
    lastBillOrNull(turn, accountId),
    turn.call("listMyAccounts", {}),
  ]);
  const number = accounts.find((a) => a.id === accountId)?.number ?? "";
  const lines = [turn.t("owe", { number, total: money(turn, Math.max(0, debts.total.kop)) })];
  for (const d of debts.outstanding)
    lines.push(
      turn.t("oweLine", {
        period: d.period,
        service: turn.t("service", { service: d.service ?? "whole" }),
        amount: money(turn, d.amount.kop),
      }),
    );
  if (debts.advance.kop !== 0)
    lines.push(turn.t("advance", { amount: money(turn, Math.abs(debts.advance.kop)) }));
  lines.push(
    bill
      ? turn.t("lastBill", { period: bill.period, amount: money(turn, bill.amountDue.kop) })
      : turn.t("noBill"),
  );
  turn.state = { step: "menu" };
  turn.say(
    lines.join("\n"),
    [
      ...(bill
        ? [[turn.button("btnBill", `bill:${accountId}:${bill.period}`, { period: bill.period })]]
        : []),
      [turn.button("btnMenu", "menu")],
    ],
    payLink(turn, accountId),
  );
}

async function bytesOf(content: Readable | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function sendBill(turn: Turn, accountId: number, period: string): Promise<void> {
  const file = await turn.call("downloadBill", { accountId, period, lang: turn.locale });
  turn.out.push({
    kind: "document",
    fileName: file.fileName,
    mediaType: file.mediaType,
    content: await bytesOf(file.content),
    caption: turn.t("lastBill", { period: file.period, amount: money(turn, file.amountDueKop) }),
  });
  showMenu(turn);
}

export async function showEstimate(turn: Turn, accountId: number): Promise<void> {
  const estimate = await turn.call("estimateWithoutReading", { accountId });
  const waiting = estimate.meters.filter((m) => !m.readingGiven);
  showMenu(
    turn,
    waiting.length === 0
      ? turn.t("estimateDone")
      : turn.t("estimate", { total: money(turn, estimate.totalKop) }),
  );
}

export async function showPlanned(turn: Turn, accountId: number): Promise<void> {
  const bill = await lastBillOrNull(turn, accountId);
  if (!bill) return showMenu(turn, turn.t("noBill"));
  turn.state = { step: "menu" };
  turn.say(
    turn.t("planned", { period: bill.planned.period, total: money(turn, bill.planned.total.kop) }),
    [[turn.button("btnMenu", "menu")]],
    payLink(turn, accountId),
  );
}
