#!/usr/bin/env python3
"""Save-to-verdict latency of `derivcheck check --watch`, median over 20 saves, and the cold first check of the
seed report. Each save changes one equation of a copy of examples/student-report.md (eq. (3) flips between a
wrong and a right second derivative), so one equation is re-checked and the others come from the cache. The
latency is measured from just before the write to the refresh time the watch prints after the new report."""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
launcher = os.path.join(root, "derivcheck")
saves = int(sys.argv[1]) if len(sys.argv) > 1 else 20
work = tempfile.mkdtemp(prefix="derivcheck-watch-")
doc = os.path.join(work, "report.md")
shutil.copy(os.path.join(root, "examples", "student-report.md"), doc)
text = open(doc, encoding="utf-8").read()
wrong = r"\frac{d^2}{d\lambda^2} \ell(\lambda) = \frac{N}{\lambda^2}"
right = r"\frac{d^2}{d\lambda^2} \ell(\lambda) = -\frac{N}{\lambda^2}"
assert wrong in text
log = open(os.path.join(work, "watch.log"), "w")
subprocess.run([launcher, "--version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root)  # build first
proc = subprocess.Popen([launcher, "check", "--watch", doc], stdout=log, stderr=subprocess.STDOUT, cwd=root)
refresh = re.compile(r"watch: checked in (\d+) ms \((\d+) re-checked.*refresh (\d+) at (\d+)")

def wait_for(n, timeout=120):
    end = time.time() + timeout
    while time.time() < end:
        with open(os.path.join(work, "watch.log"), encoding="utf-8") as f:
            found = [m for m in refresh.finditer(f.read())]
        if len(found) > n:
            return found[n]
        time.sleep(0.005)
    raise SystemExit("no refresh %d within %d s" % (n, timeout))

try:
    t0 = time.time()
    first = wait_for(0, 300)
    print("first check in the watch (JVM start, CAS warm-up, all %s equations): %.2f s" % ("10", time.time() - t0))
    latencies, checked = [], []
    for i in range(saves):
        time.sleep(0.3)
        text = text.replace(wrong, right) if i % 2 == 0 else text.replace(right, wrong)
        start = time.time()
        with open(doc + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(doc + ".tmp", doc)  # as editors save: the watch never sees a half-written file
        m = wait_for(i + 1)
        latencies.append(int(m.group(4)) - start * 1000.0)
        checked.append(int(m.group(2)))
    print("save-to-verdict over %d saves: median %.0f ms, min %.0f ms, max %.0f ms (re-checked per save: %s)" % (
        saves, statistics.median(latencies), min(latencies), max(latencies), sorted(set(checked))))
finally:
    proc.terminate()
    try:
        proc.wait(120)  # the first run of the launcher writes its class-data archive at exit
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()
seed = os.path.join(root, "..", "shared", "seeds", "000_cd2a223c13a5685a.txt")
if os.path.exists(seed):
    t0 = time.time()
    subprocess.run([launcher, "check", seed, "--context", os.path.join(root, "examples", "seed-report.yaml")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=root)
    print("cold check of the seed report (48 equations, new JVM): %.1f s" % (time.time() - t0))
print("load average: %s" % (open("/proc/loadavg").read().split()[:3],))
