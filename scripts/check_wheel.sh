#!/usr/bin/env bash
# Build the wheel and sdist with the standard build front end, check they carry every
# resource (packaging/check_dist.py), install the wheel into a fresh venv and run
# `mailtrixy-desktop --version` and `--smoke` offscreen from there: a package that
# installs but cannot start, or starts without its icons, fails here.
# Used by CI after the tests; needs .venv (scripts/test.sh or bootstrap makes it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/mailtrixy-wheel.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

say "Building the wheel and sdist"
start=$(date +%s)
"$PY" -m build --outdir "$WORK/dist" "$ROOT" > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
ls -l "$WORK/dist"
"$PY" "$ROOT/packaging/check_dist.py" "$WORK"/dist/*.whl "$WORK"/dist/*.tar.gz

say "Installing the wheel into a fresh venv"
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --upgrade pip
"$WORK/venv/bin/python" -m pip install -q "$WORK"/dist/*.whl

say "Running the installed app"
# From an empty directory, so nothing of the source tree can be imported by mistake.
cd "$WORK"
"$WORK/venv/bin/mailtrixy-desktop" --version
QT_QPA_PLATFORM=offscreen "$WORK/venv/bin/mailtrixy-desktop" --smoke
say "Running it in German: the compiled translation is in the package"
QT_QPA_PLATFORM=offscreen MAILTRIXY_LANG=de "$WORK/venv/bin/mailtrixy-desktop" --smoke \
  | tee "$WORK/smoke-de.log"
grep -q "smoke: translation loaded: .*/mailtrixy_desktop_de.qm" "$WORK/smoke-de.log" \
  || { echo "the installed app did not load its German translation" >&2; exit 1; }
say "Wheel checked in $(( $(date +%s) - start )) s"
