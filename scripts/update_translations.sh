#!/usr/bin/env bash
# Re-extract the user-facing strings into the translation sources (issue 8):
# src/mailtrixy_desktop/resources/translations/mailtrixy_desktop_<lang>.ts, for every
# language there (German by default for a new tree). Translate the new entries with
# `pyside6-linguist FILE.ts` (or by hand), then run the tests: tests/ui/test_translations.py
# fails while an entry is unfinished or the sources are stale. The build compiles the
# .ts into .qm (setup.py); a source tree compiles them on first use (ui/i18n.py).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LUPDATE="${LUPDATE:-$ROOT/.venv/bin/pyside6-lupdate}"
DIR=src/mailtrixy_desktop/resources/translations
# The UI, and the modules below it whose sentences are marked with QT_TRANSLATE_NOOP.
mapfile -t SOURCES < <(
    { find src/mailtrixy_desktop/ui -name '*.py';
      grep -rlE --include='*.py' 'QT_TRANSLATE_NOOP|import QT_TRANSLATE_NOOP' src/mailtrixy_desktop \
        | grep -v '/ui/' | grep -v 'i18n_marks.py'; } | LC_ALL=C sort -u
)
shopt -s nullglob
TS=("$DIR"/mailtrixy_desktop_*.ts)
[ ${#TS[@]} -gt 0 ] || TS=("$DIR/mailtrixy_desktop_de.ts")
"$LUPDATE" -no-obsolete -locations relative "${SOURCES[@]}" -ts "${TS[@]}"
