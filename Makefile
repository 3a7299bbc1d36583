# Fascicolo: `make serve` sets everything up and serves the app; `make test` runs every test.
# Each step installs what it needs and is safe to run again.

VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements-dev.txt | cksum | cut -d' ' -f1)
PORT   ?= 8000
APT    := $(if $(shell command -v sudo 2>/dev/null),$(if $(filter 0,$(shell id -u)),,sudo ))apt-get

.PHONY: serve site setup test unit e2e bench lint chromium clean

serve: site
	$(PY) scripts/serve.py --port $(PORT)

site: setup
	$(PY) scripts/vendor.py
	$(PY) scripts/build_site.py

setup: $(STAMP) chromium

$(STAMP): requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

chromium:
	@test -x /usr/bin/chromium || { $(APT) update -qq && \
		DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq chromium >/dev/null; }

test: site
	$(PY) -m pytest

unit: setup
	$(PY) -m pytest tests --ignore=tests/e2e

e2e: site
	$(PY) -m pytest tests/e2e

bench: site
	$(PY) scripts/bench.py

lint: setup
	$(PY) -m ruff check app scripts tests

clean:
	rm -rf dist vendor .cache $(VENV)
