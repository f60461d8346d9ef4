#!/usr/bin/env bash
# The one test command (README, .ci/run): set up, build, type-check, lint, then every *.test.ts through node's test runner.
#   --unit   only the core's unit tests (no daemons, browsers or VS Code)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node scripts/build.mjs
npm run --silent typecheck
npm run --silent lint

if [ "${1:-}" = "--unit" ]; then
  mapfile -t files < <(find server/src -name '*.test.ts' | sort)
else
  mapfile -t files < <(find server/src test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
fi
echo "test: ${#files[@]} test files"
exec node --import tsx --test --test-reporter=spec "${files[@]}"
