#!/usr/bin/env python3
"""Run `zhengce extract` over a folder of documents on Apache Spark.

Every document is read by Spark (local disk, HDFS, S3: whatever Hadoop can
list), sent to `zhengce extract --stdin` as one JSON line with its bytes in
base64, and comes back as one JSON line: the same record `zhengce extract
FOLDER --format jsonl` writes on one machine (same documentId, same
source.path, same encoding detection), or an error record. The output is a
folder of JSON-lines part files that `spark.read.json` loads.

    spark-submit Examples/spark/zhengce_spark.py INPUT OUTPUT --zhengce /abs/path/to/zhengce

See README.md beside this file for shipping the binary to a cluster.
"""
import argparse
import base64
import json
import shlex
import sys
import urllib.parse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

DEFAULT_EXTENSIONS = ["txt", "md", "markdown", "html", "htm"]


def case_insensitive_glob(extensions):
    """A Hadoop glob for file names with these extensions, any letter case: *.{[tT][xX][tT],…}."""
    def either_case(text):
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in text)
    return "*.{" + ",".join(either_case(e) for e in extensions) + "}"


def display_path(root, relative):
    """The path `zhengce extract ROOT` shows for a file under ROOT (its source.path)."""
    if root in ("", "."):
        return relative
    return root + relative if root.endswith("/") else root + "/" + relative


def uri_key(uri, percent_encoded):
    """A file URI in one form: Spark lists files as raw paths (file:/a b) in rows
    but percent-encoded (file:///a%20b) in inputFiles()."""
    parts = urllib.parse.urlsplit(uri)
    path = urllib.parse.unquote(parts.path) if percent_encoded else parts.path
    return f"{parts.scheme}://{parts.netloc}{path}"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="folder of documents (a local path, hdfs://…, s3a://…)")
    parser.add_argument("output", help="folder to write JSON-lines part files to (must not exist)")
    parser.add_argument("--zhengce", required=True,
                        help="path of the zhengce binary on the executors (absolute, or ./… when shipped)")
    parser.add_argument("--extensions", default=",".join(DEFAULT_EXTENSIONS),
                        help="file extensions to read (default: %(default)s)")
    parser.add_argument("--partitions", type=int, default=0,
                        help="number of zhengce processes to spread the documents over (default: Spark's choice)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="threads per zhengce process (default 1: Spark already runs one task per core)")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("zhengce extract").getOrCreate()
    sc = spark.sparkContext

    # The input folder as Hadoop names it, so relative paths can be cut off the file URIs.
    jvm = sc._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(args.input)
    file_system = hadoop_path.getFileSystem(sc._jsc.hadoopConfiguration())
    root = uri_key(file_system.makeQualified(hadoop_path).toString(), False).rstrip("/") + "/"

    files = (spark.read.format("binaryFile")
             .option("recursiveFileLookup", "true")
             .option("pathGlobFilter", case_insensitive_glob(args.extensions.split(",")))
             .load(args.input))

    def request(key, content):
        relative = key[len(root):] if key.startswith(root) else key
        return json.dumps({
            "id": relative,
            "path": display_path(args.input, relative),
            "base64": base64.b64encode(content).decode("ascii"),
        }, ensure_ascii=False)

    # Spark's file scan drops empty files; they are inputs too (zhengce reports
    # them as error records), so find them among the files listed and add them.
    listed = files.inputFiles()
    read_keys = files.select("path").rdd.map(lambda row: uri_key(row.path, False))
    empty = sc.parallelize([uri_key(uri, True) for uri in listed]).subtract(read_keys)

    requests = (files.select("path", "content").rdd
                .map(lambda row: request(uri_key(row.path, False), bytes(row.content)))
                .union(empty.map(lambda key: request(key, b""))))
    if args.partitions > 0:
        requests = requests.repartition(args.partitions)
    command = " ".join(shlex.quote(part) for part in
                       [args.zhengce, "extract", "--stdin", "--quiet", "--jobs", str(args.jobs)])
    # checkCode stays off: zhengce exits 1 when some document failed, and the
    # failures are already in the output as error records.
    records = requests.pipe(command)
    records.saveAsTextFile(args.output)

    # Nothing lost: one record per document read.
    written = sc.textFile(args.output).count()
    read = len(listed)
    print(f"zhengce_spark: {read} documents listed, {written} records written to {args.output}")
    spark.stop()
    return 0 if written == read else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
