"""Whole-process figures of the library benchmark (bench/library-run) and the summary table."""
import argparse
import json
import os
import statistics
import subprocess
import time


def timed(command, stdout_path, runs):
    """Median wall time in ms of `command`, stdout to a file (grep stops early on /dev/null)."""
    samples = []
    subprocess.run(command, stdout=open(stdout_path, "wb"), stderr=subprocess.DEVNULL)  # warm-up
    for _ in range(runs):
        start = time.perf_counter()
        with open(stdout_path, "wb") as sink:
            subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), samples


def peak_rss(command):
    result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in result.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) * 1024
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--library", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--in-process", required=True)
    parser.add_argument("--single", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    browser = os.path.join(args.bin, "report-browser")
    inside = json.load(open(args.in_process))
    two = next(q for q in inside["queries"] if q["length"] == 2)
    # The CLI query: the median-frequency two-character query of the in-process sample.
    term = sorted(two["queries"], key=lambda q: q["hits"])[len(two["queries"]) // 2]["query"]
    sink = os.path.join(args.out, "library-sink.txt")
    grep_ms, grep_runs = timed(["grep", "-r", "-c", term, args.library], sink, args.runs)
    cli_ms, cli_runs = timed([browser, "search", term, args.library, "--index", args.index], sink, args.runs)
    cli_hits = sum(1 for _ in open(sink, encoding="utf-8"))
    cli_rss = peak_rss([browser, "search", term, args.library, "--index", args.index])
    # The like-for-like command to grep -r -c: a count per file (of sections, not lines).
    count_ms, count_runs = timed([browser, "search", "-c", term, args.library, "--index", args.index], sink, args.runs)
    # A rarer query, as an analyst's usually is: the generator's keyword.
    rare = "信用修复"
    grep_rare_ms, _ = timed(["grep", "-r", "-c", rare, args.library], sink, args.runs)
    cli_rare_ms, _ = timed([browser, "search", rare, args.library, "--index", args.index], sink, args.runs)
    cli_rare_hits = sum(1 for _ in open(sink, encoding="utf-8"))
    scan_rare_ms, _ = timed([browser, "search", rare, args.library, "--no-index"], sink, 1)

    single_index = os.path.join(args.out, "report-100mb.sqlite")
    if not os.path.exists(single_index):
        start = time.perf_counter()
        subprocess.run([browser, "index", args.single, "--index", single_index], stdout=subprocess.DEVNULL, check=True)
        single_build = (time.perf_counter() - start) * 1000
    else:
        single_build = None
    keyword = "信用修复"
    grep_f_ms, _ = timed(["grep", "-F", "-c", keyword, args.single], sink, args.runs)
    single_ms, single_runs = timed([browser, "search", keyword, args.single, "--index", single_index], sink, args.runs)
    single_scan_ms, _ = timed([browser, "search", keyword, args.single, "--no-index"], sink, 1)

    build = inside.get("build") or {}
    result = {
        "term": term, "grep_r_c_ms": grep_ms, "grep_runs": grep_runs, "cli_search_ms": cli_ms, "cli_runs": cli_runs,
        "cli_hit_lines": cli_hits, "cli_peak_rss": cli_rss, "cli_count_ms": count_ms, "cli_count_runs": count_runs, "grep_F_c_100mb_ms": grep_f_ms, "single_search_ms": single_ms,
        "single_runs": single_runs, "single_scan_ms": single_scan_ms, "single_index_build_ms": single_build,
        "rare": rare, "grep_rare_ms": grep_rare_ms, "cli_rare_ms": cli_rare_ms, "cli_rare_hits": cli_rare_hits,
        "scan_rare_ms": scan_rare_ms, "load": os.getloadavg(),
    }
    json.dump(result, open(os.path.join(args.out, "library-results.json"), "w"), indent=1, ensure_ascii=False)
    mb = build.get("textBytes", 0) / 1048576
    print(f"library: {build.get('files')} files, {mb:.0f} MB of text, index file {build.get('indexFileBytes', 0) / 1048576:.0f} MB")
    if build:
        print(f"full index build (in process): {build['milliseconds'] / 1000:.1f} s (cpu {build['cpuMilliseconds'] / 1000:.1f} s), "
              f"{build['megabytesPerSecond']:.1f} MB/s, peak RSS {build['peakResidentBytes'] / 1048576:.0f} MB; "
              f"{build['milliseconds'] / grep_ms:.1f}x grep -r -c")
    print(f"incremental update after {inside['incrementalChanged']} changed files: {inside['incrementalMilliseconds']:.0f} ms")
    for q in inside["queries"]:
        t = q["timing"]
        hits = sorted(x["hits"] for x in q["queries"])
        print(f"in process, {q['length']}-character queries: median {t['median']:.1f} ms, p95 {t['p95']:.1f} ms, "
              f"max {t['max']:.1f} ms (hits: median {hits[len(hits) // 2]}, max {hits[-1]})")
    print(f"grep -r -c {term} DIR: {grep_ms:.0f} ms; report-browser search {term} DIR (index, warm): {cli_ms:.0f} ms "
          f"= {cli_ms / grep_ms:.2f}x grep ({cli_hits} lines, peak RSS {cli_rss / 1048576:.0f} MB)")
    print(f"report-browser search -c {term} DIR (index, warm): {count_ms:.0f} ms = {count_ms / grep_ms:.2f}x grep -r -c")
    print(f"grep -r -c {rare} DIR: {grep_rare_ms:.0f} ms; search {rare} DIR (index, warm): {cli_rare_ms:.0f} ms "
          f"= {cli_rare_ms / grep_rare_ms:.2f}x grep ({cli_rare_hits} lines); --no-index: {scan_rare_ms:.0f} ms")
    print(f"100 MB report: grep -F -c {keyword}: {grep_f_ms:.0f} ms; search through its index: {single_ms:.0f} ms "
          f"= {single_ms / grep_f_ms:.2f}x; --no-index: {single_scan_ms:.0f} ms = {single_scan_ms / grep_f_ms:.1f}x"
          + (f"; its index built in {single_build / 1000:.1f} s" if single_build else ""))
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()
