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
