#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (packaging/mailtrixy-desktop.spec) and
# check it: --version, then --smoke offscreen (the demo sandbox started by the frozen
# program itself, the main window painted, everything stopped).
#
#   ./scripts/build_pyinstaller.sh          # → dist/mailtrixy-desktop/mailtrixy-desktop
#
# It uses a venv of its own (build/pyinstaller-venv) with the project installed as a
# normal, non-editable package, so the build sees exactly what a wheel installs.
# Several minutes on two cores; too slow for every CI run, so CI does not run it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash "$ROOT/scripts/bootstrap.sh" demo   # Qt's system libraries, as for the demo

VENV="${PYINSTALLER_VENV:-$ROOT/build/pyinstaller-venv}"
DIST="$ROOT/dist"
say() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }

start=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
  say "Creating $VENV"
  "${PYTHON:-$ROOT/.venv/bin/python}" -m venv "$VENV"
fi
say "Installing the project and PyInstaller into $VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
# Reinstalled every time: the build must see the working tree as it is now.
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$ROOT"
"$VENV/bin/python" -m pip install -q "$ROOT" "pyinstaller>=6.10"

# A frozen app has no lrelease to compile a translation on first use (ui/i18n.py), so
# the .qm files are made here, with the lrelease of the venv's PySide6, and the spec
# puts them under mailtrixy_desktop/resources/translations/ (issue 8).
QM_DIR="$ROOT/build/translations"
say "Compiling the translations into $QM_DIR"
rm -rf "$QM_DIR" && mkdir -p "$QM_DIR"
LRELEASE="$("$VENV/bin/python" -c 'from mailtrixy_desktop.ui.i18n import lrelease; print(lrelease() or "")')"
[ -n "$LRELEASE" ] || { echo "no lrelease in $VENV (PySide6)" >&2; exit 1; }
for ts in "$ROOT"/src/mailtrixy_desktop/resources/translations/*.ts; do
  "$LRELEASE" -silent "$ts" -qm "$QM_DIR/$(basename "${ts%.ts}").qm"
done
ls "$QM_DIR"/*.qm >/dev/null

say "Building with PyInstaller"
build_start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" \
  "$ROOT/packaging/mailtrixy-desktop.spec"
build_end=$(date +%s)
APP="$DIST/mailtrixy-desktop/mailtrixy-desktop"
say "Built $APP in $((build_end - build_start)) s: $(du -sh "$DIST/mailtrixy-desktop" | cut -f1)"

say "Checking the build"
"$APP" --version
smoke_start=$(date +%s)
# No display needed; the smoke run makes and removes its own workspace.
QT_QPA_PLATFORM=offscreen "$APP" --smoke
# The German translation is in the folder and the frozen app loads it.
for qm in "$QM_DIR"/*.qm; do
  test -f "$DIST/mailtrixy-desktop/_internal/mailtrixy_desktop/resources/translations/$(basename "$qm")" \
    || { echo "missing in the build: $(basename "$qm")" >&2; exit 1; }
done
MAILTRIXY_LANG=de QT_QPA_PLATFORM=offscreen "$APP" --smoke 2>&1 | tee "$ROOT/build/smoke-de.log" >&2
grep -q "translation loaded: .*mailtrixy_desktop_de.qm" "$ROOT/build/smoke-de.log" \
  || { echo "the frozen app did not load the German translation" >&2; exit 1; }
say "Smoke run passed in $(( $(date +%s) - smoke_start )) s; all done in $(( $(date +%s) - start )) s"
