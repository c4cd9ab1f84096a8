#!/usr/bin/env bash
# The public site in a real browser, on the real binaries: a scratch
# redis-server, tdkt-nomination, tdkt-evaluation (its councils recognise the
# demo's exemplars) and tdkt-campaign-media (node of Khánh Hòa, 56), data
# loaded only through the public gRPC APIs with tdktctl (demo-data, then calls): an exemplar whose achievements hold markup, a published item
# whose summary and body hold <script> and <img onerror>, a draft and a
# retracted item. Headless Chromium renders the yearly e-publication and the
# feed reader view (which fetches feed.atom with JavaScript). Checks the DOM
# shows the published titles in Vietnamese (NFC), markup as text that never
# runs, no draft or retracted item, fields by name, both screenshots PNGs of
# 1200x1600 that are not blank, and the feed parses as Atom. Skips (exit 0)
# only without chromium.
# Env: BUILD_DIR (set by ctest); KEEP_WORK=1 keeps the scratch directory (logs, DOMs, PNGs).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $CHROMIUM ]]; then
  echo "SKIP: chromium is not installed (apt-get install chromium fonts-noto-core); browser checks not run"
  exit 0
fi
NOMINATION=$BUILD_DIR/services/nomination/tdkt-nomination
EVALUATION=$BUILD_DIR/services/evaluation/tdkt-evaluation
CAMPAIGN_MEDIA=$BUILD_DIR/services/campaign_media/tdkt-campaign-media
TDKTCTL=$BUILD_DIR/tools/tdktctl/tdktctl
for bin in "$NOMINATION" "$EVALUATION" "$CAMPAIGN_MEDIA" "$TDKTCTL"; do
  [[ -x $bin ]] || die "$bin not found; build targets tdkt-nomination tdkt-evaluation tdkt-campaign-media tdktctl"
done
export TDKTCTL

