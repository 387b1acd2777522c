"""Running commands for the benchmark: wall and CPU time with no shell in between, peak memory
from GNU time, and report-bench's JSON."""
import json
import os
import shlex
import statistics
import sys
import time

ENV = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
GNU_TIME = "/usr/bin/time"
OUT_DIR = "bench/out"
STDERR_LOG = os.path.join(OUT_DIR, "stderr.log")


def configure(out_dir):
    """Where scratch files go; the commands' stderr is collected in out_dir/stderr.log."""
    global OUT_DIR, STDERR_LOG
    OUT_DIR = out_dir
    STDERR_LOG = os.path.join(out_dir, "stderr.log")
    open(STDERR_LOG, "w").close()
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit("measure: GNU time is needed for peak memory: apt-get install -y time")


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


def in_process(argv, runs):
    """Runs a report-bench subcommand `runs` times under GNU time and returns its JSON
    outputs, each with the process's peak RSS added; None if the subcommand does not exist."""
    if run_once(argv[:2] + ["--help"])[2] != 0:
        return None
    outputs = []
    stdout_path = os.path.join(OUT_DIR, "report-bench.json")
    for _ in range(runs):
        rss = peak_rss(argv, stdout_path)
        with open(stdout_path, encoding="utf-8") as handle:
            output = json.load(handle)
        output["processRss"] = rss
        outputs.append(output)
    return outputs
