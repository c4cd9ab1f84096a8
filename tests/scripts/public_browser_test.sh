#!/usr/bin/env bash
# The public site in a real browser: headless Chromium renders the yearly
# e-publication and the feed reader view (which fetches feed.atom with
# JavaScript) served by tdkt-public-site-demo (a real nomination service and
# campaign-media node over a scratch redis-server). Checks the DOM shows the
# published titles in Vietnamese (NFC), a <script> title as text and never
# run, no draft or retracted item, and that both screenshots are PNGs of the
# asked size that are not blank. Skips (exit 0) only without chromium.
# Env: BUILD_DIR (set by ctest).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $CHROMIUM ]]; then
  echo "SKIP: chromium is not installed (apt-get install chromium fonts-noto-core); browser checks not run"
  exit 0
fi
DEMO=$BUILD_DIR/tests/tdkt-public-site-demo
[[ -x $DEMO ]] || die "$DEMO not found; build target tdkt-public-site-demo"

WORK=$(mktemp -d -t tdkt-public.XXXXXX)
DEMO_PID=""
# shellcheck disable=SC2317  # called from the trap
cleanup() {
  [[ -n $DEMO_PID ]] && stop_pid "$DEMO_PID"
  stop_redis nosave
  rm -rf "$WORK"
}
trap cleanup EXIT

start_scratch_redis "$WORK/redis"
export TDKT_TEST_REDIS_PORT=$REDIS_PORT
setsid "$DEMO" "$WORK/port" >"$WORK/demo.log" 2>&1 &
DEMO_PID=$!
for _ in $(seq 200); do
  [[ -s $WORK/port ]] && break
  alive "$DEMO_PID" || { cat "$WORK/demo.log" >&2; die "tdkt-public-site-demo exited"; }
  sleep 0.1
done
[[ -s $WORK/port ]] || { cat "$WORK/demo.log" >&2; die "tdkt-public-site-demo did not start"; }
read -r PORT YEAR <"$WORK/port"
BASE=http://127.0.0.1:$PORT/public/56
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

# The feed itself parses as Atom 1.0 and the JSON list as JSON.
atom = "{http://www.w3.org/2005/Atom}"
with urllib.request.urlopen(f"{base}/feed.atom") as r:
    feed_type, feed = r.headers.get("Content-Type"), ET.fromstring(r.read())
check(feed_type == "application/atom+xml; charset=utf-8", "feed.atom is served as application/atom+xml")
check(feed.tag == atom + "feed", "feed.atom parses as an Atom <feed>")
entries = feed.findall(atom + "entry")
check(len(entries) == 3, f"feed.atom has the 3 published entries (got {len(entries)})")
check(all(e.find(atom + "id").text.startswith("tag:") for e in entries), "entry ids are tag: URIs")
check(entries[0].find(atom + "title").text.startswith("<script>"), "the <script> title comes back as text")
with urllib.request.urlopen(f"{base}/items.json") as r:
    items = json.loads(r.read().decode("utf-8"))["items"]
check([i["exemplars"][0]["name"] for i in items][-1] == nfc("Nguyễn Thị Huệ"), "items.json names the exemplar")

reader = open(f"{work}/reader.dom", encoding="utf-8").read()
check('data-loaded="3"' in reader, "reader view rendered the 3 published entries from feed.atom")
for title in ["Người thầy thuốc tận tụy ở Bắc Nha Trang", "Nông dân sản xuất kinh doanh giỏi Trần Văn Bình"]:
    check(f'class="entry-title">{nfc(title)}</h2>' in reader, f"reader shows '{title}' (NFC)")
check("&lt;script&gt;document.title='PWNED'" in reader, "the <script> title is shown as text")
check("&lt;img src=x" in reader, "the <img onerror> summary is shown as text")
check("data-pwned" not in reader.replace("setAttribute('data-pwned'", ""), "no injected script ran")
check("<title>PWNED" not in reader, "the page title was not changed by a script")
for hidden in ["Bản nháp bí mật", "Bài đã gỡ xuống"]:
    check(nfc(hidden) not in reader, f"reader does not show '{hidden}'")

epub = open(f"{work}/epub.dom", encoding="utf-8").read()
check('<div class="agency">Tỉnh Khánh Hòa</div>' in epub, "e-publication cover names Tỉnh Khánh Hòa")
for name in ["Nguyễn Thị Huệ", "Trần Văn Bình", "Người thầy thuốc tận tụy ở Bắc Nha Trang"]:
    check(nfc(name) in epub, f"e-publication shows '{name}'")
check("data-pwned" not in epub.replace("setAttribute('data-pwned'", ""), "no injected script ran in the e-publication")
check("Bản nháp bí mật" not in epub and "Bài đã gỡ xuống" not in epub, "no draft or retracted item in the e-publication")

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
