"""Launch to first frame: the real browser in a private tmux server, polled with capture-pane."""
import os
import shlex
import statistics
import subprocess
import time

from processes import ENV

TERMINAL_SIZE = (120, 40)


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
