#!/usr/bin/env bash
# Start MailTrixy Desktop on the built-in demo workspace. Installs what is missing first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh" demo
exec "$ROOT/.venv/bin/mailtrixy-desktop" --demo "$@"
