# Shared by bin/run and bin/test: make .venv with Python 3.11 and install a hashed lock file into it.
# Usage: ensure_venv requirements/base.lock
find_python() {
  for candidate in "${PYTHON:-}" python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "collect needs Python 3.11: install it (or set PYTHON to its path) and run this again." >&2
  return 1
}

ensure_venv() {
  local lock=$1
  if [ ! -x .venv/bin/python ]; then
    local python
    python=$(find_python)
    echo "Creating the virtual environment in .venv with $python"
    "$python" -m venv .venv || {
      echo "Could not create a virtual environment: on Debian or Ubuntu, install python3.11-venv." >&2
      return 1
    }
  fi
  local stamp=".venv/.installed-$(basename "$lock")"
  local digest
  digest=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "Installing the pinned dependencies of $lock"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
    echo "$digest" > "$stamp"
  fi
}
