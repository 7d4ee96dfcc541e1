#!/usr/bin/env bash
# Debian's Chromium for the console's browser test: `npx playwright install` cannot download browsers here.
set -euo pipefail
apt_get=(env DEBIAN_FRONTEND=noninteractive apt-get)
if [ "$(id -u)" -ne 0 ]; then apt_get=(sudo "${apt_get[@]}"); fi
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq chromium
