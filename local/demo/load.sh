#!/usr/bin/env bash
# Loads the article's organizations through the gateway, as the mobile app or a district
# organizer would (see DOMAIN.md, "Demo data"). Run by bin/run once per data directory.
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}

YANGPU=310110; HUANGPU=310101; CHONGMING=310151

# org-service checks scopes: a district admin acts only in the district their token names, so
# every call below is made with the token of the admin of the district it touches: DEMO_TOKEN_<code>
# when given (the system test signs its own), else a dev token (local run only).
# DEMO_IDS=<file>: where to write the ids of what the demo made (key=id lines), for checks.
declare -A TOKEN
for district in $YANGPU $HUANGPU $CHONGMING; do
  given=DEMO_TOKEN_$district
  TOKEN[$district]=${!given:-$(curl -fsS -X POST "$GATEWAY/dev/token" -H 'Content-Type: application/json' \
    -d "{\"subject\":\"demo-loader-$district\",\"roles\":[\"district_admin\"],\"district\":\"$district\"}" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')}
done
DEMO_IDS=${DEMO_IDS:-/dev/null}
: > "$DEMO_IDS"
made() { printf '%s=%s\n' "$1" "$2" >> "$DEMO_IDS"; }

# The first "id" of a JSON answer: the created resource's own (nested objects come after it).
first_id() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4 || true; }

# org NAME KIND DISTRICT [PARENT_ID] [FOUNDED_ON] [FORM_JSON] -> prints the new id
org() {
  local body="{\"name\":\"$1\",\"kind\":\"$2\",\"districtCode\":\"$3\""
  [ -n "${4:-}" ] && body="$body,\"parentId\":\"$4\""
  [ -n "${5:-}" ] && body="$body,\"foundedOn\":\"$5\""
  [ -n "${6:-}" ] && body="$body,\"form\":$6"
  body="$body}"
  curl -fsS -X POST "$GATEWAY/api/v1/orgs/organizations" -H "Authorization: Bearer ${TOKEN[$3]}" \
    -H 'Content-Type: application/json' -d "$body" | first_id
}

# send METHOD DISTRICT PATH JSON -> prints the id in the answer (as the admin of DISTRICT)
send() {
  curl -fsS -X "$1" "$GATEWAY$3" -H "Authorization: Bearer ${TOKEN[$2]}" -H 'Content-Type: application/json' \
    -d "$4" | first_id
}
post() { send POST "$@"; }

# post_known DISTRICT PATH JSON: like post, for a call naming an organization, conference or member
# unit that org-service made moments ago. training and stations learn of those from its events
# within seconds; until then they answer 422 "...-unknown", and this tries again (up to a minute).
post_known() {
  local answer code _
  for _ in $(seq 1 120); do
    answer=$(curl -sS -w '\n%{http_code}' -X POST "$GATEWAY$2" -H "Authorization: Bearer ${TOKEN[$1]}" \
      -H 'Content-Type: application/json' -d "$3")
    code=${answer##*$'\n'}; answer=${answer%$'\n'*}
    case "$code" in
      2??) printf '%s\n' "$answer" | first_id; return 0 ;;
      422) grep -q '"type":"urn:grassroots:problem:[a-z-]*unknown' <<<"$answer" || break; sleep 0.5 ;;
      *) break ;;
    esac
  done
  echo "[demo] POST $2 answered $code: $answer" >&2
  return 1
}
# get DISTRICT PATH -> the answer's body (as the admin of DISTRICT)
get() { curl -fsS "$GATEWAY$2" -H "Authorization: Bearer ${TOKEN[$1]}"; }
# The ids ("id", or the field named) of a list's items, one per line.
ids() { grep -o "\"${1:-id}\":\"[^\"]*\"" | cut -d'"' -f4 || true; }
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
sh_at() { TZ=Asia/Shanghai date -d "$1" +%Y-%m-%dT%H:%M:%S%:z; }
this_year=$(date -u +%Y)

# --- Organizations (DOMAIN.md, "Demo data") -------------------------------------------------
bili=$(org "哔哩哔哩党委" COMMITTEE $YANGPU "" 2017-06-01)
bili_branches=()
for n in 一 二 三 四 五 六 七 八 九 十; do
  bili_branches+=("$(org "哔哩哔哩第${n}党支部" BRANCH $YANGPU "$bili")")
