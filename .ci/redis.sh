#!/usr/bin/env bash
# Starts or stops Debian's redis-server on a free loopback port, without persistence, for the
# shared rate-limit tests. `start` installs it when missing and writes its URL to .ci-redis.url.
set -euo pipefail
cd "$(dirname "$0")/.."

STATE=.ci-redis
# shellcheck source=loopback-service.sh
source .ci/loopback-service.sh

start() {
  if ! command -v redis-server > /dev/null; then
    apt-get update && apt-get install -y redis-server
  fi
  rm -rf "$STATE" && mkdir -p "$STATE"
  local port
  port=$(free_loopback_port)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$PWD/$STATE" \
    > "$STATE/redis.log" 2>&1 &
  echo $! > "$STATE/pid"
  await_listening "$port" "$STATE/pid" "$STATE/redis.log" redis-server
  echo "redis://127.0.0.1:${port}" > .ci-redis.url
}

stop() {
  if [ -f "$STATE/pid" ]; then
    kill "$(cat "$STATE/pid")" 2>/dev/null || true
  fi
  rm -rf "$STATE" .ci-redis.url
}

"$1"
