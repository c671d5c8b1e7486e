# flash-reader: two commands on a fresh machine.
#   make run   set up everything and serve the reader (production build) on the bundled feed
#   make test  set up everything the tests need and run the whole suite
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TOOLS := tools
TOOLS_BIN := $(CURDIR)/$(TOOLS)/node_modules/.bin
FLASH_PORT ?= 3000
CHROMIUM ?= /usr/bin/chromium

# Reflex downloads bun from the web by default; use the pinned npm `bun` instead.
export PATH := $(TOOLS_BIN):$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup browser-deps redis-deps nginx-deps redis-start redis-stop redis-url-check run run-scaled \
	test lint clean

help:
	@echo "make run   - serve the reader on http://localhost:$(FLASH_PORT) (FLASH_PORT, FLASH_FEED_URL,"
	@echo "             FLASH_PUBLIC_URL: the address readers use, if not that one)"
	@echo "make run-scaled - several workers sharing state in a password-protected local Redis"
	@echo "make test  - run the whole test suite"

# constraints.txt pins every package exactly (tests assert exact Sudachi readings).
$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints.txt --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

$(TOOLS)/node_modules/.installed: $(TOOLS)/package.json $(TOOLS)/package-lock.json
	npm ci --prefix $(TOOLS) --no-audit --no-fund --loglevel=error
	touch $@

# BIZ UDPゴシック (表示設定 「読みやすいフォント」), self-hosted from the pinned npm package:
# Reflex serves assets/ at the site root and copies it when it builds, so the files must be in
# place before `reflex run`. The package's CSS (one @font-face per unicode-range slice, all
# font-display: swap) for 400 and 700 becomes one file; only the woff2 slices are copied, and
# the CSS's woff fallback is dropped (every browser with unicode-range reads woff2). The CSS is
# written last, so a half-done copy is redone next time.
FONT_PKG := $(TOOLS)/node_modules/@fontsource/biz-udpgothic
FONT_DIR := assets/fonts/biz-udpgothic
FONT_CSS := $(FONT_DIR)/biz-udpgothic.css

