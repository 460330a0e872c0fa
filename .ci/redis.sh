#!/usr/bin/env bash
# Starts or stops Debian's redis-server on a free loopback port, without persistence, for the
# shared rate-limit tests. `start` installs it when missing and writes its URL to .ci-redis.url.
set -euo pipefail
cd "$(dirname "$0")/.."

STATE=.ci-redis

start() {
  if ! command -v redis-server > /dev/null; then
    apt-get update && apt-get install -y redis-server
  fi
  rm -rf "$STATE" && mkdir -p "$STATE"
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$PWD/$STATE" \
    > "$STATE/redis.log" 2>&1 &
  echo $! > "$STATE/pid"
  for _ in $(seq 1 100); do
    if (echo > "/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      echo "redis://127.0.0.1:${port}" > .ci-redis.url
      return
    fi
    kill -0 "$(cat "$STATE/pid")" 2>/dev/null || break
    sleep 0.1
  done
  cat "$STATE/redis.log" >&2
  echo "redis-server did not start" >&2
  exit 1
}

stop() {
  if [ -f "$STATE/pid" ]; then
    kill "$(cat "$STATE/pid")" 2>/dev/null || true
  fi
  rm -rf "$STATE" .ci-redis.url
}

"$1"
