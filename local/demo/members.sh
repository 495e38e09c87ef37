#!/usr/bin/env bash
# Registers the article's members through the gateway (POST /api/v1/orgs/members), as a district
# organizer would: 440 in 哔哩哔哩党委's ten branches (杨浦, 310110) and 62 in 园艺村党总支's three
# grid branches (崇明, 310151). Realistic Chinese names, valid 18-digit resident ID numbers (GB 11643
# check digit) and mobile numbers; about 92 % FULL, the rest PROBATIONARY (admitted < 1 year ago).
#
# Interface (run it, or source it and call demo_members):
#   GATEWAY          gateway base URL (default http://localhost:8080)
#   BILI_BRANCHES    the ten 哔哩哔哩 branch ids, space-separated (第一 … 第十党支部)
#   YUANYI_GRIDS     the three 园艺村 grid branch ids, space-separated (第一 … 第三网格党支部)
#   TOKEN_YANGPU, TOKEN_CHONGMING
#                    district_admin bearer tokens for 310110 and 310151. A district admin acts only
#                    in its own district, so one token cannot register both. When absent, each is
#                    minted from $GATEWAY/dev/token (local run only) or, failing that, $TOKEN is used.
#   TOKEN            fallback bearer token for both districts
#   PARALLEL         concurrent requests (default 8)
# Alternatively pass the ids as arguments: members.sh BILI_ID×10 -- GRID_ID×3.
# The data are deterministic (same names and ID numbers on every run), so a second run answers
# 409 "already registered" for every member; that counts as done, not as a failure.
# Example from load.sh, after creating the branches and collecting their ids:
#   BILI_BRANCHES="${bili_branches[*]}" YUANYI_GRIDS="${grids[*]}" GATEWAY="$GATEWAY" bash local/demo/members.sh
set -euo pipefail

demo_members_dev_token() { # district -> token on stdout, nothing when the gateway has no dev tokens
  curl -fsS -X POST "$GATEWAY/dev/token" -H 'Content-Type: application/json' \
    -d "{\"subject\":\"demo-loader\",\"roles\":[\"district_admin\"],\"district\":\"$1\"}" 2>/dev/null \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p' || true
}

# ISO 7064 MOD 11-2 check character of the first 17 digits, into DEMO_CHECK (no subshell: the
# script forks nothing per member, so that it stays fast on a busy machine).
demo_members_check() {
  local d=$1 w=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) c=(1 0 X 9 8 7 6 5 4 3 2) sum=0 i
  for (( i = 0; i < 17; i++ )); do sum=$(( sum + ${d:i:1} * w[i] )); done
  DEMO_CHECK=${c[sum % 11]}
}

