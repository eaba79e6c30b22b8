#!/usr/bin/env bash
# AppHost start to "Api healthy": seconds from `dotnet run --project AppHost` (what `make run` runs, after its build)
# to the first 200 from the Api's /health on the launch profile's port (every dependency of the Api healthy).
# Cold: a state folder that does not exist yet (initdb, RabbitMQ's first boot). Warm: the same folder again.
# Usage: bench/Startup/apphost-start.sh [runs per kind, default 2]   (needs a Release build and ports 15180/5101 free)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-2}
api=http://localhost:5101/health
log=$(mktemp)

measure() {
  local kind=$1 state=$2
  local start end pid
  start=$(date +%s.%N)
  dotnet run --no-build -c Release --project AppHost -- "--Vision:StateDirectory=$state" >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null --max-time 2 "$api"; do
    kill -0 "$pid" 2>/dev/null || { echo "AppHost exited early; its log:"; tail -20 "$log"; exit 1; }
    sleep 0.2
  done
  end=$(date +%s.%N)
  printf '%s %.1f s (load average %s)\n' "$kind" "$(echo "$end - $start" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
  # The AppHost itself, not `dotnet run`: a script's background job ignores SIGINT, and SIGTERM is what a service
  # manager sends (the AppHost stops everything on it).
  kill -TERM "$(pgrep -P "$pid")"
  wait "$pid" || true
  # DCP stops the services after the AppHost exits; let it free the launch profiles' ports before the next start.
  while ss -ltnH | grep -qE ':(5101|5102|5103|15180|19180) '; do sleep 0.5; done
}

for i in $(seq "$runs"); do
  state=$(mktemp -d -u /tmp/vision-start-XXXXXX)
  measure cold "$state"
  measure warm "$state"
  rm -rf "$state"
done
rm -f "$log"
