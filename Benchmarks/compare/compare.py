#!/usr/bin/env python3
"""Throughput of zhengce against jieba and JioNLP's extract_money, measured in one run.

    Benchmarks/compare/run.sh            # makes the venv, builds, runs this
    compare.py --zhengce-bench PATH [--megabytes 10] [--corpus Corpus]

The same text (the corpus replicated to --megabytes) goes through:
  - jieba.lcut (word segmentation only), paragraph by paragraph;
  - jionlp.ner.extract_money (money amounts only), paragraph by paragraph;
  - zhengce-bench (the whole extraction: decoding, normalisation, sentences and
    every matcher), single-threaded and on all cores.
and zhengce's throughput is printed as a ratio to each.
"""
import argparse
import json
import os
import subprocess
import sys
import time


def corpus_text(folder, megabytes):
    texts = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            texts.append(f.read())
    target = int(megabytes * 1_000_000)
    out, size = [], 0
    while size < target:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out, size


def paragraphs(texts):
    for t in texts:
        for p in t.split("\n"):
            if p.strip():
                yield p


def timed(label, fn, size):
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    rate = size / 1e6 / seconds
    print(f"  {label:<44}{seconds:8.2f} s {rate:9.2f} MB/s", flush=True)
    return rate


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zhengce-bench", required=True)
    ap.add_argument("--megabytes", type=float, default=10)
    ap.add_argument("--corpus", default="Corpus")
    args = ap.parse_args()

    texts, size = corpus_text(args.corpus, args.megabytes)
    paras = list(paragraphs(texts))
    print(f"compare: {size / 1e6:.1f} MB of text, {len(paras)} paragraphs")

    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    jieba_rate = timed("jieba.lcut (words only)", lambda: [jieba.lcut(p) for p in paras], size)

    import jionlp
    extract_money = jionlp.ner.extract_money
    found = extract_money("分别给予10万元、20万元奖励")
    assert len(found) == 2, f"jionlp.ner.extract_money did not work: {found}"

    def money():
        for p in paras:
            extract_money(p)
    jionlp_rate = timed("jionlp.ner.extract_money (money only)", money, size)

    report = json.loads(subprocess.run(
        [args.zhengce_bench, "--json", "--megabytes", str(args.megabytes), "--corpus", args.corpus],
        check=True, capture_output=True, text=True).stdout)
    rates = {f["stage"]: f["megabytesPerSecond"] for f in report["figures"]}
    one = next(v for k, v in rates.items() if k.startswith("whole extraction, 1 thread"))
    many_key = next(k for k in rates if k.startswith("whole extraction,") and not k.endswith("1 thread"))
    many = rates[many_key]
    print(f"  {'zhengce, whole extraction, 1 thread':<44}{'':8}   {one:9.2f} MB/s")
    print(f"  {'zhengce, ' + many_key.split(', ', 1)[1]:<44}{'':8}   {many:9.2f} MB/s")
    print(f"ratio, one core: {one / jionlp_rate:.1f}x JioNLP extract_money, {one / jieba_rate:.1f}x jieba")
    print(f"ratio, all cores: {many / jionlp_rate:.1f}x JioNLP extract_money, {many / jieba_rate:.1f}x jieba")
    return 0


if __name__ == "__main__":
    sys.exit(main())
