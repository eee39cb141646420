#!/usr/bin/env bash
# Run every check: ruff, mypy, import-linter, then the whole pytest suite.
# Installs what is missing first. Extra arguments go to pytest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash "$ROOT/scripts/bootstrap.sh" test
BIN="$ROOT/.venv/bin"
# Qt runs offscreen in tests: tests/conftest.py chooses the platform and its screen size.
echo "==> ruff"; "$BIN/ruff" check src tests benchmarks
echo "==> mypy"; "$BIN/mypy"
echo "==> import-linter"; "$BIN/lint-imports" --no-cache
echo "==> pytest"; exec "$BIN/pytest" "$@"
