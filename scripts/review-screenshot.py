#!/usr/bin/env python3
"""Takes a screenshot of a `zhengce review` page with one item clicked (its values in
the side panel), through Chromium's DevTools protocol (scripts/devtools.py).

Usage: review-screenshot.py PAGE.html ITEM-ID OUT.png [--width 1280 --height 860 --block center]
e.g.   review-screenshot.py site/documents/001_3844e15ad01e42f4.txt.html amounts-3 docs/review.png
"""
import argparse, base64, json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from devtools import browser_page, evaluate, load


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("item")
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--block", default="center", help="where to scroll the item: start, center, end or nearest")
    args = parser.parse_args()
    with browser_page(width=args.width, height=args.height) as page:
        load(page, args.page)
        found = evaluate(page, f"""(function () {{
            var e = document.getElementById({json.dumps("i-" + args.item)});
            if (!e) return false;
            e.scrollIntoView({{block: {json.dumps(args.block)}}});
            e.click();
            return true;
        }})()""")
        if not found:
            sys.exit(f"review-screenshot: no item {args.item} on {args.page}")
        time.sleep(0.3)
        shot = page.call("Page.captureScreenshot", format="png")
        open(args.out, "wb").write(base64.b64decode(shot["data"]))
        print(f"review-screenshot: wrote {args.out}")


if __name__ == "__main__":
    main()
