#!/usr/bin/env python3
"""Opens the pages of a `zhengce review` site in headless Chromium and checks them.

For every document page, after the browser has loaded it and run its script:
  - the text shown (without the measure heads) is the original document, code point
    for code point (when the original file is readable as UTF-8);
  - every item of the record (documents/NAME.json) that has spans is highlighted at
    exactly those code points, and where it has a `text`, the highlighted text is it;
  - with --gold DIR, every gold item marked as missed sits at the gold's span and shows its text;
  - no script of the document ran: a hostile document's script would set
    data-pwned on the page, and no element may carry it.
The index must list every page and its script must have built the filters. On one
page the script is driven as a reader would: a click on a highlight shows that item in
the panel, a kind's switch hides it, and (with gold) the j key goes to an item missed or extra.

Usage: review-check.py SITE [--gold DIR] [--chromium PATH]
Exit status 0 when every check holds, 1 otherwise, 3 when no Chromium is found.
"""
import argparse
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import devtools


def find_chromium(given):
    for name in [given, "chromium", "chromium-browser", "google-chrome"]:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def dump_dom(chromium, path):
    with tempfile.TemporaryDirectory() as profile:
        run = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--user-data-dir=" + profile, "--virtual-time-budget=2000",
             "--dump-dom", "file://" + os.path.abspath(path)],
            capture_output=True, timeout=120)
    if run.returncode != 0:
        raise RuntimeError(f"chromium failed on {path}: {run.stderr.decode(errors='replace')[-400:]}")
    return run.stdout.decode("utf-8")


