#!/usr/bin/env bash
# Loads the article's organizations through the gateway, as the mobile app or a district
# organizer would (see DOMAIN.md, "Demo data"). Run by bin/run once per data directory.
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}

YANGPU=310110; HUANGPU=310101; CHONGMING=310151

# org-service checks scopes: a district admin acts only in the district their token names, so
# every call below is made with the dev token of the admin of the district it touches.
declare -A TOKEN
for district in $YANGPU $HUANGPU $CHONGMING; do
  TOKEN[$district]=$(curl -fsS -X POST "$GATEWAY/dev/token" -H 'Content-Type: application/json' \
    -d "{\"subject\":\"demo-loader-$district\",\"roles\":[\"district_admin\"],\"district\":\"$district\"}" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')
done

# org NAME KIND DISTRICT [PARENT_ID] [FOUNDED_ON] -> prints the new id
org() {
  local body="{\"name\":\"$1\",\"kind\":\"$2\",\"districtCode\":\"$3\""
  [ -n "${4:-}" ] && body="$body,\"parentId\":\"$4\""
  [ -n "${5:-}" ] && body="$body,\"foundedOn\":\"$5\""
  body="$body}"
  curl -fsS -X POST "$GATEWAY/api/v1/orgs/organizations" -H "Authorization: Bearer ${TOKEN[$3]}" \
    -H 'Content-Type: application/json' -d "$body" | sed 's/.*"id":"\([^"]*\)".*/\1/'
}

bili=$(org "哔哩哔哩党委" COMMITTEE $YANGPU "" 2017-06-01)
for n in 一 二 三 四 五 六 七 八 九 十; do
  org "哔哩哔哩第${n}党支部" BRANCH $YANGPU "$bili" >/dev/null
done
org "UP主党支部" BRANCH $YANGPU "$bili" >/dev/null
org "哔哩哔哩北京直管党支部" BRANCH $YANGPU "$bili" >/dev/null

laoximen=$(org "老西门街道党工委" COMMITTEE $HUANGPU)
xiaoximen=$(org "小西门居民区党总支" GENERAL_BRANCH $HUANGPU "$laoximen")
org "蓬莱路地块第一临时党支部" BRANCH $HUANGPU "$xiaoximen" >/dev/null
org "蓬莱路地块第二临时党支部" BRANCH $HUANGPU "$xiaoximen" >/dev/null

gangyan=$(org "港沿镇党委" COMMITTEE $CHONGMING)
yuanyi=$(org "园艺村党总支" GENERAL_BRANCH $CHONGMING "$gangyan")
org "第一网格党支部" BRANCH $CHONGMING "$yuanyi" >/dev/null
org "第二网格党支部" BRANCH $CHONGMING "$yuanyi" >/dev/null
org "第三网格党支部" BRANCH $CHONGMING "$yuanyi" >/dev/null

# post DISTRICT PATH JSON -> prints the new id (as the admin of DISTRICT)
post() {
  curl -fsS -X POST "$GATEWAY$2" -H "Authorization: Bearer ${TOKEN[$1]}" -H 'Content-Type: application/json' \
    -d "$3" | sed 's/.*"id":"\([^"]*\)".*/\1/'
}
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

# Lessons from the article: an immersive lesson for 哔哩哔哩's young members, and the finance
# academy that 滨江党建·金融外滩 runs for its member units' staff, party members or not.
# (org-service has no joint conferences yet, so the academy's provider id is a fixed placeholder.)
BUND_CONFERENCE=6f1c2d8e-5b0a-4c3e-9f7d-2a1b3c4d5e6f
immersive=$(post $YANGPU /api/v1/training/courses "{\"title\":\"沉浸式党课：从弹幕里读懂青年\",\"kind\":\"IMMERSIVE\",
  \"providerKind\":\"ORGANIZATION\",\"providerId\":\"$bili\",\"creditHours\":2,
  \"description\":\"在哔哩哔哩党群服务站，用年轻人喜爱的方式上党课\",\"eligibility\":{\"subtreeRoots\":[\"$bili\"]}}")
post $YANGPU "/api/v1/training/courses/$immersive/sessions" "{\"startsAt\":\"$(at '+7 days 10:00')\",\"endsAt\":\"$(at '+7 days 12:00')\",
  \"venueKind\":\"ADDRESS\",\"venue\":\"哔哩哔哩党群服务站\",\"capacity\":30,
  \"enrolmentOpensAt\":\"$(at '-1 hour')\",\"enrolmentClosesAt\":\"$(at '+6 days')\",
  \"cancellationDeadline\":\"$(at '+6 days')\"}" >/dev/null
academy=$(post $HUANGPU /api/v1/training/courses "{\"title\":\"金融研修院：跨境支付清算实务\",\"kind\":\"ACADEMY\",
  \"providerKind\":\"JOINT_CONFERENCE\",\"providerId\":\"$BUND_CONFERENCE\",\"creditHours\":4}")
post $HUANGPU "/api/v1/training/courses/$academy/sessions" "{\"startsAt\":\"$(at '+14 days 14:00')\",\"endsAt\":\"$(at '+14 days 18:00')\",
  \"venueKind\":\"ADDRESS\",\"venue\":\"金融品巷·零距离党群服务站\",\"capacity\":40,
  \"enrolmentOpensAt\":\"$(at '-1 hour')\",\"enrolmentClosesAt\":\"$(at '+13 days')\",
  \"cancellationDeadline\":\"$(at '+12 days')\",\"quotaBy\":\"MEMBER_UNIT\",\"seatsPerGroup\":5}" >/dev/null

echo "[demo] loaded 哔哩哔哩党委 (12 branches), 老西门街道 → 小西门居民区党总支 → 2 temporary branches, 港沿镇 → 园艺村党总支 → 3 grid branches; an immersive lesson and a finance-academy course"
