// How each console route is aimed at another provider's resources, for console-isolation.test.ts. Every route the
// console registers must be here (the test fails on one that is not):
// - 404: the route names something of the target provider (an account, reading, document, registry line, news
//   item, billing run, registry, staff member, invitation, bot conversation); another provider's administrator is
//   told it does not exist, and nothing in the database changes.
// - "hidden": a list or a page of the caller's own provider; the target's account never shows, nothing changes.
// - "own": a form that acts on the caller's own provider (the provider comes from the session, never from the
//   request); sent with a bad value, so it is refused, and nothing of the target provider changes.
// - 403: platform administrators' work; staff are refused.
import type { IsolationTarget } from "../../src/services/use-case.ts";

export interface RouteProbe {
  expect: 404 | 403 | "hidden" | "own";
  aim(t: IsolationTarget): { url: string; form?: Record<string, string> };
}

const account = (t: IsolationTarget) => `/console/accounts/${t.accountId}`;
const line = (t: IsolationTarget) =>
  `/console/registry-lines/${t.registryLine.registryId}/${t.registryLine.lineNo}`;

export const ROUTE_PROBES: Record<string, RouteProbe> = {
  "GET /console": {
    expect: "hidden",
    aim: (t) => ({ url: `/console?q=${encodeURIComponent(t.accountNumber)}` }),
  },
  "GET /console/accounts/:accountId": { expect: 404, aim: (t) => ({ url: account(t) }) },
  "GET /console/accounts/:accountId/bills/:period.pdf": {
    expect: 404,
    aim: (t) => ({ url: `${account(t)}/bills/${t.period}.pdf` }),
  },
  "GET /console/accounts/:accountId/readings": {
    expect: 404,
    aim: (t) => ({ url: `${account(t)}/readings` }),
  },
  "GET /console/accounts/:accountId/statement": {
    expect: 404,
    aim: (t) => ({ url: `${account(t)}/statement?from=2026-01-01&to=2026-11-30&format=pdf` }),
  },
  "POST /console/accounts/:accountId/link": {
    expect: 404,
    aim: (t) => ({ url: `${account(t)}/link`, form: { login: "+380671112233", userId: String(t.userId) } }),
  },
  "POST /console/accounts/:accountId/notes": {
    expect: 404,
    aim: (t) => ({ url: `${account(t)}/notes`, form: { body: "Дзвонив щодо показників" } }),
  },
  "POST /console/accounts/:accountId/readings": {
    expect: 404,
    aim: (t) => ({
      url: `${account(t)}/readings`,
      form: { meterId: String(t.meterId), zone1: "99999", idempotencyKey: crypto.randomUUID() },
    }),
  },
  "GET /console/audit": { expect: 404, aim: (t) => ({ url: `/console/audit?provider=${t.providerId}` }) },
  "GET /console/billing": {
    expect: "hidden",
    aim: (t) => ({ url: `/console/billing?provider=${t.providerCode}` }),
  },
  "GET /console/billing/runs/:id": {
    expect: 404,
    aim: (t) => ({ url: `/console/billing/runs/${t.billingRunId}` }),
  },
  "GET /console/billing/runs/:id/events": {
    expect: 404,
    aim: (t) => ({ url: `/console/billing/runs/${t.billingRunId}/events` }),
  },
  "POST /console/billing/runs": {
    expect: "own",
    aim: () => ({ url: "/console/billing/runs", form: { period: "2099-13" } }),
  },
  "POST /console/billing/schedule": {
    expect: "own",
    aim: () => ({ url: "/console/billing/schedule", form: { day: "45", hour: "99" } }),
  },
  "GET /console/channels": {
    expect: "hidden",
    aim: (t) => ({ url: `/console/channels?provider=${t.providerCode}` }),
  },
  "POST /console/channels": {
    expect: "own",
    aim: (t) => ({ url: `/console/channels?provider=${t.providerCode}`, form: { "channel-nonsense": "on" } }),
  },
  "GET /console/contact-centre": {
    expect: "hidden",
    aim: (t) => ({ url: `/console/contact-centre?provider=${t.providerCode}` }),
  },
  "POST /console/contact-centre": {
    expect: "own",
    aim: (t) => ({
      url: `/console/contact-centre?provider=${t.providerCode}`,
      form: { phones: "not a phone" },
    }),
  },
  "POST /console/contact-centre/exceptions": {
    expect: "own",
    aim: (t) => ({
      url: `/console/contact-centre/exceptions?provider=${t.providerCode}`,
      form: { date: "not a date", line: "contact_centre" },
    }),
  },
  "POST /console/contact-centre/exceptions/remove": {
    expect: "own",
    aim: (t) => ({
      url: `/console/contact-centre/exceptions/remove?provider=${t.providerCode}`,
      form: { date: "2099-01-01", line: "contact_centre" },
    }),
  },
  "GET /console/inbox": {
    expect: "hidden",
    aim: (t) => ({ url: `/console/inbox?provider=${t.providerCode}` }),
  },
  "GET /console/inbox/:conversationId": {
    expect: 404,
    aim: (t) => ({ url: `/console/inbox/${t.conversationId}` }),
  },
  "POST /console/inbox/:conversationId/answer": {
    expect: 404,
    aim: (t) => ({ url: `/console/inbox/${t.conversationId}/answer`, form: { text: "Добрий день" } }),
  },
  "POST /console/inbox/:conversationId/close": {
    expect: 404,
    aim: (t) => ({ url: `/console/inbox/${t.conversationId}/close` }),
  },
  "GET /console/invitation": {
    expect: "hidden",
    aim: () => ({ url: "/console/invitation?code=not-a-code" }),
  },
  "POST /console/invitation": {
    expect: "own",
    aim: () => ({
      url: "/console/invitation",
      form: { code: "not-a-code", password: "long enough password 1" },
    }),
  },
  "GET /console/news": { expect: 404, aim: (t) => ({ url: `/console/news?edit=${t.newsId}` }) },
  "POST /console/news": {
    expect: 404,
    aim: (t) => ({
      url: "/console/news",
      form: {
        id: String(t.newsId),
        kind: "news",
        publishedAt: "2026-11-20T10:00",
        expiresAt: "",
        "title-uk": "Чужа новина",
        "title-ru": "",
        "title-en": "",
        "body-uk": "Текст",
        "body-ru": "",
        "body-en": "",
      },
    }),
  },
  "POST /console/news/:id/withdraw": {
    expect: 404,
    aim: (t) => ({ url: `/console/news/${t.newsId}/withdraw` }),
  },
  "GET /console/providers": { expect: 403, aim: () => ({ url: "/console/providers" }) },
  "POST /console/providers": { expect: 403, aim: () => ({ url: "/console/providers", form: { code: "x" } }) },
  // The partner pages are the platform administrator's; to a provider's staff they do not exist.
  "GET /console/partners": { expect: 404, aim: () => ({ url: "/console/partners" }) },
  "POST /console/partners": {
    expect: 404,
    aim: (t) => ({
      url: "/console/partners",
      form: { code: "probe-bank", name: "x", [`provider-${t.providerCode}`]: "on" },
    }),
  },
  "GET /console/partners/:code": { expect: 404, aim: () => ({ url: "/console/partners/probe-bank" }) },
  "POST /console/partners/:code": {
    expect: 404,
    aim: () => ({ url: "/console/partners/probe-bank", form: { name: "x" } }),
  },
  "POST /console/partners/:code/revoke": {
    expect: 404,
    aim: () => ({ url: "/console/partners/probe-bank/revoke", form: { keyId: "pk_aaaaaaaaaaaaaaaaaaaa" } }),
  },
  "POST /console/partners/:code/rotate": {
    expect: 404,
    aim: () => ({ url: "/console/partners/probe-bank/rotate", form: {} }),
  },
  "POST /console/partners/:code/state": {
    expect: 404,
    aim: () => ({ url: "/console/partners/probe-bank/state", form: { disabled: "yes" } }),
  },
  "GET /console/partners/:code/reconciliations": {
    expect: 404,
    aim: () => ({ url: "/console/partners/probe-bank/reconciliations" }),
  },
  "POST /console/partners/:code/reconciliations/:reconciliationId/lines/:lineNo/post": {
    expect: 404,
    aim: () => ({ url: "/console/partners/probe-bank/reconciliations/1/lines/1/post", form: {} }),
  },
  "POST /console/partners/:code/reconciliations/:reconciliationId/lines/:lineNo/dismiss": {
    expect: 404,
    aim: () => ({ url: "/console/partners/probe-bank/reconciliations/1/lines/1/dismiss", form: {} }),
  },
  "GET /console/registries": {
    expect: "hidden",
    aim: (t) => ({ url: `/console/registries?provider=${t.providerCode}` }),
  },
  "POST /console/registries": {
    expect: "own",
    aim: () => ({ url: "/console/registries", form: { source: "standard" } }),
  },
  "GET /console/registries/:id": {
    expect: 404,
    aim: (t) => ({ url: `/console/registries/${t.registryLine.registryId}` }),
  },
  "GET /console/registries/sources": {
    expect: "hidden",
    aim: () => ({ url: "/console/registries/sources" }),
  },
  "GET /console/registries/sources/:name": {
    expect: 403,
    aim: () => ({ url: "/console/registries/sources/standard" }),
  },
  "POST /console/registries/sources/:name": {
    expect: 403,
    aim: () => ({ url: "/console/registries/sources/standard", form: { name: "standard" } }),
  },
  "GET /console/registry-lines": { expect: "hidden", aim: () => ({ url: "/console/registry-lines" }) },
  "POST /console/registry-lines/:registryId/:lineNo/assign": {
    expect: 404,
    aim: (t) => ({ url: `${line(t)}/assign`, form: { number: t.accountNumber } }),
  },
  "POST /console/registry-lines/:registryId/:lineNo/return": {
    expect: 404,
    aim: (t) => ({ url: `${line(t)}/return`, form: { reason: "Рахунок не знайдено" } }),
  },
  "GET /console/reviews": { expect: "hidden", aim: () => ({ url: "/console/reviews" }) },
  "POST /console/reviews/:accountId/:readingId/accept": {
    expect: 404,
    aim: (t) => ({ url: `/console/reviews/${t.accountId}/${t.readingId}/accept` }),
  },
  "POST /console/reviews/:accountId/:readingId/reject": {
    expect: 404,
    aim: (t) => ({
      url: `/console/reviews/${t.accountId}/${t.readingId}/reject`,
      form: { reason: "Помилка" },
    }),
  },
  "GET /console/security": { expect: "hidden", aim: () => ({ url: "/console/security" }) },
  "POST /console/security/start": { expect: "own", aim: () => ({ url: "/console/security/start" }) },
  "POST /console/security/confirm": {
    expect: "own",
    aim: () => ({ url: "/console/security/confirm", form: { secret: "JBSWY3DPEHPK3PXP", code: "000000" } }),
  },
  "POST /console/security/disable": { expect: "own", aim: () => ({ url: "/console/security/disable" }) },
  "GET /console/staff": { expect: 404, aim: (t) => ({ url: `/console/staff?provider=${t.providerId}` }) },
  "POST /console/staff/:userId/remove": {
    expect: 404,
    aim: (t) => ({ url: `/console/staff/${t.removableStaffUserId}/remove` }),
  },
  "POST /console/staff/invitations/:invitationId/revoke": {
    expect: 404,
    aim: (t) => ({ url: `/console/staff/invitations/${t.invitationId}/revoke` }),
  },
  "POST /console/staff/invite": {
    expect: 404,
    aim: (t) => ({
      url: "/console/staff/invite",
      form: {
        providerId: String(t.providerId),
        email: "new@isolation.test",
        fullName: "Новий",
        role: "operator",
      },
    }),
  },
  "GET /console/statistics": {
    expect: 404,
    aim: (t) => ({ url: `/console/statistics?provider=${t.providerCode}&from=${t.period}&to=${t.period}` }),
  },
  "GET /console/statistics.csv": {
    expect: 404,
    aim: (t) => ({
      url: `/console/statistics.csv?provider=${t.providerCode}&from=${t.period}&to=${t.period}`,
    }),
  },
  "POST /console/statistics/refresh": {
    expect: 404,
    aim: (t) => ({
      url: "/console/statistics/refresh",
      form: { provider: t.providerCode, period: t.period },
    }),
  },
  "GET /console/tariffs": {
    expect: "hidden",
    aim: (t) => ({ url: `/console/tariffs?provider=${t.providerCode}` }),
  },
  "POST /console/tariffs": {
    expect: "own",
    aim: (t) => ({ url: `/console/tariffs?provider=${t.providerCode}`, form: { service: "electricity" } }),
  },
  "GET /console/windows": {
    expect: "hidden",
    aim: (t) => ({ url: `/console/windows?provider=${t.providerCode}` }),
  },
  "POST /console/windows": {
    expect: "own",
    aim: (t) => ({ url: `/console/windows?provider=${t.providerCode}`, form: { service: "electricity" } }),
  },
};
