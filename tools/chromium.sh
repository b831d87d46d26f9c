#!/usr/bin/env bash
# Makes Debian's chromium available to the browser tests, installing it when missing; Playwright drives it by path
# and never downloads a browser of its own. Usage: source tools/chromium.sh || exit   (exports DYAD_CHROMIUM)

if ! command -v chromium >/dev/null 2>&1; then
  echo "test: installing chromium from the Debian packages..." >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >&2 \
    || { echo "test: could not install chromium" >&2; return 1; }
fi
export DYAD_CHROMIUM="$(command -v chromium)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
