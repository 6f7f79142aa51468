#!/usr/bin/env bash
# Atlassian's client-side Forge linters, offline (see scripts/forge-lint.cjs).
# @forge/lint and @forge/cli-shared are installed on demand and never saved: they pull in
# keytar, whose install script fails on machines without libsecret and would break `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."

LINT_VERSION=6.3.1
CLI_SHARED_VERSION=9.8.0

installed() {
  node -e "process.exit(require('@forge/lint/package.json').version === '$LINT_VERSION' \
    && require('@forge/cli-shared/package.json').version === '$CLI_SHARED_VERSION' ? 0 : 1)" 2>/dev/null
}

if ! installed; then
  echo "lint-forge: installing @forge/lint@$LINT_VERSION and @forge/cli-shared@$CLI_SHARED_VERSION (not saved to package.json)"
  npm install --no-save --ignore-scripts --no-audit --no-fund \
    "@forge/lint@$LINT_VERSION" "@forge/cli-shared@$CLI_SHARED_VERSION"
fi

if [ "${1:-}" = "--install-only" ]; then
  exit 0
fi
exec node scripts/forge-lint.cjs "$@"
