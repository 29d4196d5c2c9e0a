#!/usr/bin/env bash
# The three other case kinds walked through their whole lives with curl, as a new user would:
# a major safety hazard (/api/hazards), a migrant worker's legal aid (/api/legal-aid-cases) and a
# petition (/api/petitions), then a link between two of them and one search over every kind.
# Start the app first (see README), then: bash docs/walkthrough-kinds.sh [base-url]
# Every date is computed from today in China, so the script works whichever day it runs.
set -euo pipefail
BASE=${1:-http://localhost:8080}
OFFICER_JAR=$(mktemp); SUPERVISOR_JAR=$(mktemp); BODY_FILE=$(mktemp); HEADER_FILE=$(mktemp)
trap 'rm -f "$OFFICER_JAR" "$SUPERVISOR_JAR" "$BODY_FILE" "$HEADER_FILE"' EXIT
# one cookie jar per user: the password is checked once, then the session cookie is used
officer=(-s -u officer.li:officer-demo -c "$OFFICER_JAR" -b "$OFFICER_JAR" -H 'Content-Type: application/json')
supervisor=(-s -u supervisor.wang:supervisor-demo -c "$SUPERVISOR_JAR" -b "$SUPERVISOR_JAR")

day() { TZ=Asia/Shanghai date -d "$1" +%F; }          # day "12 days ago", day today, day "+20 days"
field() { grep -oE "\"$1\":\"?[^\",}]*" | head -n 1 | sed -E "s/^\"$1\":\"?//"; }   # the first "name":value
step() { printf '\n== %s\n' "$*"; }

# request <expected-status> <method> <path> [curl options]: as officer.li; prints the status line, the
# headers that matter (ETag, Location, problem+json) and the body, which is also kept in $BODY.
# Any other status than the expected one stops the walk.
request() {
  local want=$1 method=$2 path=$3; shift 3
  local code
  code=$(curl "${officer[@]}" -D "$HEADER_FILE" -o "$BODY_FILE" -w '%{http_code}' -X "$method" "$BASE$path" "$@")
  BODY=$(cat "$BODY_FILE")
  tr -d '\r' < "$HEADER_FILE" | grep -iE '^(HTTP/|ETag:|Location:|Content-Type: application/problem)' || true
  echo "$BODY"
  if [[ $code != "$want" ]]; then echo "!! expected HTTP $want, got $code: stopping here" >&2; exit 1; fi
}
# advance <case-path> <transition> <json>: sends If-Match: "$VERSION" and carries the new version on
advance() {
  request 200 POST "$1/$2" -H "If-Match: \"$VERSION\"" -d "$3"
  VERSION=$(echo "$BODY" | field version)
}
# refused <status> <case-path> <transition> <json>: the same call, refused: nothing is stored, $VERSION stays
refused() {
  request "$1" POST "$2/$3" -H "If-Match: \"$VERSION\"" -d "$4"
}
# detail <case-path>: the current state. The read side may be a moment behind the last write, so wait
# until its ETag has reached $VERSION; then carry the ETag on as the version for If-Match.
detail() {
  local i etag
  for i in 1 2 3 4 5 6 7 8 9 10; do
    curl "${officer[@]}" -D "$HEADER_FILE" -o "$BODY_FILE" "$BASE$1"
    etag=$(tr -d '\r' < "$HEADER_FILE" | sed -nE 's/^ETag: "([0-9]+)"$/\1/ip')
    [[ -n $etag && $etag -ge $VERSION ]] && break
    sleep 0.5
  done
  tr -d '\r' < "$HEADER_FILE" | grep -iE '^(HTTP/|ETag:)'
  BODY=$(cat "$BODY_FILE"); echo "$BODY"
  VERSION=$etag
}
# trail <case-number>: the audit trail as supervisor.wang reads it, by case number: for each event its
# sequence, eventType and actor (role), then summaryEn and summaryZh (the full JSON has much more:
# time, organisation, client address, correlation id, the fields the event set)
trail() {
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do   # the history is a read model too: wait for all $VERSION+1 events
    curl "${supervisor[@]}" "$BASE/api/cases/$1/history" > "$BODY_FILE"
    [[ $(grep -o '"sequence":' "$BODY_FILE" | wc -l) -gt $VERSION ]] && break
    sleep 0.5
  done
  sed 's/},{"sequence"/}\n{"sequence"/g' "$BODY_FILE" | sed -E 's/,"changes":.*//' \
    | sed -E 's/.*"sequence":([0-9]+).*"eventType":"([^"]*)".*"actor":"([^"]*)","actorRole":"([^"]*)".*"summaryEn":"([^"]*)","summaryZh":"([^"]*)".*/\1  \2  \3 (\4)\n     \5\n     \6/'
  echo
}

# One employer for all three cases, so that one search finds them all.
EMPLOYER='{"name":"苏州恒通精密机械有限公司","creditCode":"91320508MA1H2N3D4U"}'

step "who am I"
curl "${officer[@]}" "$BASE/api/me"; echo

########################################################################################################
#  1. A major safety hazard (重大事故隐患): report, both reports (§41), listed supervision, evacuation,
#     rectification notice, answer, progress, rectification with evidence, verification, closure (销号)
########################################################################################################

step "HAZARD: report a major hazard found 12 days ago (201: caseNumber, and open hazards at the same employer)"
request 201 POST /api/hazards -d '{"district":"GUSU","severity":"MAJOR","employer":'"$EMPLOYER"',
  "location":"三号车间冲压线","description":"冲床光电保护装置被拆除, 工人徒手送料",
  "foundOn":"'"$(day '12 days ago')"'"}'
