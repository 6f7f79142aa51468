#!/usr/bin/env bash
# npm run bundle: the app packaged with Atlassian's bundler, as `forge deploy` does, offline,
# into .bundle/ (see scripts/bundle.cjs for what it does and the one difference).
# @forge/bundler is installed on demand into scripts/forge-bundler/node_modules from its own
# lockfile, never into the app's package.json: it depends on @forge/cli-shared and @forge/lint,
# which pull in keytar, whose install script fails without libsecret and would break `npm ci`.
# --ignore-scripts: nothing the bundler runs needs keytar (it stores CLI credentials).
set -euo pipefail
cd "$(dirname "$0")/.."

TOOL=scripts/forge-bundler
VERSION=$(node -p "require('./$TOOL/package.json').dependencies['@forge/bundler']")

installed() {
  node -e "process.exit(require('./$TOOL/node_modules/@forge/bundler/package.json').version === '$VERSION' ? 0 : 1)" 2>/dev/null
}

if ! installed; then
  echo "bundle: installing @forge/bundler@$VERSION into $TOOL/node_modules (not in the app's package.json)"
  npm ci --prefix "$TOOL" --ignore-scripts --no-audit --no-fund
fi

if [ "${1:-}" = "--install-only" ]; then
  exit 0
fi
FORGE_BUNDLER_DIR="$TOOL" exec node scripts/bundle.cjs
