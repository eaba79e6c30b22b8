#!/usr/bin/env bash
# Runs the deploy/ checks (scripts/test-deploy.sh) and every test project of the solution, and prints one closing line: "N passed, N failed, N skipped".
set -uo pipefail
config="${1:-Release}"
root="$(cd "$(dirname "$0")/.." && pwd)"
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
cd "$root"
bash scripts/test-deploy.sh "$results/deploy.counts"
deploy_rc=$?
dotnet test VisionAspire.sln -c "$config" --no-build \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal" -- RunConfiguration.TestSessionTimeout=3000000
rc=$?
[ "$deploy_rc" -eq 0 ] || rc=1
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
try:
    deploy_passed, deploy_failed = map(int, open(sys.argv[1] + "/deploy.counts").read().split())
    p += deploy_passed; f += deploy_failed
except (OSError, ValueError):
    f += 1  # the deploy checks did not report
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $rc
