#!/usr/bin/env bash
# promtool (Debian's prometheus package) for the alert rules' unit tests, unpacked into .tools/bin: installing the
# package would also install, and try to start, a Prometheus server.
set -euo pipefail
dest="$(cd "$(dirname "$0")/.." && pwd)/.tools/bin"
apt_get=(env DEBIAN_FRONTEND=noninteractive apt-get -o APT::Sandbox::User=root)
if [ "$(id -u)" -ne 0 ]; then apt_get=(sudo "${apt_get[@]}"); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# The package lists may be missing on a fresh machine; refresh them once if the download cannot find the package.
"${apt_get[@]}" download -qq prometheus 2>/dev/null || { "${apt_get[@]}" update -qq && "${apt_get[@]}" download -qq prometheus; }
dpkg-deb -x prometheus_*.deb unpacked
mkdir -p "$dest"
install -m 0755 unpacked/usr/bin/promtool "$dest/promtool"
"$dest/promtool" --version | head -n 1
