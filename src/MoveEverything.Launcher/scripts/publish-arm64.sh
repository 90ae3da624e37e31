#!/usr/bin/env bash
# Cross-compiles the launcher NativeAOT for linux-arm64 (the Move's CPU) per shared/reference/toolchain-notes.md,
# and smoke-runs it under qemu when available. Not part of the default test run (needs apt packages, slow).
# Usage: src/MoveEverything.Launcher/scripts/publish-arm64.sh [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/.."
out="${1:-$project/../../artifacts/launcher-linux-arm64}"
need=()
command -v clang >/dev/null 2>&1 || need+=(clang)
command -v ld.lld >/dev/null 2>&1 || need+=(lld)
[ -d /usr/aarch64-linux-gnu/lib ] || need+=(libc6-dev-arm64-cross libgcc-12-dev-arm64-cross)
if [ ${#need[@]} -gt 0 ]; then
  echo "publish-arm64: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
# No -p:SysRoot: Debian's cross libc linker script then points outside the sysroot (toolchain-notes.md).
dotnet publish "$project" -c Release -r linux-arm64 -p:PublishAot=true -p:InvariantGlobalization=true \
  -p:CppCompilerAndLinker=clang -p:LinkerFlavor=lld -o "$out" --nologo -v q -clp:ErrorsOnly
bin="$out/MoveEverything.Launcher"
file "$bin" 2>/dev/null || true
echo "size: $(stat -c %s "$bin") bytes"
if command -v qemu-aarch64-static >/dev/null 2>&1; then
  root="$(mktemp -d)"; mkdir -p "$root/opt/move"; printf 'stock' > "$root/opt/move/Move"
  qemu-aarch64-static -L /usr/aarch64-linux-gnu "$bin" --root "$root" --dry-run
  rm -rf "$root"
else
  echo "qemu-aarch64-static not installed: skipped the emulated --dry-run (apt-get install qemu-user-static)"
fi
