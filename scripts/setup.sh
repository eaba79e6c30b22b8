#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine: native libraries, servers, models (ONNX Runtime comes from NuGet).
# Used by `make run`, `make test` and `.ci/run`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools"

need_apt=()
# libvips itself comes with the NetVips.Native NuGet package; the Debian CLI tools are only the benchmarks'
# baseline (vipsthumbnail).
command -v vipsthumbnail >/dev/null || need_apt+=(libvips-tools)
command -v redis-server >/dev/null || need_apt+=(redis-server)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need_apt+=(rabbitmq-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_apt+=(postgresql)
command -v python3 >/dev/null || need_apt+=(python3)
[ -f /etc/ssl/certs/ca-certificates.crt ] || need_apt+=(ca-certificates)
command -v node >/dev/null || need_apt+=(nodejs npm) # deploy/tests (make test)
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
# The browser tests (tests/Web.Tests) drive Debian's chromium through Playwright; Playwright never downloads one.
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # Debian starts the packaged services on install; our AppHost runs its own instances.
  for svc in redis-server rabbitmq-server postgresql; do $SUDO service "$svc" stop >/dev/null 2>&1 || true; done
fi

# Models: here they live in ../shared/models (never copied into the repo), linked as .tools/models. Elsewhere, unless
# VISION_MODELS_DIR points at them, every file of Models/catalog.json is downloaded into .tools/models and checked.
if [ -z "${VISION_MODELS_DIR:-}" ]; then
  if [ ! -e "$tools/models" ] && [ -d "$root/../shared/models" ]; then
    ln -sfn "$(cd "$root/../shared/models" && pwd)" "$tools/models"
  fi
  if [ ! -L "$tools/models" ]; then
    python3 "$root/scripts/fetch-models.py" "$root/Models/catalog.json" "$tools/models"
  fi
fi
# The offline checks of deploy/ in make test (scripts/test-deploy.sh). promtool alone, taken out of Debian's prometheus
# package: installing the package would also create and start a Prometheus service.
if [ ! -x "$tools/promtool" ]; then
  echo "setup: extracting promtool from Debian's prometheus package"
  unpack="$(mktemp -d)"
  ( cd "$unpack" && { apt-get download prometheus >/dev/null 2>&1 || { $SUDO apt-get update -qq && apt-get download prometheus >/dev/null 2>&1; }; } \
    && dpkg-deb -x prometheus_*.deb extracted && install -m 0755 extracted/usr/bin/promtool "$tools/promtool" ) \
    || echo "setup: could not get promtool (apt-get download prometheus failed); the alert-rule checks of make test will fail" >&2
  rm -rf "$unpack"
fi
# The schema packages of deploy/tests, pinned by its package-lock.json, into deploy/tests/node_modules.
deploy_tests="$root/deploy/tests"
if [ ! -f "$deploy_tests/node_modules/.package-lock.json" ] || [ "$deploy_tests/package-lock.json" -nt "$deploy_tests/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci in deploy/tests"
  npm ci --prefix "$deploy_tests" --no-audit --no-fund --loglevel=error >/dev/null
fi
command -v kubectl >/dev/null || echo "setup: kubectl is missing; make test renders deploy/kubernetes with it: install kubectl >= 1.27" \
  "(kustomize v5 built in), e.g. the 'kubectl' package from https://pkgs.k8s.io or 'gcloud components install kubectl'" >&2

echo "setup: ok (models: ${VISION_MODELS_DIR:-$tools/models})"
