"""Launch to first frame: the real browser in a private tmux server."""
import os
import select
import shlex
import statistics
import subprocess
import time

import processes
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


def launch_to_first_frame(browser, path, runs, options=(), timeout=30.0):
    """Launch of the real binary to its first complete frame, from just before `tmux
    new-session` to the arrival of the output that completed the frame.

    Polling `capture-pane` in a loop would steal a core from the browser on this 2-core
    machine (every poll is a tmux client plus work in the server). Instead the pane's output
    is piped (`pipe-pane`) into a FIFO that we wait on without using the CPU; each burst of
    output is timed as it arrives and followed by one `capture-pane` that tells whether the
    frame is complete. A slow poll (every 10 ms for the first 100 ms, then every 100 ms) covers
    output that came before the pipe was attached. A server with an idle session is started first, so tmux's own start-up is not
    counted."""
    width, height = TERMINAL_SIZE
    tmux("kill-server")
    tmux("new-session", "-d", "-s", "idle", "-x", str(width), "-y", str(height), "sleep 3600")
    # Keeps a pane that exits early on screen, so its last words can be reported.
    tmux("set-option", "-g", "remain-on-exit", "on")
    samples, uncertainties, hwm, cpu = [], [], [], []
    fifo = os.path.join(processes.OUT_DIR, "pane-output.fifo")
    try:
        for run in range(runs + 1):
            name = f"launch{run}"
            words = [browser, *options, path] if path else [browser, *options]
            command = "exec env LC_ALL=C.UTF-8 " + " ".join(shlex.quote(word) for word in words)
            if os.path.exists(fifo):
                os.unlink(fifo)
            os.mkfifo(fifo)
            # Read-write so that the FIFO always has a writer: no end-of-file before cat opens it.
            reader = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
            try:
                start = time.perf_counter()
                tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command)
                tmux("pipe-pane", "-t", name, f"exec cat > {shlex.quote(fifo)}")
                outcome = wait_for_frame(name, reader, start, timeout)
            finally:
                os.close(reader)
            if "error" in outcome:
                tmux("kill-session", "-t", name)
                outcome["detail"] = f"{os.path.basename(browser)}: {outcome.pop('detail', '')}"
                return outcome
            pid = tmux("display-message", "-p", "-t", name, "#{pane_pid}", capture=True).stdout.strip()
            peak = read_vm_hwm(pid)
            cpu_used = read_cpu_seconds(pid)
            tmux("kill-session", "-t", name)
            if run == 0:
                continue  # warm-up: page cache and dynamic loader
            samples.append(outcome["seconds"])
            uncertainties.append(outcome["uncertainty"])
            if cpu_used is not None:
                cpu.append(cpu_used)
            if peak:
                hwm.append(peak)
    finally:
        tmux("kill-server")
        if os.path.exists(fifo):
            os.unlink(fifo)
    return {
        "seconds": statistics.median(samples),
        "runs": samples,
        # How much later than the frame's last byte the frame may really have been complete.
        "pollSeconds": statistics.median(uncertainties),
        "rss": statistics.median(hwm) if hwm else None,
        # From /proc/PID/stat in clock ticks (10 ms); the browser idles once its frame is up.
        **({"cpuSeconds": statistics.median(cpu)} if cpu else {}),
    }


def wait_for_frame(name, reader, start, timeout):
    """Seconds from `start` to the output burst after which the pane shows a complete frame."""
    last_output = None
    while True:
        # Early on, poll often: a fast program may have drawn before the pipe was attached.
        ready, _, _ = select.select([reader], [], [], 0.01 if time.perf_counter() - start < 0.1 else 0.1)
        if ready:
            while True:
                try:
                    if not os.read(reader, 65536):
                        break
                except BlockingIOError:
                    break
            last_output = time.perf_counter()
        captured = tmux("capture-pane", "-p", "-t", name, capture=True)
        checked = time.perf_counter()
        if captured.returncode != 0 or "Pane is dead" in captured.stdout:
            said = [row.strip() for row in captured.stdout.split("\n") if row.strip()]
            # tmux may drop what the process wrote just before it exited.
            return {"error": "n/a (exits before a frame)",
                    "detail": "exited before drawing a frame: " + (" / ".join(said) if said else "the pane died")}
        if first_frame_complete(captured.stdout):
            # Output seen before the check: the frame was complete by its arrival, give or
            # take what arrived during the check. None seen: the frame came before the pipe.
            if last_output is None:
                return {"seconds": checked - start, "uncertainty": checked - start}
            return {"seconds": last_output - start, "uncertainty": checked - last_output}
        if checked - start > timeout:
            return {"error": f"n/a (no complete frame within {timeout:.0f} s)", "detail": ""}


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