WORK=$(mktemp -d -t tdkt-public.XXXXXX)
PIDS=()
# shellcheck disable=SC2317  # called from the trap
cleanup() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
  stop_redis nosave
  if [[ -n ${KEEP_WORK:-} ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

start_scratch_redis "$WORK/redis"
AGENCY=56
export TDKT_REDIS_HOST=127.0.0.1 TDKT_REDIS_PORT=$REDIS_PORT TDKT_NODE_AGENCY=$AGENCY TDKT_LISTEN_HOST=127.0.0.1
export TDKT_JWT_SECRET_FILE=$WORK/jwt-secret
mint() { "$TDKTCTL" token --secret-file="$TDKT_JWT_SECRET_FILE" --ttl=3600 "$@"; }
mint --role=admin --agency=$AGENCY --subject=setup >/dev/null  # Creates the key before the services read it.

# Seven distinct free ports (free_port alone may draw the same one twice).
PORTS=()
while ((${#PORTS[@]} < 7)); do
  p=$(free_port)
  [[ " ${PORTS[*]} " == *" $p "* ]] || PORTS+=("$p")
done
read -r NOM_PORT NOM_METRICS EV_PORT EV_METRICS CM_PORT CM_METRICS HTTP_PORT <<<"${PORTS[*]}"
setsid "$NOMINATION" --grpc-port="$NOM_PORT" --metrics-port="$NOM_METRICS" \
  --agencies-file="$ROOT/deploy/data/agencies-demo.json" </dev/null >"$WORK/nomination.log" 2>&1 &
PIDS+=($!)
wait_grpc_healthy "${PIDS[0]}" "127.0.0.1:$NOM_PORT" "$WORK/nomination.log" tdkt-nomination
setsid "$EVALUATION" --grpc-port="$EV_PORT" --metrics-port="$EV_METRICS" --nomination-address="127.0.0.1:$NOM_PORT" \
  </dev/null >"$WORK/evaluation.log" 2>&1 &
PIDS+=($!)
setsid "$CAMPAIGN_MEDIA" --grpc-port="$CM_PORT" --metrics-port="$CM_METRICS" --nomination-address="127.0.0.1:$NOM_PORT" \
  --public-http-host=127.0.0.1 --public-http-port="$HTTP_PORT" </dev/null >"$WORK/campaign-media.log" 2>&1 &
PIDS+=($!)
wait_grpc_healthy "${PIDS[1]}" "127.0.0.1:$EV_PORT" "$WORK/evaluation.log" tdkt-evaluation
wait_grpc_healthy "${PIDS[2]}" "127.0.0.1:$CM_PORT" "$WORK/campaign-media.log" tdkt-campaign-media

"$TDKTCTL" demo-data --addr="127.0.0.1:$NOM_PORT" --evaluation-addr="127.0.0.1:$EV_PORT" --reporting-addr= \
  --campaign-media-addr="127.0.0.1:$CM_PORT" --secret-file="$TDKT_JWT_SECRET_FILE" --agency=$AGENCY \
  >"$WORK/demo-data.json" 2>"$WORK/demo-data.log" || { cat "$WORK/demo-data.log" >&2; die "demo-data failed"; }

WARD=22333  # Phường Bắc Nha Trang.
OFFICER=$(mint --role=officer --agency=$WARD --subject=can-bo-phuong)
NODE=$(mint --role=node --agency=$AGENCY --subject=campaign-media@56)
EDITOR=$(mint --role=media_editor --agency=$AGENCY --subject=bien-tap-vien)
APPROVER=$(mint --role=officer --agency=$AGENCY --subject=can-bo-tinh)
nom() { "$TDKTCTL" call --addr="127.0.0.1:$NOM_PORT" --token="$1" "tdkt.nomination.v1.NominationService/$2" "$3"; }
cm() { "$TDKTCTL" call --addr="127.0.0.1:$CM_PORT" --token="$1" "tdkt.campaign_media.v1.MediaItemService/$2" "$3"; }
TODAY=$(TZ=Asia/Ho_Chi_Minh date +%F)
YEAR=${TODAY:0:4}

# An exemplar whose achievements hold markup, recognised today.
ACH="Cứu chữa 300 ca bệnh <script>document.title='pwned'</script> và <img src=x onerror=\"document.documentElement.setAttribute('data-pwned','ach')\"> hiến máu 20 lần."
n=$(nom "$OFFICER" CreateNomination "$(jq -nc --arg a "$ACH" --arg w $WARD '{request_id:"pub-browser-nom",
  details:{kind:"INDIVIDUAL", name:"Phạm Thị Thu Hà", agency_id:$w, fields:["health","education"], achievements:$a,
  discovered_by:"Phòng Nội vụ"}}')")
NOM_ID=$(jq -r .id <<<"$n")
n=$(nom "$OFFICER" TransitionNomination "$(jq -nc --arg id "$NOM_ID" --argjson v "$(jq .version <<<"$n")" \
  '{request_id:"pub-browser-nom-submit", id:$id, expected_version:$v, to_state:"SUBMITTED", reason:"Đề nghị"}')")
nom "$NODE" TransitionNomination "$(jq -nc --arg id "$NOM_ID" --argjson v "$(jq .version <<<"$n")" --arg d "$TODAY" \
  '{request_id:"pub-browser-nom-recognise", id:$id, expected_version:$v, to_state:"RECOGNISED", reason:"Quyết định",
    recognition:{decision_number:"21/QĐ-UBND", decision_date:$d, form:"Chiến sĩ thi đua cơ sở",
    title_code:"chien-si-thi-dua-co-so"}}')" >/dev/null

# item KEY TITLE SUMMARY BODY FINAL_STATE: created by the editor, then moved on.
item() {
  local key=$1 title=$2 summary=$3 body=$4 final=$5 it to who step=0
  it=$(cm "$EDITOR" CreateItem "$(jq -nc --arg k "$key" --arg t "$title" --arg s "$summary" --arg b "$body" \
    --arg e "$NOM_ID" --arg a $AGENCY '{request_id:("pub-browser-" + $k), item:{agency_id:$a, kind:"article",
    channel:"portal", title:$t, summary:$s, body:$b, author:"Ban biên tập", exemplar_ids:[$e],
    claims:[{exemplar_id:$e, text:"Thành tích được ghi nhận trong hồ sơ", achievement_ref:"achievement/1"}]}}')")
  for to in IN_REVIEW APPROVED PUBLISHED RETRACTED; do
    [[ $(jq -r '.state // "DRAFT"' <<<"$it") == "$final" ]] && break
    who=$EDITOR
    [[ $to == APPROVED || $to == RETRACTED ]] && who=$APPROVER
    step=$((step + 1))
    it=$(cm "$who" TransitionItem "$(jq -nc --arg id "$(jq -r .id <<<"$it")" --argjson v "$(jq .version <<<"$it")" \
      --arg to $to --arg rid "pub-browser-$key-$step" \
      '{request_id:$rid, id:$id, expected_version:$v, to_state:$to, reason:"Thông tin cần đính chính"}')")
  done
  [[ $(jq -r '.state // "DRAFT"' <<<"$it") == "$final" ]] || die "item $key is not $final: $it"
}
MARKUP_S="Tóm tắt có mã <script>document.title='pwned'</script><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','s')\">"
MARKUP_B="Đoạn một <script>document.title='pwned';document.documentElement.setAttribute('data-pwned','b')</script>.

Đoạn hai <img src=x onerror=\"document.documentElement.setAttribute('data-pwned','b2')\"> kết thúc."
item markup "Người thầy thuốc tận tụy ở Bắc Nha Trang" "$MARKUP_S" "$MARKUP_B" PUBLISHED
item draft "Bản nháp bí mật" "Chưa được đăng." "Nội dung nháp." DRAFT
item retracted "Bài đã gỡ xuống" "Đã gỡ." "Nội dung đã gỡ." RETRACTED
# A title with markup is refused (INVALID_ARGUMENT), and nothing is stored.
if cm "$EDITOR" CreateItem "$(jq -nc --arg a $AGENCY --arg e "$NOM_ID" '{request_id:"pub-browser-bad-title",
  item:{agency_id:$a, kind:"article", channel:"portal", title:"<script>x</script>", body:"x", exemplar_ids:[$e]}}')" \
  >"$WORK/bad-title.out" 2>&1; then
  die "a <script> title was accepted"
fi
grep -q INVALID_ARGUMENT "$WORK/bad-title.out" || die "a <script> title: $(cat "$WORK/bad-title.out")"

BASE=http://127.0.0.1:$HTTP_PORT/public/$AGENCY
echo "public-browser: site on $BASE (year $YEAR)"

chrome() {
  timeout 40 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$WORK/profile" --hide-scrollbars --window-size=1200,1600 "$@" 2>>"$WORK/chromium.log"
}

chrome --virtual-time-budget=5000 --dump-dom "$BASE/reader.html" >"$WORK/reader.dom"
chrome --dump-dom "$BASE/epublication/$YEAR.html" >"$WORK/epub.dom"
chrome --virtual-time-budget=5000 --screenshot="$WORK/reader.png" "$BASE/reader.html" >/dev/null
chrome --screenshot="$WORK/epub.png" "$BASE/epublication/$YEAR.html" >/dev/null

python3 - "$WORK" "$BASE" <<'PY'
import json, struct, sys, unicodedata, urllib.request, xml.etree.ElementTree as ET, zlib

work, base = sys.argv[1], sys.argv[2]
errors = []

def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        errors.append(what)

def nfc(s):
    return unicodedata.normalize("NFC", s)

demo = json.load(open(f"{work}/demo-data.json", encoding="utf-8"))
demo_titles = [i["title"] for i in demo["campaign_media"]["items"] if i["state"] == "PUBLISHED"]
check(len(demo_titles) == 2, f"demo-data published 2 items (got {demo_titles})")
published = demo_titles + [nfc("Người thầy thuốc tận tụy ở Bắc Nha Trang")]
hidden = [nfc("Bản nháp bí mật"), nfc("Bài đã gỡ xuống")]

# The feed itself parses as Atom 1.0 and the JSON list as JSON.
atom = "{http://www.w3.org/2005/Atom}"
with urllib.request.urlopen(f"{base}/feed.atom") as r:
    feed_type, feed_etag, feed = r.headers.get("Content-Type"), r.headers.get("ETag"), ET.fromstring(r.read())
check(feed_type == "application/atom+xml; charset=utf-8", "feed.atom is served as application/atom+xml")
check(bool(feed_etag), "feed.atom has an ETag")
check(feed.tag == atom + "feed", "feed.atom parses as an Atom <feed>")
entries = feed.findall(atom + "entry")
check(sorted(e.find(atom + "title").text for e in entries) == sorted(published),
      f"feed.atom has exactly the {len(published)} published entries (got {len(entries)})")
check(all(e.find(atom + "id").text.startswith("tag:") for e in entries), "entry ids are tag: URIs")
check(any(e.find(atom + "summary").text.startswith(nfc("Tóm tắt có mã <script>")) for e in entries),
      "the <script> summary comes back as text in the feed")
with urllib.request.urlopen(f"{base}/items.json") as r:
    items = json.loads(r.read().decode("utf-8"))["items"]
check(sorted(i["title"] for i in items) == sorted(published), "items.json lists the published items")
check(nfc("Phạm Thị Thu Hà") in [x["name"] for i in items for x in i["exemplars"]], "items.json names the exemplar")

reader = open(f"{work}/reader.dom", encoding="utf-8").read()
check(f'data-loaded="{len(published)}"' in reader, f"reader view rendered the {len(published)} entries from feed.atom")
for title in published:
    check(f'class="entry-title">{nfc(title)}</h2>' in reader, f"reader shows '{title}' (NFC)")
check("&lt;script&gt;document.title='pwned'" in reader, "the <script> summary is shown as text")
check("&lt;img src=x" in reader, "the <img onerror> summary is shown as text")

def ran(dom):
    return "data-pwned=" in dom or "<title>pwned" in dom

check(not ran(reader), "no injected script ran in the reader view")
for h in hidden:
    check(h not in reader, f"reader does not show '{h}'")

epub = open(f"{work}/epub.dom", encoding="utf-8").read()
check('<div class="agency">Tỉnh Khánh Hòa</div>' in epub, "e-publication cover names Tỉnh Khánh Hòa")
for name in ["Phạm Thị Thu Hà", "Người thầy thuốc tận tụy ở Bắc Nha Trang"] + demo_titles:
    check(nfc(name) in epub, f"e-publication shows '{name}'")
check("<dd>Y tế, Giáo dục và đào tạo</dd>" in epub, "e-publication names the fields in Vietnamese")
check(nfc("Cứu chữa 300 ca bệnh &lt;script&gt;document.title='pwned'&lt;/script&gt; và &lt;img src=x") in epub,
      "the achievements' markup is shown as text")
check(nfc("Tóm tắt có mã &lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img") in epub,
      "the summary's markup is shown as text")
check("Đoạn hai &lt;img src=x" in epub, "the body's <img onerror> is shown as text")
check(not ran(epub), "no injected script ran in the e-publication")
check(all(h not in epub for h in hidden), "no draft or retracted item in the e-publication")

def png_share_not_white(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None, "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or color not in (2, 6):
        return (width, height), f"unsupported PNG (depth {depth}, colour {color})"
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    not_white = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            if min(line[x], line[x + 1], line[x + 2]) < 235:
                not_white += 1
        prev = line
    return (width, height), not_white / float(width * height)

for name in ["reader", "epub"]:
    size, share = png_share_not_white(f"{work}/{name}.png")
    if isinstance(share, str):
        check(False, f"{name}.png: {share}")
        continue
    check(size == (1200, 1600), f"{name}.png is 1200x1600 (got {size[0]}x{size[1]})")
    check(share > 0.01, f"{name}.png is not blank ({share:.1%} of pixels not white)")

sys.exit(1 if errors else 0)
PY
echo "public-browser: all checks passed"
