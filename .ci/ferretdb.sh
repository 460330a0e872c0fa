#!/usr/bin/env bash
# Builds (once) and starts or stops FerretDB v1.24.1 with its SQLite backend on a free loopback
# port. `start` writes the MongoDB URL to .ci-ferretdb.url; any failure exits non-zero, so CI
# fails instead of skipping the Mongo suite.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=v1.24.1
BIN="$(go env GOPATH)/bin/ferretdb-${VERSION}"
STATE=.ci-ferretdb
# shellcheck source=loopback-service.sh
source .ci/loopback-service.sh

build() {
  [ -x "$BIN" ] && return
  local module src
  module=$(go mod download -json "github.com/FerretDB/FerretDB@${VERSION}" |
    node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).Dir))")
  src=$(mktemp -d)
  cp -r "$module/." "$src"
  chmod -R u+w "$src"
  echo "$VERSION" > "$src/build/version/version.txt"
  mkdir -p "$(dirname "$BIN")"
  (cd "$src" && go build -o "$BIN" ./cmd/ferretdb)
  rm -rf "$src"
}

start() {
  build
  rm -rf "$STATE" && mkdir -p "$STATE/data"
  local port
  port=$(free_loopback_port)
  "$BIN" --handler=sqlite --sqlite-url="file:$PWD/$STATE/data/" --state-dir="$STATE" \
    --listen-addr="127.0.0.1:${port}" --debug-addr=- --telemetry=disable --log-level=warn \
    > "$STATE/ferretdb.log" 2>&1 &
  echo $! > "$STATE/pid"
  await_listening "$port" "$STATE/pid" "$STATE/ferretdb.log" "FerretDB ${VERSION}"
  echo "mongodb://127.0.0.1:${port}/" > .ci-ferretdb.url
}

stop() {
  [ -f "$STATE/pid" ] && kill "$(cat "$STATE/pid")" 2>/dev/null || true
  rm -rf "$STATE" .ci-ferretdb.url
}

"$@"
