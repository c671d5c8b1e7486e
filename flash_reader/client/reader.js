// Reader pages (/, /items/…, /issues/…, /about, /accessibility, 404s): the server sends the
// whole page; these modules only enhance it. Each part works without the others.
import config from "./config.js";
import * as display from "./display.js";
import * as language from "./language.js";
import * as navigate from "./navigate.js";
import * as photos from "./photos.js";
import * as place from "./place.js";
import * as shortcuts from "./shortcuts.js";
import * as speech from "./speech.js";

const FURIGANA_COOKIE = config.cookies.furigana;

// The server renders readings only for readers who want them (a cookie it reads on the next
// page load; the views fetched meanwhile ask with ?furigana=1).
function rememberReadings() {
  const on = Boolean(display.get().furigana);
  const set = document.cookie.split("; ").includes(`${FURIGANA_COOKIE}=1`);
  if (on === set) return;
  document.cookie = on
    ? `${FURIGANA_COOKIE}=1; path=/; max-age=${config.cookieMaxAge}; SameSite=Lax`
    : `${FURIGANA_COOKIE}=; path=/; max-age=0; SameSite=Lax`;
}

photos.init();
display.init();
place.init();
language.init();
shortcuts.init();
speech.init();
const page = document.getElementById(config.ids.page);
if (page) {
  navigate.init(page);
  rememberReadings();
  navigate.refreshIfStale();
  display.onChange(() => { rememberReadings(); navigate.refreshIfStale(); });
  // Tests and tools wait on this: the page's scripts are in charge.
  page.setAttribute("data-enhanced", "ready");
}
