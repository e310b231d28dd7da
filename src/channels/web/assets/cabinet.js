// The cabinet works without this file. With it: the error summary takes focus so a screen reader reads it
// first, and a form cannot be sent twice by a second tap on a slow connection.
(() => {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
  for (const form of document.querySelectorAll("form[method=post]")) {
    form.addEventListener("submit", (event) => {
      if (form.dataset.sent) {
        event.preventDefault();
        return;
      }
      form.dataset.sent = "1";
      // The page that answers replaces this one; a form that opens elsewhere (a file) is sendable again soon.
      setTimeout(() => delete form.dataset.sent, 4000);
    });
  }
})();