done
up=$(org "UP主党支部" BRANCH $YANGPU "$bili" "" \
  '{"type":"FUNCTIONAL","criteria":"city = \"上海\" and mainWork = \"视频创作\" and followers >= 10000"}')
org "哔哩哔哩北京直管党支部" BRANCH $YANGPU "$bili" "" '{"type":"DIRECTLY_MANAGED","city":"北京"}' >/dev/null

laoximen=$(org "老西门街道党工委" COMMITTEE $HUANGPU)
xiaoximen=$(org "小西门居民区党总支" GENERAL_BRANCH $HUANGPU "$laoximen")
xiaoximen_branches=()
for n in 一 二; do xiaoximen_branches+=("$(org "小西门居民区第${n}党支部" BRANCH $HUANGPU "$xiaoximen")"); done
penglai1=$(org "蓬莱路地块第一临时党支部" BRANCH $HUANGPU "$xiaoximen" "" \
  "{\"type\":\"TEMPORARY\",\"purpose\":\"蓬莱路地块旧区改造征收\",\"startsOn\":\"$this_year-01-01\",\"plannedEndOn\":\"$this_year-12-31\"}")
penglai2=$(org "蓬莱路地块第二临时党支部" BRANCH $HUANGPU "$xiaoximen" "" \
  "{\"type\":\"TEMPORARY\",\"purpose\":\"蓬莱路地块居民安置与回搬\",\"startsOn\":\"$this_year-01-01\",\"plannedEndOn\":\"$((this_year + 1))-06-30\"}")

gangyan=$(org "港沿镇党委" COMMITTEE $CHONGMING)
yuanyi=$(org "园艺村党总支" GENERAL_BRANCH $CHONGMING "$gangyan")
grids=()
# One grid per ~1 km², each counting its households: 290 + 260 + 285 = the village's 835.
grids+=("$(org "第一网格党支部" BRANCH $CHONGMING "$yuanyi" "" '{"type":"GRID","gridNumber":1,"areaKm2":1.1,"households":290}')")
grids+=("$(org "第二网格党支部" BRANCH $CHONGMING "$yuanyi" "" '{"type":"GRID","gridNumber":2,"areaKm2":0.9,"households":260}')")
grids+=("$(org "第三网格党支部" BRANCH $CHONGMING "$yuanyi" "" '{"type":"GRID","gridNumber":3,"areaKm2":1.1,"households":285}')")
send PUT $CHONGMING "/api/v1/orgs/villages/$yuanyi" '{"areaKm2":3.1,"households":835}' >/dev/null

# --- Members: 440 in 哔哩哔哩's ten branches, 62 in 园艺村's grids --------------------------------
BILI_BRANCHES="${bili_branches[*]}" YUANYI_GRIDS="${grids[*]}" GATEWAY="$GATEWAY" \
  TOKEN_YANGPU="${TOKEN[$YANGPU]}" TOKEN_CHONGMING="${TOKEN[$CHONGMING]}" \
  bash "$(dirname "$0")/members.sh"

# --- UP主党支部: the creators its criteria select ("based in Shanghai, video making as main work,
# large follower count"). Some of 哔哩哔哩's members carry the attributes, a few only some of them;
# the branch affiliates exactly the candidates its criteria select.
attributes() { send PUT $YANGPU "/api/v1/orgs/members/$1/attributes" "{\"attributes\":$2}" >/dev/null; }
creators=0
for i in 0 1 2 3 4 5; do
  members_of=($(get $YANGPU "/api/v1/orgs/members?homeOrganizationId=${bili_branches[i]}&limit=4" | ids))
  attributes "${members_of[0]}" "{\"city\":\"上海\",\"mainWork\":\"视频创作\",\"followers\":\"$(( (i + 1) * 137000 ))\"}"
  attributes "${members_of[1]}" "{\"city\":\"上海\",\"mainWork\":\"视频创作\",\"followers\":\"$(( 12000 + i * 4100 ))\"}"
  creators=$((creators + 2))
  case $i in   # near misses: another city, another main work, too few followers
    0|3) attributes "${members_of[2]}" '{"city":"北京","mainWork":"视频创作","followers":"560000"}' ;;
    1|4) attributes "${members_of[2]}" '{"city":"上海","mainWork":"直播运营","followers":"98000"}' ;;
    *)   attributes "${members_of[2]}" '{"city":"上海","mainWork":"视频创作","followers":"3200"}' ;;
  esac
