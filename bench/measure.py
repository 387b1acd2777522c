#!/usr/bin/env python3
"""Times the figures of issue 5 and prints them side by side; called by bench/run.

Whole-process figures: each command is started with posix_spawn and reaped with wait4, so
the wall time has no shell in it; peak memory comes from separate runs under `/usr/bin/time
-v` ("Maximum resident set size").
In-process figures come from `report-bench` as JSON. Launch to first frame runs the real
browser in a private tmux server and polls `capture-pane`.

Usage: bench/measure.py --bin DIR --inputs A.txt B.txt [--runs 5] [--json OUT]
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
import unicodedata

KEYWORD = "信用修复"
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
STDERR_LOG = None  # set in main(): bench/out/stderr.log
OUT_DIR = None
GNU_TIME = "/usr/bin/time"
TERMINAL_SIZE = (120, 40)
NOT_ON_MAIN = "n/a (browser not on main yet)"


# ---------------------------------------------------------------- running processes

def resolve(program):
    if os.sep in program:
        return program
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        candidate = os.path.join(directory, program)
        if os.access(candidate, os.X_OK):
            return candidate
    sys.exit(f"measure: {program} not found")


def run_once(argv, stdout_path=os.devnull):
    """One run: (wall seconds, CPU seconds (user + system), exit status)."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, STDERR_LOG, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644),
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(resolve(argv[0]), argv, ENV, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def whole_process(argv, runs, stdout_path=os.devnull, accept=(0,), memory_runs=3):
    """Median wall time over `runs` runs after one untimed warm-up, and median peak RSS over
    `memory_runs` further runs under GNU time."""
    run_once(argv, stdout_path)
    samples, cpu = [], []
    for _ in range(runs):
        seconds, cpu_seconds, status = run_once(argv, stdout_path)
        if status not in accept:
            sys.exit(f"measure: {' '.join(argv)} exited with {status}; see {STDERR_LOG}")
        samples.append(seconds)
        cpu.append(cpu_seconds)
    peaks = [peak_rss(argv, stdout_path, accept) for _ in range(memory_runs)]
    return {
        "command": " ".join(shlex.quote(a) for a in argv) + ("" if stdout_path == os.devnull else " > FILE"),
        "seconds": statistics.median(samples),
        "runs": samples,
        # Less disturbed than wall time by other work on the machine; used for scaling.
        "cpuSeconds": statistics.median(cpu),
        "rss": statistics.median(peaks),
        "rssRuns": peaks,
    }


def peak_rss(argv, stdout_path=os.devnull, accept=(0,)):
    """Peak RSS as `/usr/bin/time -v` reports it ("Maximum resident set size").

    Not wait4's figure for our own child: posix_spawn from Python starts the child in
    Python's address space, and Linux carries that high-water mark across exec, so every
    small process would appear to use Python's 16 MB. GNU time forks from its own small
    image."""
    report = os.path.join(OUT_DIR, "gnu-time.txt")
    status = run_once([GNU_TIME, "-v", "-o", report, *argv], stdout_path)[2]
    if status not in accept:
        sys.exit(f"measure: {' '.join(argv)} exited with {status}; see {STDERR_LOG}")
    with open(report, encoding="utf-8") as handle:
        for line in handle:
            if "Maximum resident set size" in line:
                return int(line.rsplit(":", 1)[1]) * 1024
    sys.exit(f"measure: no peak memory in {report}")


def in_process(argv, runs, out_dir):
    """Runs a report-bench subcommand `runs` times under GNU time and returns its JSON
    outputs, each with the process's peak RSS added; None if the subcommand does not exist."""
    if run_once(argv[:2] + ["--help"])[2] != 0:
        return None
    outputs = []
    stdout_path = os.path.join(out_dir, "report-bench.json")
    for _ in range(runs):
        rss = peak_rss(argv, stdout_path)
        with open(stdout_path, encoding="utf-8") as handle:
            output = json.load(handle)
        output["processRss"] = rss
        outputs.append(output)
    return outputs


# ---------------------------------------------------------------- the browser under tmux

def tmux(*arguments, capture=False):
    command = ["tmux", "-L", "benchsock", "-f", "/dev/null", *arguments]
    return subprocess.run(command, env=ENV, capture_output=True, text=True, check=False) if capture \
        else subprocess.run(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def first_frame_complete(screen):
    """The status line is drawn last and ends with the key hints; the title row is the first."""
    rows = screen.rstrip("\n").split("\n")
    return len(rows) >= TERMINAL_SIZE[1] and rows[0].strip() != "" and "q quit" in rows[-1]


def launch_to_first_frame(browser, path, runs, timeout=30.0):
    """Launch of the real binary to its first complete frame, measured from just before
    `tmux new-session` to the end of the first `capture-pane` that shows the frame; the
    resolution is one poll (reported). A server with an idle session is started first, so
    tmux's own start-up is not counted."""
    width, height = TERMINAL_SIZE
    tmux("kill-server")
    tmux("new-session", "-d", "-s", "idle", "-x", str(width), "-y", str(height), "sleep 3600")
    # Keeps a pane that exits early on screen, so its last words can be reported.
    tmux("set-option", "-g", "remain-on-exit", "on")
    samples, polls, hwm, cpu = [], [], [], []
    try:
        for run in range(runs + 1):
            name = f"launch{run}"
            command = f"exec env LC_ALL=C.UTF-8 {shlex.quote(browser)} {shlex.quote(path)}"
            start = time.perf_counter()
            tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command)
            poll_starts = []
            while True:
                poll_starts.append(time.perf_counter())
                captured = tmux("capture-pane", "-p", "-t", name, capture=True)
                now = time.perf_counter()
                if captured.returncode != 0 or "Pane is dead" in captured.stdout:
                    said = [row.strip() for row in captured.stdout.split("\n") if row.strip()]
                    # tmux may drop what the process wrote just before it exited.
                    detail = " / ".join(said) if said else "the pane died"
                    return {"error": "n/a (exits before a frame)",
                            "detail": f"{os.path.basename(browser)} exited before drawing a frame: {detail}"}
                if first_frame_complete(captured.stdout):
                    break
                if now - start > timeout:
                    tmux("kill-session", "-t", name)
                    return {"error": f"no complete frame within {timeout:.0f} s"}
            pid = tmux("display-message", "-p", "-t", name, "#{pane_pid}", capture=True).stdout.strip()
            peak = read_vm_hwm(pid)
            cpu_used = read_cpu_seconds(pid)
            tmux("kill-session", "-t", name)
            if run == 0:
                continue  # warm-up: page cache and dynamic loader
            samples.append(now - start)
            if cpu_used is not None:
                cpu.append(cpu_used)
            polls.append((now - poll_starts[0]) / len(poll_starts) if len(poll_starts) > 1 else now - poll_starts[0])
            if peak:
                hwm.append(peak)
    finally:
        tmux("kill-server")
    return {
        "seconds": statistics.median(samples),
        "runs": samples,
        "pollSeconds": statistics.median(polls),
        "rss": statistics.median(hwm) if hwm else None,
        # From /proc/PID/stat in clock ticks (10 ms); the browser idles once its frame is up.
        **({"cpuSeconds": statistics.median(cpu)} if cpu else {}),
    }


def launch_overhead(out_dir, runs):
    """The same measurement of a shell script that draws a complete frame at once: the
    harness's own share (tmux starting the pane, sh, exec, one poll) of the launch figure."""
    width, height = TERMINAL_SIZE
    script = os.path.join(out_dir, "instant-frame.sh")
    rows = "".join(f"\\033[{row};1Hrow {row}" for row in range(2, height))
    with open(script, "w", encoding="ascii") as handle:
        handle.write("#!/bin/sh\n")
        handle.write(f"printf '\\033[2J\\033[Htitle{rows}\\033[{height};1Hstatus  q quit'\n")
        handle.write("exec sleep 3600\n")
    os.chmod(script, 0o755)
    return launch_to_first_frame(script, "", runs)


def read_cpu_seconds(pid):
    """User + system CPU time so far of a live process, from /proc/PID/stat."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        # Fields 14 and 15 of stat(5); the split drops the first two.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def read_vm_hwm(pid):
    """Peak RSS so far of a live process (VmHWM), in bytes; the browser is not our child."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


# ---------------------------------------------------------------- one input size

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
    warm = in_process([bench, "search-warm", path], args.in_process_runs, args.out)
    figures["warm"] = summarise_warm(warm)
    print("    launch to first frame", file=sys.stderr)
    figures["launch"] = launch_to_first_frame(browser, path, max(3, runs)) if args.browser else {"error": NOT_ON_MAIN}
    print("    key press to frame", file=sys.stderr)
    frames = in_process([bench, "frames", path], args.in_process_runs, args.out) if args.browser else None
    figures["keys"] = summarise_frames(frames)
    figures["open"] = summarise_open(frames)
    print("    phases", file=sys.stderr)
    phases = summarise_phases(in_process([bench, "phases", path], args.in_process_runs, args.out))
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
        return {"error": NOT_ON_MAIN}
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
        return {"error": NOT_ON_MAIN}
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


def phase_table(size):
    rows = [["phase (in one process)", "time", "cpu", "resident after", "peak so far"]]
    for phase in size["phases"]:
        rows.append([phase["name"], format_seconds(phase["seconds"]), format_seconds(phase["cpuSeconds"]),
                     format_bytes(phase["resident"]), format_bytes(phase["peak"])])
    widths = [max(display_width(r[i]) for r in rows) for i in range(5)]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(pad(cell, widths[i], right=i > 0) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# ---------------------------------------------------------------- printing

ROWS = [
    ("wc", "wc -l FILE"),
    ("grep", f"grep -F -c {KEYWORD} FILE"),
    ("outline", "report-browser outline FILE"),
    ("search", f"report-browser search {KEYWORD} FILE"),
    ("warm", "warm search, in process (median)"),
    ("launch", "launch to first frame (tmux)"),
    ("open", "load+parse+first frame, in process"),
    ("keys", "key press to frame (median)"),
]


def format_seconds(seconds):
    if seconds is None:
        return "—"
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def format_bytes(count):
    return "—" if not count else f"{count / 1048576:.0f} MB"


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text, width, right=False):
    gap = max(0, width - display_width(text))
    return " " * gap + text if right else text + " " * gap


def table(sizes):
    header = ["figure"]
    for size in sizes:
        label = f"{size['bytes'] / 1048576:.0f} MB"
        header += [label, "×grep", "peak RSS"]
    if len(sizes) == 2:
        header += ["×input", f"{sizes[1]['bytes'] / 1048576:.0f}/{sizes[0]['bytes'] / 1048576:.0f} MB"]
    else:
        header += ["×input"]
    rows = [header]
    for key, label in ROWS:
        row = [label]
        for size in sizes:
            figure = size["figures"][key]
            grep = size["figures"]["grep"]["seconds"]
            if "error" in figure:
                row += [figure["error"], "", ""]
                continue
            time_text = format_seconds(figure["seconds"])
            if key == "launch":
                time_text += f" ±{format_seconds(figure['pollSeconds'])}"
            notes = []
            if "cpuSeconds" in figure:
                notes.append(f"cpu {format_seconds(figure['cpuSeconds'])}")
            if key == "keys":
                notes.append(f"p95 {format_seconds(figure['p95Seconds'])}")
            if notes:
                time_text += f" ({', '.join(notes)})"
            row += [time_text, f"{figure['seconds'] / grep:.2f}", format_bytes(figure.get("rss"))]
        last = sizes[-1]["figures"][key]
        row.append(f"{last['rss'] / sizes[-1]['bytes']:.2f}" if last.get("rss") else "")
        if len(sizes) == 2:
            first = sizes[0]["figures"][key]
            ratio = last["seconds"] / first["seconds"] if "seconds" in last and "seconds" in first else None
            row.append(f"{ratio:.1f}" if ratio else "")
        rows.append(row)
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(rows):
        cells = [pad(cell, widths[i], right=i > 0) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


MEMORY_LABELS = {
    "outline": "report-browser outline",
    "search": "report-browser search",
    "launch": "report-browser, the browser at its first frame",
    "keys": "the browser in process, report-bench frames",
}


def targets(sizes):
    """The issue-5 targets on the largest input, and linear scaling between the two."""
    big = sizes[-1]
    figures = big["figures"]
    grep = figures["grep"]["seconds"]
    verdicts = []

    def check(name, ok, detail):
        verdicts.append({"target": name, "met": ok, "detail": detail})

    def available(key):
        return "error" not in figures[key]

    if available("outline"):
        ratio = figures["outline"]["seconds"] / grep
        check("outline ≤ 5× grep -F -c", ratio <= 5, f"{ratio:.1f}× grep")
    if available("warm"):
        warm = figures["warm"]["seconds"]
        check("warm search median ≤ grep -F -c wall time", warm <= grep,
              f"{format_seconds(warm)} (cpu {format_seconds(figures['warm']['cpuSeconds'])}) "
              f"vs {format_seconds(grep)}")
    for key, name, limit in (("launch", "launch to first frame < 1 s", 1.0),
                             ("keys", "key press to frame < 16 ms (median)", 0.016)):
        if available(key):
            value = figures[key]["seconds"]
            check(name, value < limit, format_seconds(value))
        else:
            check(name, None, figures[key]["error"])
    for key in ("outline", "search", "launch", "keys"):
        figure = figures[key]
        if figure.get("rss"):
            ratio = figure["rss"] / big["bytes"]
            check(f"peak memory ≤ 2.5× input ({MEMORY_LABELS[key]})", ratio <= 2.5,
                  f"{format_bytes(figure['rss'])} = {ratio:.2f}× input")
    if len(sizes) == 2:
        growth = big["bytes"] / sizes[0]["bytes"]
        for key in ("outline", "search", "warm", "launch"):
            first, last = sizes[0]["figures"][key], figures[key]
            # CPU time where there is one: wall time swings with whatever else runs.
            measure_key = "cpuSeconds" if "cpuSeconds" in first else "seconds"
            if measure_key in first and measure_key in last:
                ratio = last[measure_key] / first[measure_key]
                what = "CPU time" if measure_key == "cpuSeconds" else "time"
                check(f"linear scaling ({key})", ratio <= growth * 1.25,
                      f"{what} ×{ratio:.1f} for ×{growth:.1f} input")
        first, last = sizes[0]["figures"]["keys"], figures["keys"]
        if "cpuSeconds" in first and "cpuSeconds" in last:
            ratio = last["cpuSeconds"] / first["cpuSeconds"]
            check("key press to frame independent of size", ratio <= 2, f"CPU time ×{ratio:.1f}")
    return verdicts


def main():
    global STDERR_LOG, OUT_DIR
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="directory with report-browser and report-bench")
    parser.add_argument("--inputs", nargs="+", required=True)
    parser.add_argument("--out", default="bench/out")
    parser.add_argument("--runs", type=int, default=5, help="runs per whole-process figure")
    parser.add_argument("--in-process-runs", type=int, default=3, help="runs of report-bench per figure")
    parser.add_argument("--browser", action="store_true", help="the interactive browser exists")
    parser.add_argument("--json", default="bench/out/results.json")
    args = parser.parse_args()
    OUT_DIR = args.out
    STDERR_LOG = os.path.join(args.out, "stderr.log")
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit("measure: GNU time is needed for peak memory: apt-get install -y time")
    open(STDERR_LOG, "w").close()
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
    if overhead and "seconds" in overhead:
        print(f"Launch harness overhead (a shell script drawing at once): {format_seconds(overhead['seconds'])}; "
              f"poll resolution {format_seconds(overhead['pollSeconds'])}")
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