$(FONT_CSS): $(TOOLS)/node_modules/.installed
	rm -rf $(FONT_DIR)
	mkdir -p $(FONT_DIR)/files
	cp $(FONT_PKG)/files/*.woff2 $(FONT_DIR)/files/
	cp $(FONT_PKG)/LICENSE $(FONT_DIR)/LICENSE.txt
	sed -e "s|, url(./files/[^)]*\.woff) format('woff')||" \
		$(FONT_PKG)/400.css $(FONT_PKG)/700.css > $(FONT_CSS).tmp
	mv $(FONT_CSS).tmp $(FONT_CSS)

setup: $(VENV)/.installed $(TOOLS)/node_modules/.installed $(FONT_CSS)

# A build holds its port (the builder's websocket address in <web dir>/env.json), so each port
# builds its own frontend: a second instance from this checkout on another port never rebuilds
# the first one's (whose builder would then talk to the second's websocket).
FLASH_WEB_DIR ?= .web-$(FLASH_PORT)

run: setup
	REFLEX_WEB_WORKDIR=$(FLASH_WEB_DIR) $(PY) -m reflex run --env prod --single-port \
		--frontend-port $(FLASH_PORT) --backend-port $(FLASH_PORT)

# Browser tests use Debian's chromium (never `playwright install`) and Noto CJK glyphs.
browser-deps:
	@if [ ! -x "$(CHROMIUM)" ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then \
		echo "Installing Debian chromium and fonts-noto-cjk (apt)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

# Scale-out (several backend processes sharing state) uses Debian's redis-server.
redis-deps:
	@if ! command -v redis-server >/dev/null 2>&1; then \
		echo "Installing Debian redis-server (apt)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; \
	fi

# The shared-cache test and bench run Debian's nginx with deploy/nginx-cache.conf.
nginx-deps:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
		echo "Installing Debian nginx-light (apt)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; \
	fi

FLASH_WORKERS ?= 2
REDIS_PORT ?= 6379
REDIS_MAXMEMORY ?= 256mb
VAR ?= var
REDIS_DIR = $(VAR)/redis
REDIS_PASSWORD_FILE = $(REDIS_DIR)/password
# Reflex keeps each reader's state in Redis as pickles: whoever can write to that Redis runs
# code in the app. So the local one listens on 127.0.0.1 only, with a generated password (kept
# in var/redis/password, mode 600, never on a command line), a memory cap and an eviction
# policy (volatile-lru: only keys with an expiry, i.e. readers' states, are ever evicted).
# A REFLEX_REDIS_URL of your own must carry credentials (FLASH_REDIS_INSECURE=1 to override).

# Several backend processes (granian workers) sharing client state in Redis. The frontend is
# built once (reflex export); granian's supervisor respawns a worker that dies
# (flash_reader/serve.py: `reflex run` would stop them all).
run-scaled: setup redis-deps
	@set -euo pipefail; \
	if [ -n "$${REFLEX_REDIS_URL:-}" ]; then \
		$(MAKE) -s redis-url-check; url="$$REFLEX_REDIS_URL"; \
	else \
		$(MAKE) -s redis-start; \
		url="redis://:$$(cat $(REDIS_PASSWORD_FILE))@127.0.0.1:$(REDIS_PORT)"; \
	fi; \
	export REFLEX_FRONTEND_PORT=$(FLASH_PORT) REFLEX_BACKEND_PORT=$(FLASH_PORT) \
		REFLEX_WEB_WORKDIR=$(FLASH_WEB_DIR); \
	$(PY) -m reflex export --frontend-only --no-zip --env prod; \
	REFLEX_REDIS_URL="$$url" exec $(PY) -m flash_reader.serve --port $(FLASH_PORT) \
		--workers $(FLASH_WORKERS)

# Start (or find already running) the local Redis for run-scaled.
redis-start: redis-deps
	@set -euo pipefail; umask 077; mkdir -p $(REDIS_DIR); chmod 700 $(REDIS_DIR); \
	if [ ! -s $(REDIS_PASSWORD_FILE) ]; then \
		python3 -c 'import secrets; print(secrets.token_hex(32))' > $(REDIS_PASSWORD_FILE); \
	fi; \
	chmod 600 $(REDIS_PASSWORD_FILE); \
	export REDISCLI_AUTH="$$(cat $(REDIS_PASSWORD_FILE))"; \
	if redis-cli -p $(REDIS_PORT) ping 2>/dev/null | grep -qx PONG; then exit 0; fi; \
	printf '%s\n' "port $(REDIS_PORT)" "bind 127.0.0.1" "protected-mode yes" \
		"requirepass $$REDISCLI_AUTH" "maxmemory $(REDIS_MAXMEMORY)" \
		"maxmemory-policy volatile-lru" 'save ""' "appendonly no" \
		"dir $(abspath $(REDIS_DIR))" "logfile $(abspath $(REDIS_DIR))/redis.log" \
		"pidfile $(abspath $(REDIS_DIR))/redis.pid" "daemonize yes" > $(REDIS_DIR)/redis.conf; \
	redis-server $(REDIS_DIR)/redis.conf; \
	for _ in $$(seq 100); do \
		if redis-cli -p $(REDIS_PORT) ping 2>/dev/null | grep -qx PONG; then exit 0; fi; \
		sleep 0.1; \
	done; \
	echo "Redis did not start on 127.0.0.1:$(REDIS_PORT) (is another one using the port?)." \
		"See $(REDIS_DIR)/redis.log." >&2; exit 1

redis-stop:
	@REDISCLI_AUTH="$$(cat $(REDIS_PASSWORD_FILE))" redis-cli -p $(REDIS_PORT) shutdown nosave \
		2>/dev/null || true

redis-url-check:
	@if [[ ! "$${REFLEX_REDIS_URL:-}" =~ ^rediss?://[^/@]*:[^/@]+@ ]] \
			&& [ "$${FLASH_REDIS_INSECURE:-}" != 1 ]; then \
		echo "REFLEX_REDIS_URL has no password: anyone who can write to that Redis can run" \
			"code in the app (Reflex stores state as pickles). Use" \
			"rediss://user:password@host:6379 (ACL user, TLS), or set FLASH_REDIS_INSECURE=1" \
			"if the Redis is private to this machine." >&2; \
		exit 1; \
	fi

test: setup browser-deps redis-deps nginx-deps
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) $(TOOLS)/node_modules assets/fonts .web .web-* .states
