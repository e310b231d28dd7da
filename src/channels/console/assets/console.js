// The console's progressive enhancements. Without JavaScript every page still works (progress pages refresh).

// Billing run: follow the run's event stream (/console/billing/runs/:id/events), moving the progress bar and the
// page's figures; the status line (aria-live) changes only when its words do, so a screen reader hears each batch
// and the end, not every second. At the end the page is read again for its totals.
(() => {
  const section = document.querySelector("[data-run-events]");
  if (section?.getAttribute("data-run-state") !== "running" || !("EventSource" in window)) return;
  const bar = section.querySelector("progress");
  const status = section.querySelector("[role=status]");
  const events = new EventSource(section.getAttribute("data-run-events"));
  const show = (message) => {
    const run = JSON.parse(message.data);
    if (bar && run.accountsTotal) {
      bar.max = run.accountsTotal;
      bar.value = run.accountsDone;
      bar.textContent = `${Math.floor((run.accountsDone * 100) / run.accountsTotal)}%`;
    }
    if (status && status.textContent !== run.status) status.textContent = run.status;
    for (const [name, text] of Object.entries(run.fields)) {
      const field = section.querySelector(`[data-run-field="${name}"]`);
      if (field) field.textContent = text;
    }
    return run;
  };
  events.addEventListener("progress", show);
  events.addEventListener("end", (message) => {
    events.close();
    const run = show(message);
    // The totals are drawn by the server: read the page again once the run has finished.
    if (run.state === "finished") window.location.reload();
  });
})();

// The inbox of bot chats: every 15 seconds, while the tab is in view, the list is read again and put in place of
// the old one (without JavaScript the page's "refresh" link does it). Focus and scrolling stay where they are.
(() => {
  const list = document.querySelector("[data-inbox-refresh]");
  if (!list || !("fetch" in window)) return;
  const seconds = Number(list.getAttribute("data-inbox-refresh")) || 15;
  const refresh = async () => {
    if (document.visibilityState !== "visible" || list.contains(document.activeElement)) return;
    try {
      const answer = await fetch(window.location.href, { credentials: "same-origin" });
      if (!answer.ok) return;
      const page = new DOMParser().parseFromString(await answer.text(), "text/html");
      const fresh = page.querySelector("[data-inbox-refresh]");
      if (fresh && fresh.innerHTML !== list.innerHTML) list.innerHTML = fresh.innerHTML;
    } catch {
      // Offline for a moment: the next tick tries again.
    }
  };
  window.setInterval(refresh, seconds * 1000);
})();
