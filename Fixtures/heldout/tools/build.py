#!/usr/bin/env python3
"""Build Fixtures/heldout/docs and gold from the marked-up sources in src/.

    python3 build.py            # write docs/ and gold/, print review listings
    python3 build.py --quiet    # write only
"""
import json
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import markup  # noqa: E402
from annotations import DOCS  # noqa: E402

ROOT = os.path.dirname(HERE)
CN = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_int(s):
    """Chinese numeral (up to 万) -> int."""
    total, section, num = 0, 0, 0
    for ch in s:
        if ch in CN:
            num = CN[ch]
        elif ch == "十":
            section += (num or 1) * 10
            num = 0
        elif ch == "百":
            section += num * 100
            num = 0
        elif ch == "千":
            section += num * 1000
            num = 0
        elif ch == "万":
            total += (section + num) * 10000
            section = num = 0
    return total + section + num


def auto_sections(text, kinds):
    """Headings by marker at line start. kinds: subset of {'一、','（一）','1.'}."""
    out = []
    pos = 0
    part = None
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        s = line.strip()
        m = re.match(r"^([一二三四五六七八九十]+、)(.*)$", s)
        if m and "一、" in kinds:
            title = m.group(2).split("。")[0]
            part = cn_int(m.group(1)[:-1])
            out.append({"level": 1, "marker": m.group(1), "title": title.strip(), "start": start, "part": part})
            continue
        m = re.match(r"^([（(][一二三四五六七八九十]+[)）])\s*(.*)$", s)
        if m and "（一）" in kinds:
            out.append({"level": 2, "marker": m.group(1), "title": m.group(2).split("。")[0].strip(),
                        "start": start, "part": part, "n": cn_int(m.group(1)[1:-1])})
            continue
        m = re.match(r"^(\d+\.)\s*(.*)$", s)
        if m and "1." in kinds:
            out.append({"level": 3, "marker": m.group(1), "title": m.group(2).split("。")[0].strip(),
                        "start": start, "part": part, "n": int(m.group(1)[:-1])})
    return out


def find_all(text, word):
    return len(re.findall(re.escape(word), text))


UNIT = r"(?:元|万元|亿元|%|％|个百分点|" + "|".join(sorted(
    "名 人 位 个 家 项 所 支 套 场 场次 次 人次 期 批 批次 篇 条 件 处 座 户 户次 类 种 台 部 本 册 组 届 轮 株 头 只 间 栋 门 张 份 班".split(),
    key=len, reverse=True)) + ")"
NUM = r"[0-9０-９.．一二三四五六七八九十百千万亿两〇零]+"
CAND = re.compile(NUM + r"[\s]*(?:余|多)?[\s]*(?:万|亿)?[\s]*(?:余|多)?[\s]*" + UNIT)


