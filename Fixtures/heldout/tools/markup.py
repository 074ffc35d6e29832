"""Marked-up source -> plain document text + item spans.

Markup: ⟦KIND ARGS|TEXT⟧ where KIND is a (amount), c (count), p (percentage).
ARGS: MIN MAX then flags. Values: decimal with optional multiplier suffix
w (万), y (亿), k (千); '-' is null. Flags: '~' approximate, 'x' redacted,
'pts' percentage points, 'per=人,年', 'cl=名', 's=subject'.
'¶' is a forced line break for wrapped (PDF-like) documents.
"""
import re
from decimal import Decimal

MULT = {"w": Decimal(10000), "y": Decimal(100000000), "k": Decimal(1000)}


def value(tok):
    if tok == "-":
        return None
    m = re.fullmatch(r"([0-9.]+)([wyk]?)", tok)
    if not m:
        raise ValueError(tok)
    v = Decimal(m.group(1)) * MULT.get(m.group(2), 1)
    v = v.normalize()
    return int(v) if v == v.to_integral_value() else float(v)


def parse(src):
    out, items, forced = [], [], []
    i = 0
    n = 0  # length of out so far
    while i < len(src):
        ch = src[i]
        if ch == "⟦":
            bar = src.index("|", i)
            end = src.index("⟧", bar)
            head, body = src[i + 1:bar], src[bar + 1:end]
            assert "⟦" not in body, body
            while "¶" in body:
                k = body.index("¶")
                forced.append(n + k)
                body = body[:k] + body[k + 1:]
            toks = head.split()
            kind, lo, hi, flags = toks[0], toks[1], toks[2], toks[3:]
            it = {"kind": kind, "min": value(lo), "max": value(hi), "approximate": False,
                  "redacted": False, "per": [], "classifier": None, "subject": None, "points": False,
                  "start": n, "end": n + len(body)}
            for f in flags:
                if f == "~":
                    it["approximate"] = True
                elif f == "x":
                    it["redacted"] = True
                elif f == "pts":
                    it["points"] = True
                elif f.startswith("per="):
                    it["per"] = f[4:].split(",")
                elif f.startswith("cl="):
                    it["classifier"] = f[3:]
                elif f.startswith("s="):
                    it["subject"] = f[2:]
                else:
                    raise ValueError(f)
            items.append(it)
            out.append(body)
            n += len(body)
            i = end + 1
        elif ch == "¶":
            forced.append(n)
            i += 1
        else:
            assert ch != "⟧", src[i - 20:i + 5]
            out.append(ch)
            n += 1
            i += 1
    return "".join(out), items, forced


CLOSERS = set("，。、；：）”》！？,.;:)")


def wrap(text, items, forced, width=20, sep="\n\n"):
    """PDF-like layout: break every paragraph (a line of `text`) into lines of
    about `width` characters; every line break, old or new, becomes `sep`
    (a blank line between lines, as text pasted out of a PDF). Forced breaks
    at the positions in `forced`. Item spans are moved, and stretched over
    breaks inserted inside them."""
    forced = set(forced)
    inserts = []  # (position, string inserted before text[position])
    col = 0
    for k, ch in enumerate(text):
        if ch == "\n":
            inserts.append((k, sep[:-1]))  # "\n" -> sep
            col = 0
            continue
        if k in forced and col > 0:
            inserts.append((k, sep))
            col = 0
        elif col >= width and ch not in CLOSERS and not inside_number(text, k):
            inserts.append((k, sep))
            col = 0
        col += 1
    res, last = [], 0
    for k, ins in inserts:
        res.append(text[last:k])
        res.append(ins)
        last = k
    res.append(text[last:])

    def newpos(p, is_end):
        return p + sum(len(ins) for k, ins in inserts if (k < p if is_end else k <= p))
    for it in items:
        it["start"] = newpos(it["start"], False)
        it["end"] = newpos(it["end"], True)
    return "".join(res), items


NUMCH = set("0123456789.０１２３４５６７８９．%％")


def inside_number(text, k):
    """No automatic break between two characters of one number."""
    return k > 0 and text[k - 1] in NUMCH and text[k] in NUMCH
