#!/usr/bin/env bash
# Checks the first Quick start line's promise on this clone: `pnpm start` brings up the
# API (health answers), the PWA (serves, proxies the API) and the emulator, and every
# demo account logs in, and the emulator's push reaches the API. Stops everything it started.
set -euo pipefail
log=$(mktemp)
setsid npx -y pnpm@12.4.2 start >"$log" 2>&1 &
pid=$!
cleanup() { kill -TERM -- "-$pid" 2>/dev/null || true; sleep 1; kill -KILL -- "-$pid" 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "smoke: $1"; tail -40 "$log"; exit 1; }

for _ in $(seq 1 150); do
  if curl -fsS http://127.0.0.1:3000/api/v1/health >/dev/null 2>&1 && curl -fsS http://localhost:5173/ >/dev/null 2>&1; then break; fi
  kill -0 "$pid" 2>/dev/null || fail "start exited early"
  sleep 2
done
curl -fsS http://127.0.0.1:3000/api/v1/health | grep -q '"database":"up"' || fail "API health does not answer"
curl -fsS http://localhost:5173/ | grep -q '<div id="root">' || fail "PWA does not serve"
curl -fsS http://127.0.0.1:4545/_emulator/info | grep -q googleBaseUrl || fail "emulator does not answer"
for who in admin dispatch alice bob; do
  curl -fsS -X POST http://localhost:5173/api/v1/auth/login -H 'content-type: application/json' \
    -d "{\"email\":\"$who@example.com\",\"password\":\"demo1234\"}" | grep -q accessToken || fail "$who@example.com cannot log in"
done
echo "smoke: start serves API, PWA and emulator; the 4 demo accounts log in"
node "$(dirname "$0")/smoke-push.mjs" || fail "the emulator's change notifications do not reach the API"
