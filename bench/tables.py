"""The printed results: the side-by-side table, the phase table and the target verdicts."""
import unicodedata

KEYWORD = "信用修复"


ROWS = [
    ("wc", "wc -l FILE"),
    ("grep", f"grep -F -c {KEYWORD} FILE"),
    ("outline", "report-browser outline FILE"),
    ("search", f"report-browser search {KEYWORD} FILE"),
    ("warm", "warm search, in process (median)"),
    ("launch", "launch to first frame (tmux)"),
    ("launchNoState", "  the same with --no-state"),
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
            if key in ("launch", "launchNoState"):
                time_text += f" ±{format_seconds(figure['pollSeconds'])}"
            notes = []
            if "cpuSeconds" in figure:
                notes.append(f"cpu {format_seconds(figure['cpuSeconds'])}")
            if key == "keys":
                notes.append(f"p95 {format_seconds(figure['p95Seconds'])}")
                notes.append(f"max {format_seconds(figure['maxSeconds'])}")
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

    grep_cpu = figures["grep"]["cpuSeconds"]
    if available("outline"):
        ratio = figures["outline"]["seconds"] / grep
        cpu_ratio = figures["outline"]["cpuSeconds"] / grep_cpu
        check("outline ≤ 5× grep -F -c", ratio <= 5, f"{ratio:.1f}× grep (CPU time: {cpu_ratio:.1f}×)")
    if available("warm"):
        warm = figures["warm"]["seconds"]
        check("warm search median ≤ grep -F -c wall time", warm <= grep,
              f"{format_seconds(warm)} (cpu {format_seconds(figures['warm']['cpuSeconds'])}) "
              f"vs {format_seconds(grep)} (cpu {format_seconds(grep_cpu)})")
    for key, name, limit in (("launch", "launch to first frame < 1 s", 1.0),
                             ("keys", "key press to frame < 16 ms (median)", 0.016)):
        if available(key):
            value = figures[key]["seconds"]
            cpu = figures[key].get("cpuSeconds")
            check(name, value < limit, format_seconds(value) + (f" (cpu {format_seconds(cpu)})" if cpu else ""))
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
