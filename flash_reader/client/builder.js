// The embed builder (a Reflex page: React renders it after these modules run).
import * as copy from "./copy.js";
import * as display from "./display.js";
import * as pageLanguage from "./page-language.js";
import * as shortcuts from "./shortcuts.js";

display.init();
display.watchControls();
pageLanguage.init();
shortcuts.init();
copy.init();
