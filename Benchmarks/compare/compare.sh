#!/usr/bin/env bash
# Side-by-side comparison of FootScan with OpenCV on the same generated scans, in one run.
# Installs opencv-python-headless from PyPI into Benchmarks/compare/.venv on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
    "$here/.venv/bin/pip" install --quiet opencv-python-headless numpy
fi
(cd "$root" && swift build -c release --product footscan >/dev/null)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/.venv/bin/python" "$here/compare.py" "$root/.build/release/footscan" "$work"