def nums_in(s):
    s = s.translate({ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９．"})
    s = re.sub(r"\s+", "", s)
    vals = []
    for m in re.finditer(r"([0-9.]+|[一二三四五六七八九十百千两〇零]+)(万|亿|千)?(?=余|多)?", s):
        raw, mult = m.group(1), m.group(2)
        if re.match(r"[0-9]", raw):
            v = Decimal(raw)
        else:
            v = Decimal(cn_int(raw))
        # multiplier may follow after 余/多
        tail = s[m.end():m.end() + 2]
        if not mult and tail[:1] in "余多" and tail[1:2] in ("万", "亿"):
            mult = tail[1:2]
        v *= {"万": 10000, "亿": 100000000, "千": 1000, None: 1}[mult]
        vals.append(v)
    return vals


def main():
    quiet = "--quiet" in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    for name, cfg in DOCS.items():
        if only and not any(o in name for o in only):
            continue
        src = open(os.path.join(HERE, "src", name), encoding="utf-8").read()
        text, items, forced = markup.parse(src)
        if cfg.get("wrap"):
            text, items = markup.wrap(text, items, forced, width=cfg["wrap"])
        else:
            assert not forced, name
        if "prefix" in cfg:
            pass
        with open(os.path.join(ROOT, "docs", name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        assert open(os.path.join(ROOT, "docs", name), encoding="utf-8", newline="").read() == text

        def base(it):
            return {"text": text[it["start"]:it["end"]], "start": it["start"], "end": it["end"]}

        amounts, counts, percentages = [], [], []
        for it in items:
            b = base(it)
            if it["kind"] == "a":
                b.update(min=it["min"], max=it["max"], approximate=it["approximate"], redacted=it["redacted"], per=it["per"])
                amounts.append(b)
            elif it["kind"] == "c":
                assert it["classifier"], b
                b.update(min=it["min"], max=it["max"], classifier=it["classifier"], subject=it["subject"],
                         approximate=it["approximate"], redacted=it["redacted"])
                counts.append(b)
            elif it["kind"] == "p":
                b.update(min=it["min"], max=it["max"], approximate=it["approximate"], redacted=it["redacted"])
                if it["points"]:
                    b["points"] = True
                percentages.append(b)
            else:
                raise ValueError(it)

        # sections
        secs = cfg.get("sections")
        auto = None
        if isinstance(secs, dict):
            auto = auto_sections(text, secs["kinds"])
            sections = [{"level": s["level"], "marker": s["marker"], "title": s["title"]} for s in auto]
        else:
            sections = [{"level": l, "marker": m, "title": t} for (l, m, t) in (secs or [])]

        # measures: number -> title from the headings
        measures = None
        if cfg.get("measures") is not None:
            measures = []
            bynum = {}
            if auto:
                for s in auto:
                    if s["level"] == 3:
                        bynum[str(s["n"])] = s["title"]
                    elif s["level"] == 2:
                        key = f"{s['part']}.{s['n']}" if secs.get("restart") else str(s["n"])
                        bynum.setdefault(key, s["title"])
            for (num, lead, coop) in cfg["measures"]:
                measures.append({"number": num, "title": bynum[num], "lead": lead, "cooperating": coop})

        gold = {
            "document": name,
            "genre": cfg["genre"],
            "metadata": cfg["metadata"],
            "sections": sections,
            "measures": measures if measures is not None else [],
            "amounts": amounts,
            "counts": counts,
            "percentages": percentages,
            "references": cfg["references"],
            "organizations": cfg["organizations"],
            "notes": cfg["notes"],
        }
        with open(os.path.join(ROOT, "gold", name + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")

        if quiet:
            continue
        print(f"===== {name}  ({len(text)} chars)")
        # values re-derived from the text
        for b in amounts + counts + percentages:
            vals = nums_in(b["text"])
            want = {Decimal(str(v)) for v in (b["min"], b["max"]) if v is not None}
            scale = Decimal(1)
            ok = all(any(abs(w - v) < Decimal("1e-6") for v in vals) for w in want)
            flag = "" if ok or b.get("redacted") else "   <<< VALUE?"
            extra = ""
            if "classifier" in b:
                extra = f" cl={b['classifier']} s={b['subject']}"
            if "per" in b and b["per"]:
                extra += f" per={b['per']}"
            if b.get("approximate"):
                extra += " ~"
            if b.get("points"):
                extra += " pts"
            kind = "A" if b in amounts else ("C" if b in counts else "P")
            print(f"  {kind} {b['text']!r} [{b['min']}, {b['max']}]{extra}{flag}")
        # unmarked candidates
        covered = [(b["start"], b["end"]) for b in amounts + counts + percentages]
        for m in CAND.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in covered):
                ctx = text[max(0, m.start() - 6):m.end() + 4].replace("\n", "⏎")
                print(f"  unmarked: {m.group()!r}   …{ctx}…")
        # references
        refs = []
        for m in re.finditer(r"《(.*?)》", text, re.S):
            r = re.sub(r"\s*\n\s*", "", m.group(1))
            if r not in refs:
                refs.append(r)
        if refs != cfg["references"]:
            print("  references in text:", refs)
        # organisations
        for o in cfg["organizations"]:
            c = find_all(re.sub(r"\s+", "", text), o)
            if c == 0:
                print(f"  ORG NOT FOUND: {o}")
        for s in sections:
            print(f"  sec L{s['level']} {s['marker']} {s['title']}")
        for m in measures or []:
            print(f"  measure {m['number']} {m['title']} | lead {m['lead']} | coop {m['cooperating']}")
        print("  metadata:", json.dumps(cfg["metadata"], ensure_ascii=False))


if __name__ == "__main__":
    main()
