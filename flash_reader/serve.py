"""`make run-scaled`: the built app (`reflex export`) under granian's own supervisor, which
respawns a worker that dies instead of stopping every worker.

`reflex run --env prod` builds its Granian server with `workers` only, so one worker's death
(a `kill -9`, the OOM killer) ends the whole app. This starts the same ASGI app the same way —
Reflex's own environment settings for a production backend that serves its compiled frontend —
with granian's documented `respawn_failed_workers` on.

    python -m flash_reader.serve --host 0.0.0.0 --port 3000 --workers 2
"""

from __future__ import annotations

import argparse
import multiprocessing
from collections.abc import Sequence

from granian.constants import Interfaces
from granian.server import Server
from reflex_base import constants
from reflex_base.environment import environment

APP_TARGET = "flash_reader.flash_reader:app"
RESPAWN_SECONDS = 0.5  # a dead worker is back well within the 5 s the issue allows
KILL_TIMEOUT_SECONDS = 5  # a worker that ignores SIGTERM on shutdown is killed after this


def server(host: str, port: int, workers: int) -> Server:
    """The supervisor; `serve()` runs it until SIGINT/SIGTERM."""
    # What `reflex run --env prod --single-port` sets before it starts its backend: production
    # mode, the compiled frontend (.web/build, from `reflex export`) mounted, no compiling in
    # the workers. EnvVar.set writes the environment, so every (re)spawned worker sees it.
    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_MOUNT_FRONTEND_COMPILED_APP.set(True)
    environment.REFLEX_SKIP_COMPILE.set(True)
    return Server(target=APP_TARGET, factory=True, address=host, port=port,
                  interface=Interfaces.ASGI, workers=workers, respawn_failed_workers=True,
                  respawn_interval=RESPAWN_SECONDS, workers_kill_timeout=KILL_TIMEOUT_SECONDS)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m flash_reader.serve", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if args.workers < 1 or not 0 < args.port < 65536:
        parser.error("--workers must be at least 1 and --port a TCP port")
    # Workers start fresh (no state inherited from the supervisor's imports).
    multiprocessing.set_start_method("spawn", force=True)
    server(args.host, args.port, args.workers).serve()


if __name__ == "__main__":
    main()
