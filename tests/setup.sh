#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh machine: system tools (when run as root
# on Debian/Ubuntu), the project with its test extras in .venv, and browser-test packages.
# Used by the README's test command and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  jing            # RELAX NG reference validator: schema comparisons and benchmarks
  # render tests: headless browser (Playwright drives Debian's chromium), PDF text and
  # page images, FOP for the XSL-FO, Java for the Nu HTML Checker, the font embedded in
  # the PDF (DejaVu Serif: Latin with diacritics and Cyrillic), WeasyPrint's Pango
  chromium chromium-driver poppler-utils fop default-jre-headless fonts-dejavu-core
  libpango-1.0-0 libpangoft2-1.0-0
)

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
else
  echo "tests/setup.sh: not root or no apt-get; system packages not installed: ${APT_PACKAGES[*]}" >&2
fi

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[test]'
