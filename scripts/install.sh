#!/usr/bin/env bash
# Installs teiedit in .venv with what it needs at run time: WeasyPrint's Pango libraries and
# the DejaVu fonts embedded in the PDF (Debian packages, when run as root), then the package.
# `scripts/install.sh --test` adds the tools and Python packages the test suite needs.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-sil-abyssinica: Ethiopic (Ge'ez) text, e.g. Beta maṣāḥǝft manuscripts, which DejaVu
# lacks (1.3 MB, against 42 MB for fonts-noto-core)
APT_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-sil-abyssinica)
EXTRAS=""
if [ "${1:-}" = "--test" ]; then
  EXTRAS="[test]"
  APT_PACKAGES+=(
    jing            # RELAX NG reference validator: schema comparisons and benchmarks
    # render tests: headless browser (Playwright drives Debian's chromium), PDF text and
    # page images, FOP for the XSL-FO, Java for the Nu HTML Checker
    chromium chromium-driver poppler-utils fop default-jre-headless
  )
fi

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
else
  echo "scripts/install.sh: not root or no apt-get; install these yourself if missing: ${APT_PACKAGES[*]}" >&2
fi

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".${EXTRAS}"