HAZARD=/api/hazards/$(echo "$BODY" | field hazardId)
HAZARD_NUMBER=$(echo "$BODY" | field caseNumber)

step "HAZARD: the detail; its ETag is the version to send as If-Match (reportsPending: not yet reported)"
VERSION=0
detail "$HAZARD"

step "HAZARD: report it to the work-safety authority (11 days ago)"
advance "$HAZARD" major-hazard-reports '{"recipient":"WORK_SAFETY_AUTHORITY","recipientName":"苏州市姑苏区应急管理局",
  "reportedOn":"'"$(day '11 days ago')"'","reference":"姑工劳保〔2026〕3号"}'

step "HAZARD: report it to the workers' congress (11 days ago)"
advance "$HAZARD" major-hazard-reports '{"recipient":"WORKERS_CONGRESS","recipientName":"职工代表大会",
  "reportedOn":"'"$(day '11 days ago')"'","reference":"姑工劳保〔2026〕4号"}'

step "HAZARD: the authority puts it under listed supervision (挂牌督办, 10 days ago)"
advance "$HAZARD" listed-supervision '{"listedOn":"'"$(day '10 days ago')"'","listedBy":"苏州市应急管理局",
  "documentNumber":"苏应急督〔2026〕12号"}'

step "HAZARD: recommend that the employer evacuate the workers (§60, 10 days ago)"
advance "$HAZARD" evacuation-recommendations '{"recommendedOn":"'"$(day '10 days ago')"'",
  "reason":"冲床在无防护状态下运行"}'

step "HAZARD: issue the rectification notice (10 days ago, deadline in 20 days)"
advance "$HAZARD" rectification-notice '{"issuedOn":"'"$(day '10 days ago')"'","deadline":"'"$(day '+20 days')"'",
  "requirements":"恢复光电保护装置, 对冲压工进行安全培训"}'

step "HAZARD: refused (409 problem+json): closing it as RECTIFIED before the rectification is verified;"\
  "nothing is stored, the version stays $VERSION"
refused 409 "$HAZARD" closure '{"reason":"RECTIFIED","closedOn":"'"$(day today)"'","note":"销号"}'

step "HAZARD: the employer's written answer (9 days ago) and progress (8 days ago)"
advance "$HAZARD" employer-answer '{"answeredOn":"'"$(day '9 days ago')"'","summary":"企业承诺十日内整改"}'
advance "$HAZARD" progress '{"recordedOn":"'"$(day '8 days ago')"'","description":"新光电保护装置已订购"}'

