#!/usr/bin/env bash
# interop/ci-setup.sh: installs the Node clients that interop/run.sh drives (GramJS and mtcute,
# pinned in interop/node/package-lock.json) with `npm ci`, so nothing but the lock file decides
# what is installed. mtcute's SQLite session store brings better-sqlite3 12, which compiles a
# native addon here (node-gyp; it needs python3, make and g++, all on this machine kind).
# Without node or npm on PATH it says so and exits 0: run.sh then skips too.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/node"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "interop/ci-setup.sh: node or npm is not on PATH; the Node interop test will be skipped"
  exit 0
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
  echo "interop/ci-setup.sh: needs Node 20 or newer, found $(node --version)" >&2
  exit 1
fi
echo "interop/ci-setup.sh: npm ci in $(pwd) (node $(node --version), npm $(npm --version))"
npm ci --no-audit --no-fund --loglevel=error
node -e 'require("better-sqlite3")(":memory:").close()' \
  || { echo "interop/ci-setup.sh: better-sqlite3 installed but does not load" >&2; exit 1; }
