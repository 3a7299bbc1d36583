// Runs before Python starts: says what is loading, and turns any start-up failure into a
// visible message with data-app-state="error" (Python, once running, reports through
// window.fascicoloFail too). Text is set with textContent only.
(function () {
  const root = document.documentElement;
  const messages = JSON.parse(document.getElementById("boot-messages").textContent);
  const saved = localStorage.getItem("fascicolo.language");
  const browser = (navigator.language || "").slice(0, 2).toLowerCase();
  const lang = [saved, browser].find((l) => l && messages[l]) || "en";
  const msg = messages[lang];
  root.lang = lang;

  function setStatus(text) {
    const status = document.getElementById("boot-status");
    if (status) status.textContent = text;
  }

  function fail(detail) {
    if (root.dataset.appState !== "loading") return;
    root.dataset.appState = "error";
    const main = document.getElementById("main");
    const box = document.createElement("div");
    box.className = "boot-error";
    box.setAttribute("role", "alert");
    const title = document.createElement("h1");
    title.textContent = msg["boot.failed"];
    const hint = document.createElement("p");
    hint.textContent = msg["boot.retry"];
    const details = document.createElement("pre");
    details.textContent = String(detail || "").slice(0, 2000);
    box.append(title, hint, details);
    main.replaceChildren(box);
  }
  window.fascicoloFail = fail;

  // Keep the keyboard inside an open modal dialog (Tab and Shift+Tab wrap around).
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Tab") return;
    const modal = document.querySelector('[aria-modal="true"]');
    if (!modal) return;
    const items = [...modal.querySelectorAll(
      'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
    )].filter((el) => el.offsetParent !== null);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    const inside = modal.contains(document.activeElement);
    if (!inside || (event.shiftKey && document.activeElement === first)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });

  window.addEventListener("error", (event) => fail(event.message || event.error));
  window.addEventListener("unhandledrejection", (event) => fail(event.reason));
  document.addEventListener("DOMContentLoaded", () => {
    setStatus(msg["boot.runtime"]);
    // PyScript reports its own failures (a missing or damaged file) as a .py-error banner.
    new MutationObserver(() => {
      const banner = document.querySelector(".py-error");
      if (banner) fail(banner.textContent);
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