step "HAZARD: the employer submits its rectification with evidence (file metadata and SHA-256, 3 days ago)"
advance "$HAZARD" rectification '{"submittedOn":"'"$(day '3 days ago')"'","description":"光电保护装置已恢复并测试",
  "evidence":[{"fileName":"protection-device.jpg","mediaType":"image/jpeg","sizeBytes":480001,
               "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
              {"fileName":"training-record.pdf","mediaType":"application/pdf","sizeBytes":120344,
               "sha256":"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}]}'

step "HAZARD: verification on site: PASSED (yesterday); a major hazard then waits for closure (VERIFIED)"
advance "$HAZARD" verification '{"verifiedOn":"'"$(day yesterday)"'","outcome":"PASSED",
  "findings":"光电保护装置有效, 培训记录齐全"}'

step "HAZARD: close it as RECTIFIED (销号, today): needs the verification and both reports"
advance "$HAZARD" closure '{"reason":"RECTIFIED","closedOn":"'"$(day today)"'","note":"销号"}'

step "HAZARD: the detail at the end (status CLOSED, listed supervision lifted)"
detail "$HAZARD"

step "HAZARD: the audit trail of $HAZARD_NUMBER via /api/cases/$HAZARD_NUMBER/history"
trail "$HAZARD_NUMBER"

########################################################################################################
#  2. Legal aid (法律援助) for a migrant worker claiming wages: exempt from the means test (§42)
########################################################################################################

step "LEGAL AID: a migrant worker applies for aid to claim wages (2 days ago); the case decides the exemption"
request 201 POST /api/legal-aid-cases -d '{"district":"GUSU",
  "applicant":{"name":"赵大勇","idNumber":"320502198801010016","phone":"13912345678"},
  "migrantWorker":true,"matterCategory":"WAGES","matter":"追索2026年7月至9月工资",
  "grounds":"进城务工人员请求支付劳动报酬","amountClaimed":18000,"employer":'"$EMPLOYER"',
  "appliedOn":"'"$(day '2 days ago')"'"}'
AID=/api/legal-aid-cases/$(echo "$BODY" | field legalAidCaseId)
AID_NUMBER=$(echo "$BODY" | field caseNumber)

step "LEGAL AID: the detail (meansTestExempt: true, decisionDueOn set)"
VERSION=0
detail "$AID"

step "LEGAL AID: approve aid (yesterday) without a means test: the applicant is exempt"
advance "$AID" approval '{"decidedOn":"'"$(day yesterday)"'"}'

step "LEGAL AID: refused (400 problem+json): a lawyer who is not on the union's panel;"\
  "nothing is stored, the version stays $VERSION"
refused 400 "$AID" lawyer '{"lawyerId":"lawyer.nobody","assignedOn":"'"$(day yesterday)"'"}'

step "LEGAL AID: assign lawyer.zhou from the panel (yesterday)"
advance "$AID" lawyer '{"lawyerId":"lawyer.zhou","assignedOn":"'"$(day yesterday)"'"}'

step "LEGAL AID: what the lawyer did: a consultation (yesterday), a hearing (today)"
advance "$AID" activities '{"type":"CONSULTATION","on":"'"$(day yesterday)"'","note":"与申请人会谈, 整理考勤和工资条"}'
advance "$AID" activities '{"type":"HEARING","on":"'"$(day today)"'","note":"出席劳动仲裁庭审"}'

step "LEGAL AID: the outcome: settled, 18000 recovered (today)"
advance "$AID" outcome '{"outcome":"SETTLED","concludedOn":"'"$(day today)"'","amountRecovered":18000}'

step "LEGAL AID: the closing report (结案报告, today)"
advance "$AID" closing-report '{"submittedOn":"'"$(day today)"'","summary":"仲裁调解结案, 用人单位当庭支付全部欠薪"}'

step "LEGAL AID: close it as COMPLETED"
advance "$AID" closure '{"reason":"COMPLETED","note":"结案"}'

step "LEGAL AID: the detail at the end"
detail "$AID"

step "LEGAL AID: the audit trail of $AID_NUMBER"
trail "$AID_NUMBER"

########################################################################################################
#  3. A petition (信访): letter, registration, assignment, acceptance, reply, rating, closure;
#     then a collective visit of six people
########################################################################################################

step "PETITION: receive a letter (10 days ago) with one material"
request 201 POST /api/petitions -d '{"district":"GUSU","channel":"LETTER","receivedOn":"'"$(day '10 days ago')"'",
  "petitioners":[{"name":"王信访","idNumber":"110105199001015006","phone":"13912345678"}],
  "employer":'"$EMPLOYER"',"claim":"公司拖欠工资三个月, 请求工会协调",
  "materials":[{"fileName":"来信.pdf","mediaType":"application/pdf","sizeBytes":48211,
                "sha256":"1111111111111111111111111111111111111111111111111111111111111111"}]}'
PETITION=/api/petitions/$(echo "$BODY" | field petitionId)
PETITION_NUMBER=$(echo "$BODY" | field caseNumber)

step "PETITION: the detail; the receipt stored two events (received, material added), so the version is 1, not 0"
VERSION=1   # the 201 does not say so, and the detail may show 0 for a moment: wait for 1
detail "$PETITION"