demo_members() {
  GATEWAY=${GATEWAY:-http://localhost:8080}
  local parallel=${PARALLEL:-8}
  local -a bili=(${BILI_BRANCHES:-}) grids=(${YUANYI_GRIDS:-})
  if [ ${#bili[@]} -ne 10 ] || [ ${#grids[@]} -ne 3 ]; then
    echo "[demo] members.sh needs 10 BILI_BRANCHES and 3 YUANYI_GRIDS ids (got ${#bili[@]} and ${#grids[@]})" >&2
    return 1
  fi
  local yangpu=${TOKEN_YANGPU:-} chongming=${TOKEN_CHONGMING:-}
  [ -n "$yangpu" ] || yangpu=$(demo_members_dev_token 310110)
  [ -n "$chongming" ] || chongming=$(demo_members_dev_token 310151)
  yangpu=${yangpu:-${TOKEN:-}}; chongming=${chongming:-${TOKEN:-}}
  if [ -z "$yangpu" ] || [ -z "$chongming" ]; then
    echo "[demo] members.sh: no token (set TOKEN_YANGPU/TOKEN_CHONGMING or TOKEN)" >&2; return 1
  fi

  local surnames=(王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹
                  彭 曾 田 董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 沈 姚 陆 顾 施 钱 倪 严 龚 蒋 金 汪 范 方)
  local male=(伟 强 磊 军 洋 勇 杰 涛 明 超 刚 鹏 辉 建 斌 宇 浩 凯 俊 博 峰 志 晨 轩 子 海 文 华 杰 毅 翔 飞 栋 亮 骏)
  local female=(芳 娜 敏 静 丽 艳 娟 秀 霞 平 英 玉 萍 红 燕 欣 怡 佳 思 雨 婷 嘉 涵 琳 欢 晓 丹 云 颖 倩 雯 洁 蕾 璐 悦)
  # Where the members were born: Shanghai's districts and neighbouring provinces' cities.
  local areas=(310110 310104 310115 310112 310151 310101 310106 320102 320583 330106 330203 340104
               360102 410105 420106 430104 370102 510107 610113 350203)
  local bili_sizes=(41 47 44 38 46 43 49 45 42 45)   # 440
  local grid_sizes=(21 20 21)                         # 62
  local today; printf -v today '%(%s)T' -1

  local work; work=$(mktemp -d /tmp/demo-members.XXXXXX)
  local config=$work/curl.conf n=0
  RANDOM=20171   # deterministic: the same members on every run
  : > "$config"

  add_member() { # branch token
    local s=${surnames[RANDOM % ${#surnames[@]}]} given gender seq name body
    if (( RANDOM % 2 )); then
      given=${male[RANDOM % ${#male[@]}]}; (( RANDOM % 3 )) && given+=${male[RANDOM % ${#male[@]}]}
      gender=1
    else
      given=${female[RANDOM % ${#female[@]}]}; (( RANDOM % 3 )) && given+=${female[RANDOM % ${#female[@]}]}
      gender=0
    fi
    name=$s$given
    local probationary=0; (( RANDOM % 100 < 8 )) && probationary=1
    local birth_year admitted full=""
    if (( probationary )); then
      birth_year=$(( 1994 + RANDOM % 11 ))
      local ago=$(( 30 + RANDOM % 300 ))
      printf -v admitted '%(%F)T' $(( today - ago * 86400 ))
    else
      birth_year=$(( 1955 + RANDOM % 45 ))
      local admitted_year=$(( birth_year + 20 + RANDOM % 15 )); (( admitted_year > 2023 )) && admitted_year=2023
      local month=$(( 1 + RANDOM % 12 )) day=$(( 1 + RANDOM % 28 ))
      printf -v admitted '%d-%02d-%02d' "$admitted_year" "$month" "$day"
      printf -v full '%d-%02d-%02d' $(( admitted_year + 1 )) "$month" "$day"   # days <= 28: always a date
    fi
    seq=$(( RANDOM % 500 * 2 + gender ))   # the sequence's last digit is odd for men, even for women
    local area=${areas[RANDOM % ${#areas[@]}]} birth_month=$(( 1 + RANDOM % 12 )) birth_day=$(( 1 + RANDOM % 28 )) first17
    printf -v first17 '%s%04d%02d%02d%03d' "$area" "$birth_year" "$birth_month" "$birth_day" "$seq"
    demo_members_check "$first17"
    local id=$first17$DEMO_CHECK
    local prefixes=(130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 166 176 177 180 181 182 186 187 188 189 191 199)
    local phone; printf -v phone '%s%04d%04d' "${prefixes[RANDOM % ${#prefixes[@]}]}" $(( RANDOM % 10000 )) $(( RANDOM % 10000 ))
    body="{\"name\":\"$name\",\"idNumber\":\"$id\",\"phone\":\"$phone\",\"homeOrganizationId\":\"$1\",\"admittedOn\":\"$admitted\""
    [ -n "$full" ] && body+=",\"fullSince\":\"$full\""
    body+="}"
    (( n > 0 )) && echo 'next' >> "$config"
    {
      echo "url = \"$GATEWAY/api/v1/orgs/members\""
      echo 'request = "POST"'
      echo 'header = "Content-Type: application/json"'
      echo "header = \"Authorization: Bearer $2\""
      echo "data = \"${body//\"/\\\"}\""
      echo 'output = "/dev/null"'
      echo 'write-out = "%{http_code}\n"'
    } >> "$config"
    n=$(( n + 1 ))
  }

  local i j
  for i in "${!bili[@]}"; do for (( j = 0; j < bili_sizes[i]; j++ )); do add_member "${bili[i]}" "$yangpu"; done; done
  for i in "${!grids[@]}"; do for (( j = 0; j < grid_sizes[i]; j++ )); do add_member "${grids[i]}" "$chongming"; done; done

  # One curl process, keep-alive connections, PARALLEL requests in flight.
  curl --silent --show-error --no-progress-meter --parallel --parallel-max "$parallel" --config "$config" \
    > "$work/status" || true
  local created already failed
  created=$(grep -c '^201$' "$work/status" || true)
  already=$(grep -c '^409$' "$work/status" || true)
  failed=$(( n - created - already ))
  rm -rf "$work"
  if (( failed > 0 )); then
    echo "[demo] members: $created registered, $already already there, $failed failed (of $n)" >&2
    return 1
  fi
  echo "[demo] members: $created registered, $already already there (440 in 哔哩哔哩党委's 10 branches, 62 in 园艺村's 3 grids)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  if [ $# -gt 0 ]; then
    args=("$@"); bili_args=(); grid_args=(); seen_sep=0
    for a in "${args[@]}"; do
      if [ "$a" = -- ]; then seen_sep=1; elif [ $seen_sep = 0 ]; then bili_args+=("$a"); else grid_args+=("$a"); fi
    done
    BILI_BRANCHES="${bili_args[*]}"; YUANYI_GRIDS="${grid_args[*]}"
  fi
  demo_members
fi
