# Everything the project needs is installed from here: `make run` and `make test` are the only set-up.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
.PHONY: run test lint bench bundle screenshots install-desktop icons clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==25.3
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The libraries Qt's window needs are checked first: all the missing ones named in one install line.
run: $(STAMP)
	$(PY) scripts/check_qt_libs.py
	$(PY) -m app

# The layers (import-linter), the ruff rules in pyproject.toml, and no function above complexity 25.
lint: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(PY) scripts/check_complexity.py

# The bundle is built first so its smoke tests (tests/bundle) run on every CI run.
test: lint bundle
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	$(PY) -m benchmarks $(if $(QUICK),--quick)

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) docs/screenshots.py

# -- the double-click app (PyInstaller): dist/Counterclaim/Counterclaim -----------------------
BUNDLE_STAMP  := $(VENV)/.installed-bundle
BUNDLE_EXE    := dist/Counterclaim/Counterclaim
BUNDLE_INPUTS := build.spec $(shell find app resources packaging -type f -not -path '*/__pycache__/*' 2>/dev/null)

$(BUNDLE_STAMP): $(STAMP) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e '.[test,bundle]'
	touch $(BUNDLE_STAMP)

# Rebuilt whenever the app, its resources, the spec or the pinned packages change.
$(BUNDLE_EXE): $(BUNDLE_STAMP) $(BUNDLE_INPUTS)
	$(VENV)/bin/pyinstaller build.spec --noconfirm --log-level WARN --workpath build/counterclaim
	touch $(BUNDLE_EXE)

bundle: $(BUNDLE_EXE)

# Menu entry, icon and the .counterclaim file type for the current user. Overrides:
# APP=/path/to/Counterclaim PREFIX=~/.local DATADIR=… BINDIR=… DESTDIR=/staging/root
install-desktop:
	APP="$(or $(APP),$(CURDIR)/$(if $(wildcard $(BUNDLE_EXE)),$(BUNDLE_EXE),$(VENV)/bin/counterclaim))" \
	PREFIX="$(PREFIX)" DATADIR="$(DATADIR)" BINDIR="$(BINDIR)" DESTDIR="$(DESTDIR)" \
	sh resources/linux/install-desktop.sh

# Re-render resources/icons/ (PNG 16–512, ICO, ICNS) from resources/icons/counterclaim.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/make_icons.py

clean:
	rm -rf $(VENV) build dist *.egg-info