step "PETITION: register it (登记, 10 days ago) with its subject"
advance "$PETITION" registration '{"registeredOn":"'"$(day '10 days ago')"'","subject":"WAGE_ARREARS"}'

step "PETITION: assign it to the handling unit (9 days ago, within 15 days of receipt)"
advance "$PETITION" assignment '{"assignedOn":"'"$(day '9 days ago')"'","routing":"ASSIGNED",
  "handlingUnit":"姑苏区平江街道总工会","handlingOfficer":"officer.zhou","note":"请十五日内告知是否受理"}'

step "PETITION: refused (409 problem+json): a reply before the petition is accepted;"\
  "nothing is stored, the version stays $VERSION"
refused 409 "$PETITION" reply '{"repliedOn":"'"$(day today)"'","reply":"经协调, 公司承诺月底前付清欠薪"}'

step "PETITION: accept it (8 days ago); the reply is due in 60 days"
advance "$PETITION" acceptance '{"acceptedOn":"'"$(day '8 days ago')"'"}'

step "PETITION: the written reply (5 days ago)"
advance "$PETITION" reply '{"repliedOn":"'"$(day '5 days ago')"'","reply":"经协调, 公司承诺月底前付清欠薪"}'

step "PETITION: the petitioner's rating of the reply (4 days ago)"
advance "$PETITION" rating '{"rating":"SATISFIED","ratedOn":"'"$(day '4 days ago')"'","comment":"态度很好"}'

step "PETITION: close it as RESOLVED"
advance "$PETITION" closure '{"reason":"RESOLVED","note":"办结"}'

step "PETITION: the detail at the end"
detail "$PETITION"

step "PETITION: the audit trail of $PETITION_NUMBER"
trail "$PETITION_NUMBER"

step "PETITION: a visit of 6 people today, two of them named (possibleDuplicates: open petitions only)"
request 201 POST /api/petitions -d '{"district":"GUSU","channel":"VISIT","receivedOn":"'"$(day today)"'","visitorCount":6,
  "petitioners":[{"name":"陈来访","idNumber":"320583199203040023","phone":"13812345678"},
                 {"name":"李来访","idNumber":"32050619850715003X"}],
  "employer":'"$EMPLOYER"',"claim":"六名工人集体反映公司停发工资"}'
VISIT=/api/petitions/$(echo "$BODY" | field petitionId)
VISIT_NUMBER=$(echo "$BODY" | field caseNumber)

step "PETITION: the visit's detail: collective is true (more than 5 visitors); version 1 (received, alert raised)"
VERSION=1
detail "$VISIT"
echo "$BODY" | grep -oE '"(channel|visitorCount|collective)":[^,]*'

step "PETITION: the visit's audit trail: the receipt raised the collective-visit alert"
trail "$VISIT_NUMBER"

########################################################################################################
#  4. Across kinds: a link, and one search over every kind
########################################################################################################

step "LINK: the petition led to the legal-aid case (recorded as an event on both)"
request 201 POST "/api/cases/$PETITION_NUMBER/links" -d '{"linkedCase":"'"$AID_NUMBER"'","relation":"LED_TO"}'

step "LINK: both sides show it (LED_TO on the petition, AROSE_FROM on the legal-aid case)"
for case in "$PETITION" "$AID"; do
  for i in 1 2 3 4 5 6 7 8 9 10; do   # the read side may be a moment behind the link
    curl "${officer[@]}" "$BASE$case" > "$BODY_FILE"
    grep -q '"relation"' "$BODY_FILE" && break
    sleep 0.5
  done
  grep -oE '"links":\[[^]]*\]' "$BODY_FILE"
done

step "SEARCH: /api/cases?q=恒通 finds the cases of every kind at this employer (party names masked)"
sleep 1   # the cross-kind list is a read model too
curl "${officer[@]}" -G "$BASE/api/cases" --data-urlencode 'q=恒通' --data-urlencode 'size=50' > "$BODY_FILE"
echo "totalItems: $(field totalItems < "$BODY_FILE")"
sed 's/},{"caseId"/}\n{"caseId"/g' "$BODY_FILE" \
  | sed -E 's/.*"kind":"([^"]*)","caseNumber":"([^"]*)","status":"([^"]*)","open":([a-z]*).*"partyMasked":"?([^",]*)"?,"employerName":"([^"]*)".*/\1  \2  \3  open=\4  party=\5  \6/'
echo
