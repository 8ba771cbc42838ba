# Entry points for people and CI. Each main target bootstraps .venv itself, so that a fresh
# clone on a fresh machine (python3 and make present) needs nothing else.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install the project only when its metadata changes: building needs the package alone,
# testing adds the test extras (pytest, hypothesis, Playwright...).
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test
CHROMIUM := /usr/bin/chromium
# apt-get needs root; CI runners and laptops usually are not.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test fresh golden clean distclean

# The dossier plugin (mkdocs.yml) generates content/ from seeds/ before the build.
site: $(INSTALLED)
	$(BIN)/mkdocs build --strict

test: $(TEST_INSTALLED) $(CHROMIUM)
	$(BIN)/pytest

# The committed content/ is what seeds/ give: generate, then nothing under content/ may differ
# from the commit (CI runs it after the tests; on a fork, after replacing seeds/, run `make site`
# and commit content/).
fresh: $(INSTALLED)
	$(BIN)/dossier generate
	@git diff --quiet -- content && test -z "$$(git status --porcelain -- content)" || \
		{ git status --short -- content | head -20; echo "content/ is stale: run make site and commit it"; exit 1; }

# Regenerates the golden files that tests compare against; review the diff before committing.
golden: $(TEST_INSTALLED)
	UPDATE_GOLDEN=1 $(BIN)/pytest

clean:
	rm -rf site test-artifacts .pytest_cache .hypothesis

distclean: clean
	rm -rf $(VENV) *.egg-info build dist

# Debian and Ubuntu ship python3 without ensurepip unless python3-venv is installed.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { \
		rm -rf $(VENV) && \
		$(SUDO) apt-get update && \
		$(SUDO) apt-get install -y python3-venv && \
		$(PYTHON) -m venv $(VENV); }

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e .
	touch $@

$(TEST_INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[test]'
	touch $(INSTALLED) $@

# Playwright's own browser download is not used: the browser tests drive Debian's chromium.
$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y chromium
