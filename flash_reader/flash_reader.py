"""Entry module: builds `app` and adds the pages. Nothing else lives here."""

from flash_reader import event_count, lifespan, logging_guard, routes
from flash_reader.api import create_api
from flash_reader.components.head import head_components
from flash_reader.embed.headers import BuilderWithoutRedirect, SecurityHeaders
from flash_reader.event_guard import EventGuard, bound_event_frames, guard_router_data
from flash_reader.pages import embed_builder
from flash_reader.render.endpoints import NotFoundPages
from flash_reader.render.page_views import DESCRIPTION
from flash_reader.shell import FlashApp
from flash_reader.state.embed_builder import EmbedBuilderState

logging_guard.install()
bound_event_frames()

app = FlashApp(
    html_lang="ja",
    head_components=head_components(),
    stylesheets=["/themes.css", "/reader.css"],
    # Our routes first (reader pages rendered per request, feeds, widget), then the
    # site's own 404 page for anything else, the builder served without a redirect (no
    # Location built from Host), then security headers around everything.
    api_transformer=[create_api(), NotFoundPages, BuilderWithoutRedirect,
                     SecurityHeaders],
    toaster=None,
    # What a client sends reaches the log as one escaped, cut-short, rate-limited line.
    frontend_exception_handler=logging_guard.frontend_exception_handler,
    backend_exception_handler=logging_guard.backend_exception_handler,
)
app.register_lifespan_task(lifespan.feed_lifespan)
guard_router_data(app.event_namespace)
app.add_middleware(EventGuard())
if (counter := event_count.counter_from_env()) is not None:  # benchmarks only
    app.add_middleware(counter)
# Reader pages are not Reflex pages: the app renders each whole (flash_reader/render, through
# api_transformer) with no React and no websocket. The builder is the one Reflex page: the one
# tool with state.
app.add_page(embed_builder.embed_builder_page, route=routes.EMBED_BUILDER,
             title=embed_builder.TITLE, description=DESCRIPTION,
             on_load=EmbedBuilderState.on_load)
