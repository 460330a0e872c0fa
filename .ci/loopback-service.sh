#!/usr/bin/env bash
# Shared by the scripts that start a test server on a free loopback port (FerretDB, Redis).

# Prints a loopback port that is free right now.
free_loopback_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Waits until the server whose pid is in $2 accepts connections on port $1; on failure prints
# its log ($3) and exits non-zero, so CI fails instead of skipping the suite that needs it.
await_listening() {
  local port=$1 pid_file=$2 log=$3 name=$4
  for _ in $(seq 1 100); do
    if (echo > "/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      return
    fi
    kill -0 "$(cat "$pid_file")" 2>/dev/null || break
    sleep 0.2
  done
  echo "${name} did not start:" >&2
  cat "$log" >&2
  exit 1
}
