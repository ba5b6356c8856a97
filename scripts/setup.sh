#!/usr/bin/env bash
# Installs what citedeck needs on a fresh machine: a browser for PDF export,
# slide fitting and the browser tests (Debian's chromium when none is found;
# citedeck never downloads one), then the npm dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

have_browser() {
  [ -n "${CITEDECK_BROWSER:-}" ] && [ -x "${CITEDECK_BROWSER}" ] && return 0
  for name in chromium chromium-browser google-chrome-stable google-chrome microsoft-edge; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

if ! have_browser; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: no Chrome/Chromium found; installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  else
    echo "setup: no Chrome, Chromium or Edge found; install one (Debian/Ubuntu: apt-get install chromium)" >&2
    echo "       or point CITEDECK_BROWSER at it; PDF export, fitting and browser tests need it" >&2
  fi
fi

# LibreOffice Impress opens the PowerPoint export in its test (tests/export/pptx). It is an 84 MB
# download and 261 MB installed (56 packages; about 10 s to download and 25 s to unpack here), so
# only CI installs it; elsewhere that test is skipped with a message saying what to install.
if [ "${CI:-}" = true ] && ! command -v soffice >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian's libreoffice-impress for the PowerPoint export test"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-impress >/dev/null
  else
    echo "setup: soffice not found; the PowerPoint export's LibreOffice test will be skipped (apt-get install libreoffice-impress)" >&2
  fi
fi

npm ci --no-audit --no-fund
