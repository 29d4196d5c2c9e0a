#!/usr/bin/env bash
# Measures what authentication costs per request: N sequential GET /api/me on one keep-alive
# connection, (a) with HTTP Basic on every request and no cookie (a bcrypt check each time),
# (b) with the session cookie after one Basic login. Start the app first.
# Usage: bash docs/bench/auth-cost.sh [base-url] [N]
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-300}
JAR=$(mktemp); trap 'rm -f "$JAR"' EXIT
curl -s -o /dev/null -u officer.li:officer-demo -c "$JAR" "$BASE/api/me"        # warm-up and log in
curl -s -o /dev/null -u officer.li:officer-demo "$BASE/api/me?[1-20]"           # JIT warm-up
rate() { awk -v n="$N" -v a="$1" -v b="$2" 'BEGIN { s = b - a; printf "%d requests in %.2f s = %.0f requests/s\n", n, s, n / s }'; }
t0=$(date +%s.%N); curl -s -o /dev/null -u officer.li:officer-demo "$BASE/api/me?[1-$N]"; t1=$(date +%s.%N)
echo "Basic on every request : $(rate "$t0" "$t1")"
t0=$(date +%s.%N); curl -s -o /dev/null -b "$JAR" "$BASE/api/me?[1-$N]"; t1=$(date +%s.%N)
echo "session cookie         : $(rate "$t0" "$t1")"
