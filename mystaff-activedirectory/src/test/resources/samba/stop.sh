#!/bin/bash
# Stops the DC started by start.sh under $1 and removes it.
set -euo pipefail
D=${1:?target dir}
if [ -f "$D/samba.pid" ]; then
  PID=$(cat "$D/samba.pid")
  kill "$PID" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.05; done
  kill -9 "$PID" 2>/dev/null || true
fi
rm -rf "$D" "$D.provision.log"
