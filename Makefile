# The two commands a newcomer needs:
#   make run    local server on SQLite, migrated and seeded, with admin, editor and reviewer logins
#               printed
#   make test   the whole test suite (installs Chromium for the browser tests if missing);
#               one file: make test PYTEST_ARGS=tests/test_api.py
# Everything below is what those two do; nothing has to be installed by hand first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist), each with its own test database (test_<name>_gw0, ...). The order
# is shuffled by pytest-randomly (its seed is printed; `PYTEST_ARGS=--randomly-seed=N`
# replays a run, `-p no:randomly` keeps the written order) and no test depends on it: a flush by a
# transactional test is followed by the data migrations' groups (tests/conftest.py). Each module
# goes whole to one worker (loadfile), which builds its data once (`world`, `seeded`).
TEST_WORKERS ?= auto
TEST_DISTRIBUTION ?= --dist loadfile

# gunicorn for `make serve`: worker processes, threads in each, seconds a request may take, and
# the address. With threads a worker answers other requests while one waits on the database or
# renders a desk panel, instead of leaving them queued (docs/operations.md, benchmarks/load.py).
WEB_CONCURRENCY ?= 3
GUNICORN_THREADS ?= 4
GUNICORN_TIMEOUT ?= 30
BIND ?= 0.0.0.0:$(PORT)

.PHONY: run serve deploy-check schemathesis test lint bench lock browser install vendor

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed
	$(BIN)/python manage.py local_login --url http://$(HOST):$(PORT)/admin/
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: reads DEBUG=false, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL... from the environment
# (docs/operations.md). Static files are collected, hashed and compressed, and served by WhiteNoise.
serve: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input
	$(BIN)/gunicorn project.wsgi:application --bind $(BIND) --workers $(WEB_CONCURRENCY) \
		--threads $(GUNICORN_THREADS) --timeout $(GUNICORN_TIMEOUT) \
		--graceful-timeout $(GUNICORN_TIMEOUT) \
		--max-requests 1000 --max-requests-jitter 100 -c project/gunicorn_config.py

# Django's deployment checklist under production settings, any warning failing (used by CI).
deploy-check: install
	DEBUG=false ALLOWED_HOSTS=example.org \
		SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

# Every API operation against generated requests (tests/test_schemathesis.py); add
# DATABASE_URL=postgres://... to run it on PostgreSQL.
schemathesis: install
	$(BIN)/python -m pytest tests/test_schemathesis.py -q -p no:cacheprovider

test: install browser
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(TEST_DISTRIBUTION) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

# Prints speed and memory figures (timings are read here, never asserted in tests).
bench: install
	$(BIN)/python benchmarks/run.py

install: $(VENV)/.installed

# Re-installs only when the lock file changes; hashes make the install reproducible.
$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

# The browser tests drive Debian's Chromium; Selenium is pointed at these paths and never downloads one.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
		echo "Installing Debian's chromium and chromium-driver for the browser tests..."; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

# Regenerate requirements.lock after editing pyproject.toml's dependencies.
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --generate-hashes \
		--python-version 3.11 -o requirements.lock

# The public pages' JavaScript libraries, from the npm registry at the versions package.json and
# package-lock.json pin, copied with their licences into sourcing/static/vendor/ (committed, so
# neither `make run` nor a browser ever fetches them). Run after changing package.json.
vendor:
	npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p sourcing/static/vendor/cytoscape
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE \
		sourcing/static/vendor/cytoscape/
