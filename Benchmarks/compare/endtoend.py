#!/usr/bin/env python3
"""What a user waits for: whole `zhengce extract` runs against JioNLP and jieba, in one run.

    Benchmarks/endtoend.sh [MEGABYTES]         # makes the venv, builds, runs this
    endtoend.py --zhengce PATH [--megabytes 10] [--corpus Corpus] [--rounds 3] [--jobs 1,2]
                [--formats jsonl,json,csv] [--no-jieba] [--baseline OLDER-BINARY]

The corpus is replicated to --megabytes as a folder of .txt files (folders of
100). Each round then times, on the same texts:
  - jionlp.ner.extract_money (money amounts only), paragraph by paragraph, in
    this process (no start-up, no file reading: the yardstick is generous);
  - the whole process `zhengce extract DIR -o OUT` (start-up, walking the
    folder, reading, extraction, writing) for JSONL to one file, one pretty
    JSON file per document, and CSV tables, each with --jobs 1 and 2;
and jieba.lcut once (words only). The ratio of zhengce's throughput (input
MB per wall-clock second) to JioNLP's is taken round by round, so both sides
of a ratio saw the same load; the median round is printed. `uptime` is
printed before and after: wall-clock figures need a quiet machine, ratios
much less so.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def corpus_files(folder, megabytes, out):
    texts = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            texts.append(f.read())
    target = int(megabytes * 1_000_000)
    size, n, written = 0, 0, []
    while size < target:
        for t in texts:
            sub = os.path.join(out, "%04d" % (n // 100))
            os.makedirs(sub, exist_ok=True)
            data = t.encode("utf-8")
            with open(os.path.join(sub, "%06d.txt" % n), "wb") as f:
                f.write(data)
            written.append(t)
            size += len(data)
            n += 1
    return written, size


def paragraphs(texts):
    return [p for t in texts for p in t.split("\n") if p.strip()]


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def timed_cpu(fn):
    """Wall and CPU seconds of fn in this process."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def run_zhengce(zhengce, folder, fmt, jobs, out):
    """Wall and CPU seconds of one whole `zhengce extract` process, and the bytes it wrote."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    elif os.path.exists(out):
        os.remove(out)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([zhengce, "extract", folder, "-o", out, "--format", fmt, "--jobs", str(jobs), "--quiet"],
                   check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if os.path.isdir(out):
        written = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
    else:
        written = os.path.getsize(out)
    return wall, cpu, written


def uptime():
    try:
        with open("/proc/loadavg") as f:
            return "load average " + " ".join(f.read().split()[:3])
    except OSError:
        return "load average unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zhengce", required=True, help="the zhengce binary (release build)")
    ap.add_argument("--megabytes", type=float, default=10)
    ap.add_argument("--corpus", default="Corpus")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--formats", default="jsonl,json,csv")
    ap.add_argument("--no-jieba", action="store_true")
    ap.add_argument("--baseline", help="another zhengce binary (say, a build of an older commit) timed in the same rounds")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="zhengce-endtoend-")
    try:
        folder = os.path.join(work, "in")
        texts, size = corpus_files(args.corpus, args.megabytes, folder)
        paras = paragraphs(texts)
        mb = size / 1e6
        print(f"end to end: {mb:.1f} MB in {len(texts)} files, {len(paras)} paragraphs; {uptime()}", flush=True)

        import jionlp
        extract_money = jionlp.ner.extract_money
        assert len(extract_money("分别给予10万元、20万元奖励")) == 2, "jionlp.ner.extract_money did not work"

        def money():
            for p in paras:
                extract_money(p)

        # Start-up alone: one empty file (an error record), whole process.
        empty = os.path.join(work, "empty")
        os.makedirs(empty)
        with open(os.path.join(empty, "a.txt"), "w", encoding="utf-8") as f:
            f.write("关于印发《办法》的通知\n")
        startups = []
        for _ in range(5):
            w, _, _ = run_zhengce(args.zhengce, empty, "jsonl", 1, os.path.join(work, "startup.jsonl"))
            startups.append(w)
        print(f"  zhengce start-up (one short file, whole process): {min(startups) * 1000:.0f} ms best of 5, "
              f"median {statistics.median(startups) * 1000:.0f} ms", flush=True)

        formats = args.formats.split(",")
        jobs_list = [int(j) for j in args.jobs.split(",")]
        runs = {}   # (format, jobs) -> list of (wall, cpu, written)
        jionlp_seconds, jionlp_cpu = [], []
        ratios = {}  # (format, jobs) -> list of round ratios
        cpu_ratios = {}  # the same in CPU seconds
        binaries = [("", args.zhengce)] + ([("before: ", args.baseline)] if args.baseline else [])
        for round_number in range(args.rounds):
            j, j_cpu = timed_cpu(money)
            jionlp_seconds.append(j)
            jionlp_cpu.append(j_cpu)
            line = [f"round {round_number + 1}: JioNLP {mb / j:.2f} MB/s"]
            for fmt in formats:
                for jobs in jobs_list:
                    for prefix, binary in binaries:
                        out = os.path.join(work, "out." + fmt if fmt == "jsonl" else "out-" + fmt)
                        wall, cpu, written = run_zhengce(binary, folder, fmt, jobs, out)
                        key = (prefix, fmt, jobs)
                        runs.setdefault(key, []).append((wall, cpu, written))
                        ratios.setdefault(key, []).append(j / wall)
                        cpu_ratios.setdefault(key, []).append(j_cpu / cpu)
                        line.append(f"{prefix}{fmt}/{jobs} {mb / wall:.1f}")
            print("  " + ", ".join(line) + f"; {uptime()}", flush=True)

        jionlp_rate = mb / statistics.median(jionlp_seconds)
        jieba_rate = None
        if not args.no_jieba:
            import jieba
            jieba.setLogLevel(60)
            jieba.initialize()
            jieba_rate = mb / timed(lambda: [jieba.lcut(p) for p in paras])

        print()
        print(f"  {'':46}{'wall s':>8}{'MB/s':>8}{'CPU s':>8}{'out MB':>8}{'out MB/s':>9}{'x JioNLP':>10}{'(CPU)':>8}"
              + (f"{'x jieba':>9}" if jieba_rate else ""))
        print(f"  {'jionlp.ner.extract_money (money only)':<46}{statistics.median(jionlp_seconds):8.2f}{jionlp_rate:8.2f}"
              f"{statistics.median(jionlp_cpu):8.2f}")
        if jieba_rate:
            print(f"  {'jieba.lcut (words only)':<46}{mb / jieba_rate:8.2f}{jieba_rate:8.2f}")
        names = {"jsonl": "folder -> JSONL", "json": "folder -> JSON per document", "csv": "folder -> CSV tables"}
        for (prefix, fmt, jobs), results in runs.items():
            wall = statistics.median(r[0] for r in results)
            cpu = statistics.median(r[1] for r in results)
            written = results[-1][2] / 1e6
            ratio = statistics.median(ratios[(prefix, fmt, jobs)])
            cpu_ratio = statistics.median(cpu_ratios[(prefix, fmt, jobs)])
            label = f"{prefix}zhengce {names[fmt]}, --jobs {jobs}"
            print(f"  {label:<46}{wall:8.2f}{mb / wall:8.1f}{cpu:8.2f}{written:8.1f}{written / wall:9.1f}{ratio:9.1f}x{cpu_ratio:7.1f}x"
                  + (f"{mb / wall / jieba_rate:8.0f}x" if jieba_rate else ""))
        for prefix, _ in binaries:
            for fmt in formats:
                if 1 in jobs_list and 2 in jobs_list:
                    one = statistics.median(r[0] for r in runs[(prefix, fmt, 1)])
                    two = statistics.median(r[0] for r in runs[(prefix, fmt, 2)])
                    print(f"  {prefix}2 jobs / 1 job, {names[fmt]}: {one / two:.2f}x")
        for prefix, _ in binaries:
            key = (prefix, "jsonl", 1)
            if key in ratios:
                print(f"{prefix}ratio, one job, folder -> JSONL: {statistics.median(ratios[key]):.1f}x JioNLP extract_money "
                      f"in wall-clock time (rounds: {', '.join(f'{r:.1f}' for r in ratios[key])}), "
                      f"{statistics.median(cpu_ratios[key]):.1f}x in CPU time; {uptime()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