done
up_candidates=($(get $YANGPU "/api/v1/orgs/branches/$up/candidates?limit=500" | ids memberId))
if [ ${#up_candidates[@]} -ne $creators ]; then
  echo "[demo] UP主党支部's criteria select ${#up_candidates[@]} members, expected $creators" >&2; exit 1
fi
post $YANGPU "/api/v1/orgs/branches/$up/affiliations" \
  "{\"memberIds\":[$(printf '"%s",' "${up_candidates[@]}" | sed 's/,$//')]}" >/dev/null

# --- 小西门居民区: its members, some of whom the 蓬莱路 temporary branches take on for the renovation
source "$(dirname "$0")/members.sh"   # demo_members_check: the ID number's check character
resident() { # BRANCH NAME N: born in the 1940s (members.sh's members are younger: no ID number twice)
  local first17
  printf -v first17 '310101%04d%02d%02d%03d' $((1940 + $3 % 10)) $((1 + $3 % 12)) $((1 + $3 % 28)) $((101 + $3 * 2))
  demo_members_check "$first17"
  post $HUANGPU /api/v1/orgs/members "{\"name\":\"$2\",\"idNumber\":\"$first17$DEMO_CHECK\",\"phone\":\"139160210$(printf %02d $3)\",
    \"homeOrganizationId\":\"$1\",\"admittedOn\":\"1968-07-01\",\"fullSince\":\"1969-07-01\"}" >/dev/null
}
n=0
for name in 顾国强 陈秀英 张建华 王桂芳 李德明 周美华 徐志刚 朱丽娟 沈金根 陆凤英 吴伟民 黄玉兰 钱宝林 孙慧珍 蒋永康 杨佩玲; do
  resident "${xiaoximen_branches[n % 2]}" "$name" "$n"; n=$((n + 1))
done
residents=()
for branch in "${xiaoximen_branches[@]}"; do
  residents+=($(get $HUANGPU "/api/v1/orgs/members?homeOrganizationId=$branch&limit=500" | ids))
done
affiliate() { post $HUANGPU "/api/v1/orgs/branches/$1/affiliations" "{\"memberIds\":[$(printf '"%s",' "${@:2}" | sed 's/,$//')]}" >/dev/null; }
affiliate "$penglai1" "${residents[@]:0:9}"
affiliate "$penglai2" "${residents[@]:9:6}"

# --- The joint conference 滨江党建·金融外滩 (host 黄浦) ------------------------------------------
CONF=/api/v1/orgs/conferences
bund_conf=$(post $HUANGPU $CONF '{"name":"滨江党建·金融外滩","hostDistrict":"310101","foundedOn":"2018-12-01"}')
declare -A UNIT
unit() { UNIT[$1]=$(post $HUANGPU "$CONF/$bund_conf/units" "{\"name\":\"$1\",\"sector\":\"$2\",\"joinedOn\":\"2018-12-01\"}"); }
unit 上海清算所 CENTRAL_SOE; unit 上海票据交易所 CENTRAL_SOE; unit 跨境支付清算公司 CENTRAL_SOE
unit 太平洋保险 CITY_SOE; unit 东方证券 CITY_SOE; unit 外滩投资 DISTRICT_SOE; unit 汇添富基金 PRIVATE_FIRM
unit 小东门街道 SUB_DISTRICT; unit 南京东路街道 SUB_DISTRICT; unit 黄码头公司 OTHER
unit 上海黄金交易所 CENTRAL_SOE; unit 华融资产上海分公司 CENTRAL_SOE; unit 久事投资 CITY_SOE
unit 复星集团 PRIVATE_FIRM; unit 外滩街道 SUB_DISTRICT; unit 老西门街道 SUB_DISTRICT
term() { post $HUANGPU "$CONF/$bund_conf/chair-terms" "{\"unitId\":\"${UNIT[$1]}\",\"startsOn\":\"$2\",\"endsOn\":\"$3\"}" >/dev/null; }
term 上海清算所 "$((this_year - 1))-01-01" "$((this_year - 1))-12-31"
term 太平洋保险 "$this_year-01-01" "$this_year-12-31"
term 外滩投资 "$((this_year + 1))-01-01" "$((this_year + 1))-12-31"
listing() { # offers|needs UNIT CATEGORY QUANTITY DESCRIPTION
  post $HUANGPU "$CONF/$bund_conf/$1" "{\"unitId\":\"${UNIT[$2]}\",\"category\":\"$3\",\"quantity\":$4,
    \"availableFrom\":\"$this_year-01-01\",\"availableUntil\":\"$((this_year + 1))-12-31\",\"description\":\"$5\"}"
}
station_offer=$(listing offers 外滩投资 VENUE 24 "金融品巷·零距离党群服务站")
garden_offer=$(listing offers 黄码头公司 VENUE 12 "金融品巷·藤蔓花园")
volunteer_offer=$(listing offers 太平洋保险 VOLUNTEERS 20 "青年志愿者")
listing offers 东方证券 TRAINING 10 "金融研修院：面向成员单位金融人才的专业课程" >/dev/null
venue_need=$(listing needs 太平洋保险 VENUE 12 "南外滩金融白领学习交流、文体活动场地")
volunteer_need=$(listing needs 小东门街道 VOLUNTEERS 20 "老城厢为老服务志愿者")
garden_need=$(listing needs 小东门街道 VENUE 6 "居民议事会场地")
listing needs 汇添富基金 TRAINING 4 "青年员工政治理论学习" >/dev/null
project=$(post $HUANGPU "$CONF/$bund_conf/projects" "{\"name\":\"金融品巷\",\"description\":\"把滨江岸线打造成金融人才与居民共享的党建服务带\",
  \"matches\":[{\"offerId\":\"$station_offer\",\"needId\":\"$venue_need\"},{\"offerId\":\"$volunteer_offer\",\"needId\":\"$volunteer_need\"},
  {\"offerId\":\"$garden_offer\",\"needId\":\"$garden_need\"}]}")
post $HUANGPU "$CONF/$bund_conf/projects/$project/activate" '{}' >/dev/null

# --- Service stations, rooms and bookings -----------------------------------------------------
week() { local out="" d; for d in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do
  out="$out${out:+,}{\"weekday\":\"$d\",\"opens\":\"$1\",\"closes\":\"$2\"}"; done; echo "$out"; }
book() { # DISTRICT STATION ROOM FROM TO BOOKER_KIND BOOKER_ID BOOKER_NAME PURPOSE ATTENDEES
  post_known "$1" "/api/v1/stations/$2/rooms/$3/bookings" "{\"start\":\"$(sh_at "$4")\",\"end\":\"$(sh_at "$5")\",
    \"bookerKind\":\"$6\",\"bookerId\":\"$7\",\"bookerName\":\"$8\",\"purpose\":\"$9\",\"attendees\":${10}}" >/dev/null
}
bund=$(post $HUANGPU /api/v1/stations "{\"name\":\"金融品巷·零距离党群服务站\",\"districtCode\":\"$HUANGPU\",
  \"address\":\"上海市黄浦区中山东二路外滩滨江\",\"latitude\":31.2331,\"longitude\":121.4936,
  \"hostUnits\":[\"滨江党建·金融外滩\",\"太平洋保险\",\"外滩投资\",\"黄码头公司\",\"小东门街道\"],
  \"services\":[\"党课\",\"金融研修院课程\",\"阅读\",\"法律咨询\",\"白领休憩\"],
  \"managers\":[\"station-manager-bund\"],\"openingHours\":[$(week 09:00 21:00)]}")
bund_hall=$(post $HUANGPU /api/v1/stations/$bund/rooms '{"name":"外滩讲堂","capacity":60,"facilities":["投影","音响","直播"],"requiresApproval":true}')
bund_room=$(post $HUANGPU /api/v1/stations/$bund/rooms '{"name":"金融品巷会议室","capacity":16,"facilities":["白板","视频会议"],"weeklyQuota":3}')
bund_garden=$(post $HUANGPU /api/v1/stations/$bund/rooms '{"name":"藤蔓花园","capacity":30,"facilities":["户外","阅读角"],"bufferMinutes":30}')
bilistation=$(post $YANGPU /api/v1/stations "{\"name\":\"哔哩哔哩党群服务站\",\"districtCode\":\"$YANGPU\",
  \"address\":\"上海市杨浦区政立路485号\",\"latitude\":31.3045,\"longitude\":121.5140,
  \"hostUnits\":[\"哔哩哔哩党委\"],\"services\":[\"党课\",\"UP主创作交流\",\"青年志愿服务\"],
  \"managers\":[\"station-manager-bilibili\"],\"openingHours\":[$(week 10:00 22:00)]}")
bili_hall=$(post $YANGPU /api/v1/stations/$bilistation/rooms '{"name":"小电视报告厅","capacity":80,"facilities":["投影","直播","弹幕墙"]}')
bili_studio=$(post $YANGPU /api/v1/stations/$bilistation/rooms '{"name":"UP主创作室","capacity":12,"facilities":["摄影灯","绿幕","剪辑工位"],"weeklyQuota":2}')

book $YANGPU $bilistation $bili_hall '+3 days 14:00' '+3 days 16:00' ORGANIZATION "$bili" 哔哩哔哩党委 '主题党日：青年与创作' 60
post_known $YANGPU "/api/v1/stations/$bilistation/rooms/$bili_studio/bookings/series" "{\"start\":\"$(sh_at '+2 days 19:00')\",
  \"end\":\"$(sh_at '+2 days 21:00')\",\"rrule\":\"FREQ=WEEKLY;COUNT=4\",\"mode\":\"EACH\",\"bookerKind\":\"ORGANIZATION\",
  \"bookerId\":\"$up\",\"bookerName\":\"UP主党支部\",\"purpose\":\"UP主党支部学习会\",\"attendees\":10}" >/dev/null
book $HUANGPU $bund $bund_room '+1 day 12:00' '+1 day 13:30' MEMBER_UNIT "${UNIT[太平洋保险]}" 太平洋保险 '金融研修院午间课' 14
book $HUANGPU $bund $bund_hall '+10 days 14:00' '+10 days 17:00' MEMBER_UNIT "${UNIT[太平洋保险]}" 太平洋保险 '滨江党建·金融外滩联席会议' 40
post $HUANGPU "/api/v1/stations/$bund/rooms/$bund_garden/bookings" "{\"start\":\"$(sh_at '+2 days 12:00')\",
  \"end\":\"$(sh_at '+2 days 13:00')\",\"bookerKind\":\"PUBLIC\",\"bookerName\":\"王女士\",\"bookerPhone\":\"13800138000\",
  \"purpose\":\"午间读书会\",\"attendees\":6}" >/dev/null

# A mediation at the 蓬莱路 renovation site (no station is named there in the article: a service point).
penglai=$(post $HUANGPU /api/v1/stations "{\"name\":\"蓬莱路地块旧改基地党群服务点\",\"districtCode\":\"$HUANGPU\",
  \"address\":\"上海市黄浦区蓬莱路（小西门居民区）\",\"latitude\":31.2167,\"longitude\":121.4908,\"hostUnits\":[\"小西门居民区党总支\",\"老西门街道\"],
  \"services\":[\"旧改政策咨询\",\"调解\",\"居民议事会\"],\"managers\":[\"station-manager-penglai\"],
  \"openingHours\":[$(week 08:30 20:30)]}")
penglai_room=$(post $HUANGPU /api/v1/stations/$penglai/rooms '{"name":"调解室","capacity":10}')
post_known $HUANGPU "/api/v1/stations/$penglai/rooms/$penglai_room/mediations" "{\"start\":\"$(sh_at '+1 day 18:30')\",
  \"end\":\"$(sh_at '+1 day 20:00')\",\"site\":\"蓬莱路地块\",\"bookerKind\":\"ORGANIZATION\",\"bookerId\":\"$penglai1\",
  \"bookerName\":\"蓬莱路地块第一临时党支部\",\"residentsSecretary\":\"小西门居民区党总支书记\",
  \"expropriationOfficer\":\"黄浦区第一征收事务所经办人\",\"lawyer\":\"法律援助中心律师\",
  \"family\":{\"names\":[\"陈阿姨\",\"陈先生\"]}}" >/dev/null

# --- Lessons: an immersive lesson for 哔哩哔哩's young members in the station's hall (venue saga:
# VENUE_PENDING until the station confirms the room), and the finance academy that
# 滨江党建·金融外滩 runs for its member units' staff, party members or not.
immersive=$(post_known $YANGPU /api/v1/training/courses "{\"title\":\"沉浸式党课：从弹幕里读懂青年\",\"kind\":\"IMMERSIVE\",
  \"providerKind\":\"ORGANIZATION\",\"providerId\":\"$bili\",\"creditHours\":2,
  \"description\":\"在哔哩哔哩党群服务站，用年轻人喜爱的方式上党课\",\"eligibility\":{\"subtreeRoots\":[\"$bili\"]}}")
post $YANGPU "/api/v1/training/courses/$immersive/sessions" "{\"startsAt\":\"$(at '+7 days 06:00')\",\"endsAt\":\"$(at '+7 days 08:00')\",
  \"venueKind\":\"STATION_ROOM\",\"venue\":\"哔哩哔哩党群服务站 小电视报告厅\",\"stationRoomId\":\"$bili_hall\",\"capacity\":30,
  \"enrolmentOpensAt\":\"$(at '-1 hour')\",\"enrolmentClosesAt\":\"$(at '+6 days')\",
  \"cancellationDeadline\":\"$(at '+6 days')\"}" >/dev/null
academy=$(post_known $HUANGPU /api/v1/training/courses "{\"title\":\"金融研修院：跨境支付清算实务\",\"kind\":\"ACADEMY\",
  \"providerKind\":\"JOINT_CONFERENCE\",\"providerId\":\"$bund_conf\",\"creditHours\":4}")
academy_session=$(post $HUANGPU "/api/v1/training/courses/$academy/sessions" "{\"startsAt\":\"$(at '+14 days 06:00')\",\"endsAt\":\"$(at '+14 days 10:00')\",
  \"venueKind\":\"ADDRESS\",\"venue\":\"金融品巷·零距离党群服务站 外滩讲堂\",\"capacity\":40,
  \"enrolmentOpensAt\":\"$(at '-1 hour')\",\"enrolmentClosesAt\":\"$(at '+13 days')\",
  \"cancellationDeadline\":\"$(at '+12 days')\",\"quotaBy\":\"MEMBER_UNIT\",\"seatsPerGroup\":5}")

# 金融研修院's learners: finance staff of several member units, party members or not, registered by
# the conference office and enrolled up to their unit's 5 seats. training learns them from
# UnitStaffRegistered; until it does (or while its consumer is not deployed) an enrolment is 422
# learner-unknown: the first one is retried for up to a minute, and if training still does not know
# the learner the enrolments are skipped with a warning, the rest of the demo loads all the same.
declare -A STAFF
staff() { # UNIT NAME PHONE PARTY_MEMBER -> adds the new learner's person id to STAFF[UNIT]
  local person
  person=$(curl -fsS -X POST "$GATEWAY$CONF/$bund_conf/units/${UNIT[$1]}/staff" -H "Authorization: Bearer ${TOKEN[$HUANGPU]}" \
    -H 'Content-Type: application/json' -d "{\"name\":\"$2\",\"phone\":\"$3\",\"partyMember\":$4}" | ids personId)
  STAFF[$1]="${STAFF[$1]:-} $person"
}
staff 上海清算所 陆嘉怡 13916020001 false; staff 上海清算所 沈博文 13916020002 true
staff 上海清算所 顾思远 13916020003 false; staff 上海清算所 倪佳琪 13916020004 false
staff 上海清算所 钱子轩 13916020005 true;  staff 上海清算所 施雨婷 13916020006 false
staff 上海黄金交易所 金海涛 13916020011 true; staff 上海黄金交易所 严晓雯 13916020012 false
staff 上海黄金交易所 龚一鸣 13916020013 false
staff 东方证券 范欣怡 13916020021 false; staff 东方证券 方浩然 13916020022 true
staff 东方证券 汪琳 13916020023 false; staff 东方证券 姚俊杰 13916020024 false
staff 太平洋保险 唐颖 13916020031 true; staff 太平洋保险 许凯 13916020032 false
staff 汇添富基金 韩雪 13916020041 false; staff 汇添富基金 冯子涵 13916020042 false
staff_enrolled=0; training_knows_staff=1
for unit_name in 上海清算所 上海黄金交易所 东方证券 太平洋保险 汇添富基金; do
  seats=0
  for person in ${STAFF[$unit_name]}; do
    [ $seats -lt 5 ] || break
    [ $training_knows_staff = 1 ] || break 2
    if post_known $HUANGPU "/api/v1/training/sessions/$academy_session/enrolments" "{\"personId\":\"$person\"}" >/dev/null 2>/tmp/demo-enrol.$$; then
      seats=$((seats + 1)); staff_enrolled=$((staff_enrolled + 1))
    elif grep -q 'learner-unknown' /tmp/demo-enrol.$$; then
      echo "[demo] warning: training does not know the units' staff (no UnitStaffRegistered consumer yet?): academy enrolments skipped" >&2
      training_knows_staff=0
    else   # another rule of training's says no to this person: shown, and the next one tried
      echo "[demo] warning: $unit_name's learner $person not enrolled in the academy:" >&2; cat /tmp/demo-enrol.$$ >&2
    fi
  done
done
rm -f /tmp/demo-enrol.$$

# A session of the immersive lesson starting within the half hour, so that its check-in is open: one
# branch enrolled at once, and the first of them checked in by the organizer at the door.
immersive_now=$(post $YANGPU "/api/v1/training/courses/$immersive/sessions" "{\"startsAt\":\"$(at '+25 minutes')\",
  \"endsAt\":\"$(at '+145 minutes')\",\"venueKind\":\"ADDRESS\",\"venue\":\"哔哩哔哩党群服务站 UP主创作室\",\"capacity\":60,
  \"enrolmentOpensAt\":\"$(at '-1 hour')\",\"enrolmentClosesAt\":\"$(at '+20 minutes')\",
  \"cancellationDeadline\":\"$(at '+20 minutes')\"}")
enrolled=$(post_known $YANGPU "/api/v1/training/sessions/$immersive_now/bulk-enrolments" "{\"organizationId\":\"${bili_branches[0]}\"}" >/dev/null;
  get $YANGPU "/api/v1/training/sessions/$immersive_now/enrolments" | ids personId)
checked_in=0
for person in $(head -12 <<<"$enrolled"); do
  post $YANGPU "/api/v1/training/sessions/$immersive_now/attendance" "{\"personId\":\"$person\"}" >/dev/null
  checked_in=$((checked_in + 1))
done

made bili "$bili"; made up "$up"; made xiaoximen "$xiaoximen"; made penglai1 "$penglai1"; made penglai2 "$penglai2"
made yuanyi "$yuanyi"; made grids "${grids[*]}"; made conference "$bund_conf"; made project "$project"
made academy_session "$academy_session"; made immersive_now "$immersive_now"; made creators "$creators"
made staff_enrolled "$staff_enrolled"; made checked_in "$checked_in"
echo "[demo] loaded 哔哩哔哩党委 (10 branches, 440 members; UP主 functional with the $creators creators its criteria select; 北京 directly managed),"
echo "[demo]   老西门街道 → 小西门 (2 branches, residents) → 2 temporary branches with affiliates; 港沿镇 → 园艺村 (3 grids, 62 members, 835 households);"
echo "[demo]   滨江党建·金融外滩 (16 units, chair roster, offers/needs, project 金融品巷, 17 staff as learners, $staff_enrolled enrolled in the academy);"
echo "[demo]   3 stations with rooms, bookings and a mediation; immersive lessons (one in the 哔哩哔哩 hall via the venue saga, one now: $checked_in checked in)"
