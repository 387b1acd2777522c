#!/usr/bin/env python3
"""Times the figures of issue 5 and prints them side by side; called by bench/run.

Whole-process figures: each command is started with posix_spawn and reaped with wait4, so
the wall time has no shell in it; peak memory comes from separate runs under `/usr/bin/time
-v` ("Maximum resident set size").
In-process figures come from `report-bench` as JSON. Launch to first frame runs the real
browser in a private tmux server and watches its output (launch.py).

Usage: bench/measure.py --bin DIR --inputs A.txt B.txt [--runs 5] [--json OUT]
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

import processes
from launch import launch_overhead, launch_to_first_frame
from processes import in_process, whole_process
from tables import KEYWORD, format_seconds, phase_table, table, targets

NOT_AVAILABLE = "n/a (no browser in this build)"


def measure_size(args, path):
    size = os.path.getsize(path)
    browser = os.path.join(args.bin, "report-browser")
    bench = os.path.join(args.bin, "report-bench")
    runs = args.runs
    print(f"  {os.path.basename(path)}: {size / 1048576:.1f} MB", file=sys.stderr)
    figures = {}
    print("    wc, grep", file=sys.stderr)
    # GNU grep stops at the first match when its output is /dev/null, so the baselines write
    # to a file; their output is one line.
    small_output = os.path.join(args.out, "baseline-output.txt")
    figures["wc"] = whole_process(["wc", "-l", path], runs, small_output)
    figures["grep"] = whole_process(["grep", "-F", "-c", KEYWORD, path], runs, small_output)
    print("    report-browser outline, search", file=sys.stderr)
    figures["outline"] = whole_process([browser, "outline", path], runs)
    figures["search"] = whole_process([browser, "search", KEYWORD, path], runs, accept=(0, 1))
    print("    warm search", file=sys.stderr)
    warm = in_process([bench, "search-warm", path], args.in_process_runs)
    figures["warm"] = summarise_warm(warm)
    print("    launch to first frame", file=sys.stderr)
    figures["launch"] = launch_to_first_frame(browser, path, max(3, runs)) if args.browser else {"error": NOT_AVAILABLE}
    # The same without reading or writing the saved reading state (marks, place, history).
    figures["launchNoState"] = (launch_to_first_frame(browser, path, max(3, runs), options=["--no-state"])
                                if args.browser else {"error": NOT_AVAILABLE})
    print("    key press to frame", file=sys.stderr)
    frames = in_process([bench, "frames", path], args.in_process_runs) if args.browser else None
    figures["keys"] = summarise_frames(frames)
    figures["open"] = summarise_open(frames)
    print("    phases", file=sys.stderr)
    phases = summarise_phases(in_process([bench, "phases", path], args.in_process_runs))
    return {"file": path, "bytes": size, "figures": figures, "phases": phases}


def summarise_warm(outputs):
    if not outputs:
        return {"error": "report-bench search-warm missing"}
    median_of = lambda key: statistics.median(o[key] for o in outputs)
    return {
        "seconds": statistics.median(o["search"]["median"] for o in outputs) / 1000,
        "cpuSeconds": statistics.median(o["searchCPU"]["median"] for o in outputs) / 1000,
        "p95Seconds": statistics.median(o["search"]["p95"] for o in outputs) / 1000,
        "queries": outputs[0]["search"]["count"],
        "keywordSeconds": statistics.median(o["keyword"]["milliseconds"] for o in outputs) / 1000,
        "readAndDecodeSeconds": median_of("readAndDecodeMilliseconds") / 1000,
        "parseSeconds": median_of("parseMilliseconds") / 1000,
        "indexSeconds": median_of("indexMilliseconds") / 1000,
        "indexFootprint": outputs[0]["indexFootprintBytes"],
        "rss": median_of("processRss"),
        "sample": outputs[0]["queries"],
    }


def summarise_frames(outputs):
    if outputs is None:
        return {"error": NOT_AVAILABLE}
    median_of = lambda key: statistics.median(o[key] for o in outputs)
    return {
        "seconds": statistics.median(o["keyToFrame"]["median"] for o in outputs) / 1000,
        "cpuSeconds": statistics.median(o["keyToFrameCPU"]["median"] for o in outputs) / 1000,
        "p95Seconds": statistics.median(o["keyToFrame"]["p95"] for o in outputs) / 1000,
        "maxSeconds": statistics.median(o["keyToFrame"]["max"] for o in outputs) / 1000,
        "keys": outputs[0]["keyToFrame"]["count"],
        "firstFrameSeconds": median_of("firstFrameMilliseconds") / 1000,
        "slowest": outputs[0]["slowest"],
        "rss": median_of("processRss"),
    }


def summarise_open(outputs):
    """What the launch figure costs apart from process start and curses: reading, decoding,
    parsing and drawing the first frame, from the same runs as key press to frame."""
    if outputs is None:
        return {"error": NOT_AVAILABLE}
    totals = [o["readAndDecodeMilliseconds"] + o["parseMilliseconds"] + o["firstFrameMilliseconds"] for o in outputs]
    return {
        "seconds": statistics.median(totals) / 1000,
        "cpuSeconds": statistics.median(o["openCPUMilliseconds"] for o in outputs) / 1000,
        "readAndDecodeSeconds": statistics.median(o["readAndDecodeMilliseconds"] for o in outputs) / 1000,
        "parseSeconds": statistics.median(o["parseMilliseconds"] for o in outputs) / 1000,
        "firstFrameSeconds": statistics.median(o["firstFrameMilliseconds"] for o in outputs) / 1000,
        "rss": statistics.median(o["processRss"] for o in outputs),
    }


def summarise_phases(outputs):
    """Median time of each phase of the CLI's work, with resident memory after it."""
    if not outputs:
        return []
    phases = []
    for position, phase in enumerate(outputs[0]["phases"]):
        runs = [o["phases"][position] for o in outputs]
        phases.append({
            "name": phase["name"],
            "seconds": statistics.median(r["milliseconds"] for r in runs) / 1000,
            "cpuSeconds": statistics.median(r["cpuMilliseconds"] for r in runs) / 1000,
            "resident": statistics.median(r["residentBytes"] for r in runs),
            "peak": statistics.median(r["peakResidentBytes"] for r in runs),
        })
    return phases


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="directory with report-browser and report-bench")
    parser.add_argument("--inputs", nargs="+", required=True)
    parser.add_argument("--out", default="bench/out")
    parser.add_argument("--runs", type=int, default=5, help="runs per whole-process figure")
    parser.add_argument("--in-process-runs", type=int, default=3, help="runs of report-bench per figure")
    parser.add_argument("--browser", action="store_true", help="the interactive browser exists")
    parser.add_argument("--json", default="bench/out/results.json")
    args = parser.parse_args()
    processes.configure(args.out)
    # The browser saves its reading state; keep the benchmark's out of the user's.
    processes.ENV["XDG_STATE_HOME"] = os.path.abspath(os.path.join(args.out, "state"))
    load_at_start = os.getloadavg()
    sizes = [measure_size(args, path) for path in args.inputs]
    overhead = launch_overhead(args.out, max(3, args.runs)) if args.browser else None
    verdicts = targets(sizes)
    results = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "loadAverage": {"start": load_at_start, "end": os.getloadavg()},
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
        "runs": args.runs,
        "inProcessRuns": args.in_process_runs,
        "sizes": sizes,
        "launchHarnessOverhead": overhead,
        "targets": verdicts,
    }
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=1)
    print()
    print(table(sizes))
    print()
    for size in sizes:
        for key, figure in size["figures"].items():
            if figure.get("detail"):
                print(f"{os.path.basename(size['file'])}, {key}: {figure['detail']}")
    for size in sizes:
        keys = size["figures"]["keys"]
        if "slowest" in keys:
            slowest = ", ".join(f"{k['key']} {format_seconds(k['milliseconds'] / 1000)}" for k in keys["slowest"])
            print(f"Slowest keys, {os.path.basename(size['file'])}: {slowest}")
    if overhead and "seconds" in overhead:
        print(f"Launch harness overhead (a shell script drawing at once): {format_seconds(overhead['seconds'])}, "
              "an upper bound: it draws before its output can be piped and is caught by the 10 ms poll")
    if sizes[-1]["phases"]:
        print()
        print(f"Where the time and memory go, {os.path.basename(sizes[-1]['file'])}:")
        print(phase_table(sizes[-1]))
    print()
    print("Targets (largest input):")
    for verdict in verdicts:
        mark = {True: "met", False: "MISSED", None: "n/a"}[verdict["met"]]
        print(f"  {mark:6}  {verdict['target']}: {verdict['detail']}")
    print()
    print(f"Medians of {args.runs} runs per whole-process figure ({args.in_process_runs} per in-process figure); "
          f"JSON: {args.json}")
    print("Load average (1 min) at start and end: %.2f, %.2f on %d CPUs (others' work inflates wall times)"
          % (load_at_start[0], os.getloadavg()[0], os.cpu_count()))


if __name__ == "__main__":
    main()
