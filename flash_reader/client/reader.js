// Reader pages (/, /items/…, /issues/…, /about, /accessibility, 404s): the server sends the
// whole page; these modules only enhance it. Each part works without the others.
import config from "./config.js";
import * as display from "./display.js";
import * as language from "./language.js";
import * as navigate from "./navigate.js";
import * as photos from "./photos.js";
import * as place from "./place.js";
import * as ruler from "./ruler.js";
import * as shortcuts from "./shortcuts.js";
import * as speech from "./speech.js";

photos.init();
display.init();
place.init();
language.init();
shortcuts.init();
speech.init();
ruler.init();
const page = document.getElementById(config.ids.page);
if (page) {
  navigate.init(page);
  // The server renders readings for addresses that ask (?furigana=1: prepaint.js, and the
  // views navigate.js fetches); a change of the setting fetches the view again.
  navigate.refreshIfStale();
  display.onChange(() => navigate.refreshIfStale());
  // Tests and tools wait on this: the page's scripts are in charge.
  page.setAttribute("data-enhanced", "ready");
}
