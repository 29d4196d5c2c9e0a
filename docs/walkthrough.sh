#!/usr/bin/env bash
# A labour dispute walked through its whole life with curl, as a new user would.
# Start the app first (see README), then: bash docs/walkthrough.sh [base-url]
set -euo pipefail
BASE=${1:-http://localhost:8080}
JAR=$(mktemp)                       # the session cookie: the password is checked once, not per request
trap 'rm -f "$JAR"' EXIT
officer=(-s -u officer.li:officer-demo -c "$JAR" -b "$JAR" -H 'Content-Type: application/json')
field() { grep -oE "\"$1\":\"?[^\",}]*" | head -1 | sed -E "s/^\"$1\":\"?//"; }   # first match
today() { TZ=Asia/Shanghai date "$@" +%F; }   # the server counts dates in China's time zone
step() { printf '\n== %s\n' "$*"; }
post() { # post <path> <version> <json>: prints the response, returns the new version in $VERSION
  local out; out=$(curl "${officer[@]}" -X POST "$BASE/api/disputes/$ID/$1" -H "If-Match: \"$2\"" -d "$3")
  echo "$out"; VERSION=$(echo "$out" | field version)
}

step "who am I"
curl "${officer[@]}" "$BASE/api/me"; echo

step "file a wage-arrears dispute (Idempotency-Key makes a retry safe)"
KEY=walkthrough-$(date +%s)
BODY='{"district":"GUSU","category":"WAGE_ARREARS",
  "workers":[{"name":"张小明","idNumber":"11010519491231002X","phone":"13912345678"}],
  "employer":{"name":"苏州示例电子有限公司","creditCode":"91320594MA1P1T4L52"},
  "claim":"拖欠2026年8月至10月工资","claimedAmount":24000,"appliedOn":"'$(today)'"}'
FILED=$(curl "${officer[@]}" -X POST "$BASE/api/disputes" -H "Idempotency-Key: $KEY" -d "$BODY")
echo "$FILED"
ID=$(echo "$FILED" | field disputeId)

step "the same request again (a client retry): same case, no second one"
curl "${officer[@]}" -i -X POST "$BASE/api/disputes" -H "Idempotency-Key: $KEY" -d "$BODY" | grep -E '^HTTP|^Idempotent|^\{'

sleep 1
step "detail (ETag is the version to send as If-Match)"
curl "${officer[@]}" -i "$BASE/api/disputes/$ID" | grep -E '^ETag|^\{'

step "accept, assign a mediator, record a session"
post acceptance 0 '{"acceptedOn":"'$(today)'"}'
post mediator "$VERSION" '{"mediator":"mediator.sun"}'
post mediation-sessions "$VERSION" '{"heldOn":"'$(today)'","summary":"双方到场，雇主承认欠薪"}'

step "a stale If-Match is refused (409), nothing is stored"
curl "${officer[@]}" -X POST "$BASE/api/disputes/$ID/mediation-sessions" -H 'If-Match: "0"' \
  -d '{"heldOn":"'$(today)'","summary":"stale"}'; echo

step "an illegal transition is refused (409): arbitration while mediation is still running"
curl "${officer[@]}" -X POST "$BASE/api/disputes/$ID/arbitration-referral" \
  -d '{"referredOn":"'$(today)'","commission":"苏州市劳动人事争议仲裁委员会"}'; echo

step "settle, pay in two instalments, close"
post settlement "$VERSION" '{"amount":24000,"paymentDueOn":"'$(today -d '+14 days')'","terms":"分两期支付"}'
post payments "$VERSION" '{"amount":12000,"paidOn":"'$(today)'"}'
post payments "$VERSION" '{"amount":12000,"paidOn":"'$(today)'"}'
post closure "$VERSION" '{"reason":"RESOLVED","note":"款项已付清"}'

sleep 1
step "the list, filtered (personal data masked)"
curl "${officer[@]}" "$BASE/api/disputes?status=CLOSED&district=GUSU&size=5" ; echo

step "the audit trail: every event in order, with actor, role, organisation, address, correlation"
curl -s -u supervisor.wang:supervisor-demo "$BASE/api/disputes/$ID/history" \
  | grep -oE '"sequence":[0-9]+,"eventId":"[^"]*","eventType":"[^"]*","occurredAt":"[^"]*","actor":"[^"]*","actorRole":"[^"]*"'

step "errors are problem+json: bad input (400), unknown case (404), analyst on personal data (403)"
curl "${officer[@]}" -X POST "$BASE/api/disputes" -d '{"district":"GUSU","category":"WAGE_ARREARS","workers":[{"name":"x","idNumber":"123"}],"employer":{"name":"e"},"claim":"c","appliedOn":"2999-01-01"}'; echo
curl "${officer[@]}" "$BASE/api/disputes/00000000-0000-0000-0000-000000000000"; echo
curl -s -u analyst.zhao:analyst-demo "$BASE/api/disputes/$ID"; echo
