"""Time from start to the first question of `webcare draft`, in a real pseudo-terminal.

Usage: python3 bench/first-question.py RUNS COMMAND [ARGS...]   (prints the median in ms)
Node has no pty of its own, so bench/startup.mjs calls this. One run more comes first and is not
counted: it leaves the question on screen for a second, as a moderator reads it, which gives
webcare the moment it uses to write its code cache (src/launch.ts); the counted runs stop as soon
as the question shows.
"""
import os, pty, select, sys, time

def first_question_ms(argv, marker=b"Customer", hold=0.0):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    seen = b""
    try:
        while marker not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise SystemExit("no question within 10 s")
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
        ms = (time.perf_counter() - start) * 1000
        time.sleep(hold)
        return ms
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)

if __name__ == "__main__":
    runs = int(sys.argv[1])
    argv = sys.argv[2:]
    first_question_ms(argv, hold=1.0)
    times = sorted(first_question_ms(argv) for _ in range(runs))
    print(f"{times[len(times) // 2]:.1f}")
