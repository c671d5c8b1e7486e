// Keyboard shortcuts: j/k next/previous article, / search, ? help. Browser-only (no server
// round trip). Single-character keys can be turned off (WCAG 2.1.4) and never fire while
// typing in a field or with a modifier key held.
(function () {
  var KEY = "flash-reader:shortcuts";

  function enabled() {
    try { return window.localStorage.getItem(KEY) !== "off"; } catch (error) { return true; }
  }

  function typing(target) {
    if (!target || !target.closest) return false;
    return !!target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])");
  }

  function dialog() { return document.getElementById("shortcut-help"); }

  function openHelp() {
    var help = dialog();
    if (!help || help.open) return;
    var toggle = help.querySelector("[data-shortcuts-toggle]");
    if (toggle) toggle.checked = enabled();
    help.showModal();
  }

  function moveArticle(step) {
    var articles = Array.prototype.slice.call(document.querySelectorAll("article.item"));
    if (!articles.length) return;
    var current = articles.findIndex(function (a) { return a.contains(document.activeElement); });
    if (current === -1) {
      // Start from the first article below the top of the viewport.
      current = articles.findIndex(function (a) { return a.getBoundingClientRect().top >= 0; });
      current = current === -1 ? articles.length : current;
      current -= step > 0 ? 1 : 0;
    }
    var next = Math.min(Math.max(current + step, 0), articles.length - 1);
    articles[next].focus();
    articles[next].scrollIntoView({ block: "start" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target) || (dialog() && dialog().open)) return;
    // `?` is a single character key too (WCAG 2.1.4): off with the others. The help stays
    // reachable from its button in the footer, where the keys can be turned back on.
    if (!enabled()) return;
    if (event.key === "?") { event.preventDefault(); openHelp(); }
    else if (event.key === "j") { event.preventDefault(); moveArticle(1); }
    else if (event.key === "k") { event.preventDefault(); moveArticle(-1); }
    else if (event.key === "/") {
      var search = document.getElementById("search-q");
      if (search) { event.preventDefault(); search.focus(); search.select(); }
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target || !target.closest) return;
    if (target.closest("[data-open-shortcuts]")) openHelp();
    var close = target.closest("[data-close-dialog]");
    if (close) { var d = close.closest("dialog"); if (d) d.close(); }
  });

  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (!toggle || !toggle.hasAttribute || !toggle.hasAttribute("data-shortcuts-toggle")) return;
    try {
      if (toggle.checked) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, "off");
    } catch (error) { /* private mode */ }
  });
})();
