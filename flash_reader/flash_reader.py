"""Entry module: builds `app` and adds the pages. Nothing else lives here."""

from flash_reader import event_count, lifespan, logging_guard, routes
from flash_reader.api import create_api
from flash_reader.components.head import head_components
from flash_reader.embed.headers import SecurityHeaders
from flash_reader.pages import embed_builder, permalink, reader
from flash_reader.shell import FlashApp
from flash_reader.state.embed_builder import EmbedBuilderState
from flash_reader.state.permalink import PermalinkState
from flash_reader.state.reader import ReaderState
from flash_reader.state.timeline import TimelineState

# Load the feed now, at import: the production build prerenders `/` from the initial state, so
# the latest issue is in the HTML itself (readable before any JavaScript runs). The lifespan
# task loads it again when the server starts and keeps it fresh.
lifespan.preload()
logging_guard.install()

app = FlashApp(
    html_lang="ja",
    head_components=head_components(),
    stylesheets=["/themes.css", "/reader.css"],
    # Our routes first, then security headers around everything (pages, assets, routes).
    api_transformer=[create_api(), SecurityHeaders],
    toaster=None,
    # What a client sends reaches the log as one escaped, cut-short, rate-limited line.
    frontend_exception_handler=logging_guard.frontend_exception_handler,
    backend_exception_handler=logging_guard.backend_exception_handler,
)
app.register_lifespan_task(lifespan.feed_lifespan)
if (counter := event_count.counter_from_env()) is not None:  # benchmarks only
    app.add_middleware(counter)
app.add_page(
    reader.reader_page,
    route=routes.READER,
    title=reader.TITLE,
    description=reader.DESCRIPTION,
    on_load=[ReaderState.on_load, TimelineState.on_load],
)
app.add_page(permalink.item_page, route=routes.ITEM, title=PermalinkState.item_title,
             description=reader.DESCRIPTION, on_load=PermalinkState.load_item)
app.add_page(permalink.issue_page, route=routes.ISSUE, title=PermalinkState.issue_title,
             description=reader.DESCRIPTION,
             on_load=[PermalinkState.load_issue, TimelineState.on_load])
app.add_page(embed_builder.embed_builder_page, route=routes.EMBED_BUILDER,
             title=embed_builder.TITLE, description=reader.DESCRIPTION,
             on_load=EmbedBuilderState.on_load)
