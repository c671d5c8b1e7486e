// 「コードをコピー」 (the embed builder): copies in the browser, no server round trip. Without
// the Clipboard API (plain http on an intranet address is not a secure context, so
// navigator.clipboard is undefined) the code is selected and the reader is told which keys
// copy it: never claim a copy that did not happen.
import { words } from "./words.js";

export function init() {
  function say(id, text) {
    var status = id && document.getElementById(id);
    if (status) status.textContent = text;
  }

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest && event.target.closest("[data-copy-target]");
    if (!button) return;
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    var statusId = button.getAttribute("data-copy-status");
    if (!field) return;
    function byHand() { field.focus(); field.select(); say(statusId, words("js.copy_by_hand")); }
    var clipboard = navigator.clipboard;
    if (!clipboard || typeof clipboard.writeText !== "function") { byHand(); return; }
    // data-copied: the words key of what was copied (the embed code unless it says).
    var copied = button.getAttribute("data-copied") || "js.copied";
    clipboard.writeText(field.value).then(function () { say(statusId, words(copied)); }, byHand);
  });

  // A changed choice changes the code, so the last message no longer holds.
  document.addEventListener("change", function (event) {
    var scope = event.target && event.target.closest &&
      event.target.closest("[data-clears-status]");
    if (scope) say(scope.getAttribute("data-clears-status"), "");
  });
}