class Page(html.parser.HTMLParser):
    """Reads the text of #text with, for every code point, the item ids covering it."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, ids, in_text, in_head)
        self.text = []           # code points of #text
        self.ids = {}            # id -> positions covered
        self.pwned = False
        self.filters = 0
        self.items_json = None
        self._in_items = False

    def _state(self):
        return self.stack[-1] if self.stack else (None, (), False, False)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-pwned" in attrs:
            self.pwned = True
        if tag == "select":
            self.filters += 1
        _, ids, in_text, in_head = self._state()
        if attrs.get("id") == "text":
            in_text = True
        if "data-head" in attrs:
            in_head = True
        own = tuple(attrs.get("data-ids", "").split()) if in_text else ()
        self._in_items = tag == "script" and attrs.get("id") == "zc-items"
        if tag not in self.VOID:
            self.stack.append((tag, ids + own, in_text, in_head))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break
        self._in_items = False

    def handle_data(self, data):
        if self._in_items:
            self.items_json = data
        _, ids, in_text, in_head = self._state()
        if not in_text or in_head:
            return
        for ch in data:
            for i in set(ids):
                self.ids.setdefault(i, []).append(len(self.text))
            self.text.append(ch)


def walk_items(record):
    """The items of a record as `zhengce review` names them: key-index, nested key-index."""
    def visit(obj, kind, ident):
        yield ident, kind, obj
        for key, value in obj.items():
            if key in ("span", "spans"):
                continue
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                for j, nested in enumerate(value):
                    yield from visit(nested, key, f"{ident}-{key}-{j}")
    for key, value in record.items():
        if key in ("source", "metadata", "error"):
            continue
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, obj in enumerate(value):
                yield from visit(obj, key, f"{key}-{i}")


def spans_of(obj):
    def read(s):
        if isinstance(s, dict) and "start" in s and "end" in s:
            return (s["start"], s["end"])
        if isinstance(s, list) and len(s) == 2:
            return (s[0], s[1])
        return None
    found = []
    if obj.get("span") is not None and read(obj["span"]):
        found.append(read(obj["span"]))
    for s in obj.get("spans") or []:
        if read(s):
            found.append(read(s))
    if not found and isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
        found.append((obj["start"], obj["end"]))
    return found


def original_text(record):
    source = record.get("source") or {}
    path, encoding = source.get("path"), source.get("encoding", "")
    if not path or not os.path.isfile(path) or not encoding.upper().startswith("UTF-8"):
        return None
    try:
        text = open(path, "rb").read().decode("utf-8")
    except UnicodeDecodeError:
        return None  # a file cut inside a character: zhengce reads it without the cut tail
    if text.startswith("\ufeff") and len(text) == source.get("characters", -1) + 1:
        text = text[1:]
    return text


def check_page(chromium, page_path, record, gold, problems):
    name = os.path.basename(page_path)
    page = Page()
    page.feed(dump_dom(chromium, page_path))
    shown = "".join(page.text)
    if page.pwned:
        problems.append(f"{name}: a script of the document ran (data-pwned is set)")
    original = original_text(record)
    if original is not None and shown != original:
        at = next((i for i, (a, b) in enumerate(zip(shown, original)) if a != b), min(len(shown), len(original)))
        problems.append(f"{name}: the text shown differs from the original at code point {at}: "
                        f"{shown[at:at+20]!r} vs {original[at:at+20]!r}")
    checked = 0
    before = len(problems)
    for ident, kind, obj in walk_items(record):
        if len(problems) - before >= 10:
            problems.append(f"{name}: … (further problems of this page not listed)")
            break
        spans = [(s, e) for s, e in spans_of(obj) if 0 <= s <= e <= len(shown)]
        if not spans:
            continue
        want = sorted({p for s, e in spans for p in range(s, e)})
        got = sorted(set(page.ids.get(ident, [])))
        if got != want:
            problems.append(f"{name}: {ident} ({kind}) is highlighted at {got[:3]}…{got[-3:]} ({len(got)} code points), "
                            f"not at its spans {spans}")
            continue
        if isinstance(obj.get("text"), str) and len(spans) == 1:
            s, e = spans[0]
            if shown[s:e] != obj["text"]:
                problems.append(f"{name}: {ident} shows {shown[s:e]!r}, its text is {obj['text']!r}")
                continue
        checked += 1
    missed = 0
    for ident in page.ids:
        if not ident.startswith("gold-"):
            continue
        field, index = ident[len("gold-"):].rsplit("-", 1)
        if gold is None:
            continue
        item = gold[field][int(index)]
        (s, e), = spans_of(item)
        got = sorted(set(page.ids[ident]))
        if got != list(range(s, e)) or shown[s:e] != item.get("text", shown[s:e]):
            problems.append(f"{name}: missed gold item {ident} is not shown at {s}..{e} as {item.get('text')!r}")
        missed += 1
    return checked, missed


def check_interaction(chromium, page_path, record, judged, problems):
    """Drives one page's script through the DevTools protocol."""
    name = os.path.basename(page_path)
    with devtools.browser_page(chromium) as page:
        devtools.load(page, page_path)
        clicked = devtools.evaluate(page, """(function () {
            var e = document.querySelector('#text .hl');
            if (!e) return null;
            e.dispatchEvent(new MouseEvent('click', {bubbles: true}));
            return e.getAttribute('data-ids').split(' ')[0];
        })()""")
        if clicked:
            shown = devtools.evaluate(page, "document.querySelector('#panel h3') && document.querySelector('#panel h3').textContent")
            kind = next((k for i, k, _ in walk_items(record) if i == clicked), None)
            if kind and not (shown or "").startswith(kind + " · "):
                problems.append(f"{name}: a click on {clicked} shows {shown!r} in the panel, not the {kind} item")
            hidden = devtools.evaluate(page, """(function () {
                var box = document.querySelector('.legend input[data-kind]');
                box.click();
                return document.body.classList.contains('hide-' + box.getAttribute('data-kind'));
            })()""")
            if not hidden:
                problems.append(f"{name}: unticking a kind's switch does not hide it")
        if judged and devtools.evaluate(page, "document.querySelectorAll('.hl.missed, .hl.extra, section.block.extra').length"):
            page.call("Input.dispatchKeyEvent", type="keyDown", key="j", text="j")
            page.call("Input.dispatchKeyEvent", type="keyUp", key="j")
            verdict = devtools.evaluate(page, "document.querySelector('#panel .v-missed, #panel .v-extra') !== null")
            if not verdict:
                problems.append(f"{name}: the j key does not go to an item missed or extra")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--gold")
    parser.add_argument("--chromium")
    args = parser.parse_args()
    chromium = find_chromium(args.chromium)
    if not chromium:
        print("review-check: no chromium found (Debian: apt-get install chromium; scripts/setup.sh installs it)")
        return 3
    problems = []
    pages = sorted(f for f in os.listdir(os.path.join(args.site, "documents")) if f.endswith(".html"))
    index = Page()
    index.feed(dump_dom(chromium, os.path.join(args.site, "index.html")))
    index_html = open(os.path.join(args.site, "index.html"), encoding="utf-8").read()
    if index_html.count('href="documents/') < len(pages):
        problems.append(f"index.html links fewer than the {len(pages)} pages")
    if index.filters == 0:
        problems.append("index.html: the script built no filters")
    if index.pwned:
        problems.append("index.html: a script of a document ran (data-pwned is set)")
    total_items = total_missed = 0
    for page_file in pages:
        base = page_file[: -len(".html")]
        record = json.load(open(os.path.join(args.site, "documents", base + ".json"), encoding="utf-8"))
        gold = None
        if args.gold:
            doc = os.path.basename((record.get("source") or {}).get("path", ""))
            gold_path = os.path.join(args.gold, doc + ".gold.json")
            if os.path.isfile(gold_path):
                gold = json.load(open(gold_path, encoding="utf-8"))
        items, missed = check_page(chromium, os.path.join(args.site, "documents", page_file), record, gold, problems)
        total_items += items
        total_missed += missed
    # The script, driven on the page with the most findings (or the first).
    if pages:
        judged = [p for p in pages if 'class="hl k' in open(os.path.join(args.site, "documents", p), encoding="utf-8").read()
                  and (' missed"' in open(os.path.join(args.site, "documents", p), encoding="utf-8").read()
                       or ' extra"' in open(os.path.join(args.site, "documents", p), encoding="utf-8").read())]
        chosen = (judged or pages)[0]
        record = json.load(open(os.path.join(args.site, "documents", chosen[: -len(".html")] + ".json"), encoding="utf-8"))
        check_interaction(chromium, os.path.join(args.site, "documents", chosen), record, bool(judged), problems)
    for problem in problems:
        print(problem)
    print(f"review-check: {len(pages)} pages, {total_items} items in place, {total_missed} missed gold items in place, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
