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

.PHONY: help setup browser-deps redis-deps run run-scaled test lint clean

help:
	@echo "make run   - serve the reader on http://localhost:$(FLASH_PORT) (FLASH_PORT, FLASH_FEED_URL)"
	@echo "make test  - run the whole test suite"

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(TOOLS)/node_modules/.installed: $(TOOLS)/package.json $(TOOLS)/package-lock.json
	npm ci --prefix $(TOOLS) --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed $(TOOLS)/node_modules/.installed

run: setup
	$(PY) -m reflex run --env prod --single-port \
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

FLASH_WORKERS ?= 2
REDIS_PORT ?= 6379
# Several backend processes (granian workers) sharing client state in Redis on 127.0.0.1.
run-scaled: setup redis-deps
	mkdir -p var/redis
	redis-cli -p $(REDIS_PORT) ping >/dev/null 2>&1 || redis-server --port $(REDIS_PORT) \
		--bind 127.0.0.1 --dir $(CURDIR)/var/redis --daemonize yes --save "" --appendonly no
	REFLEX_REDIS_URL=redis://127.0.0.1:$(REDIS_PORT) GRANIAN_WORKERS=$(FLASH_WORKERS) \
		$(PY) -m reflex run --env prod --single-port \
		--frontend-port $(FLASH_PORT) --backend-port $(FLASH_PORT)

test: setup browser-deps redis-deps
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) $(TOOLS)/node_modules .web .states
