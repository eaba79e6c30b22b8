#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine: native libraries, servers, ONNX Runtime, models link.
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
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # Debian starts the packaged services on install; our AppHost runs its own instances.
  for svc in redis-server rabbitmq-server postgresql; do $SUDO service "$svc" stop >/dev/null 2>&1 || true; done
fi

ort_version=1.30.0
ort_dir="$tools/onnxruntime-$ort_version"
if [ ! -f "$ort_dir/libonnxruntime.so.1" ]; then
  echo "setup: fetching onnxruntime-node@$ort_version (npm pack, no install scripts)"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "onnxruntime-node@$ort_version" >/dev/null 2>&1 && tar xzf onnxruntime-node-$ort_version.tgz)
  mkdir -p "$ort_dir"
  cp "$tmp"/package/bin/napi-v6/linux/x64/libonnxruntime.so.1* "$ort_dir/"
  [ -f "$ort_dir/libonnxruntime.so.1" ] || cp "$ort_dir"/libonnxruntime.so.1.* "$ort_dir/libonnxruntime.so.1"
  rm -rf "$tmp"
fi
ln -sfn "$ort_dir" "$tools/onnxruntime"

# Models: here they live in ../shared/models (never copied into the repo). Elsewhere set VISION_MODELS_DIR
# or fetch the files listed in models/catalog.json into .tools/models.
if [ -z "${VISION_MODELS_DIR:-}" ] && [ ! -e "$tools/models" ] && [ -d "$root/../shared/models" ]; then
  ln -sfn "$(cd "$root/../shared/models" && pwd)" "$tools/models"
fi
echo "setup: ok (onnxruntime: $tools/onnxruntime, models: ${VISION_MODELS_DIR:-$tools/models})"
