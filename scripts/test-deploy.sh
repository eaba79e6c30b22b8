#!/usr/bin/env bash
# Offline checks of deploy/: the Prometheus rules (promtool check + unit tests) and the Kubernetes layout (every overlay
# rendered by kubectl kustomize, validated against the schemas, and the layout's promises; deploy/tests/*.test.mjs).
# Prints the TAP lines; writes "passed failed" to $1 for scripts/test.sh's summary.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
counts="${1:-/dev/null}"
promtool="$root/.tools/promtool"
passed=0 failed=0

check() { # name, command...
  local name="$1"; shift
  if output="$("$@" 2>&1)"; then passed=$((passed + 1)); echo "ok - $name"
  else failed=$((failed + 1)); echo "not ok - $name"; echo "$output" | sed 's/^/    /'; fi
}

if [ -x "$promtool" ]; then
  check "promtool check rules deploy/prometheus/alerts.yaml" "$promtool" check rules "$root/deploy/prometheus/alerts.yaml"
  check "promtool test rules deploy/prometheus/alerts.test.yaml" bash -c "cd '$root/deploy/prometheus' && '$promtool' test rules alerts.test.yaml"
else
  failed=$((failed + 1)); echo "not ok - promtool: .tools/promtool is missing (scripts/setup.sh extracts it from Debian's prometheus package)"
fi

if [ -d "$root/deploy/tests/node_modules" ]; then
  tap="$(cd "$root/deploy/tests" && node --test --test-reporter=tap 2>&1)"
  echo "$tap" | grep -E "^(not )?ok |^# (pass|fail)|^  error:" || true
  passed=$((passed + $(echo "$tap" | sed -n 's/^# pass //p' | tail -1)))
  node_failed="$(echo "$tap" | sed -n 's/^# fail //p' | tail -1)"
  failed=$((failed + ${node_failed:-1}))
else
  failed=$((failed + 1)); echo "not ok - deploy/tests: node_modules missing (scripts/setup.sh runs npm ci there)"
fi

echo "deploy checks: $passed passed, $failed failed"
echo "$passed $failed" > "$counts"
[ "$failed" -eq 0 ]
