#!/usr/bin/python3
"""Compare the verdicts of two runs of `derivcheck check ... --format json`, ignoring timings.

Usage: scripts/verdict_diff.py BEFORE.json AFTER.json

Both files are normalized before they are compared: every `millis` field is dropped, and a duration inside a
message ("within 19999 ms", the time left of a step's limit when the CAS was stopped) is written "N ms".
Derivations are matched by (file, id) and steps by their index, so a reordering of the output is no difference.
Every remaining difference is printed with its path (derivation, step, field; old -> new). A step is marked
"(time limit)" when, in either run, its text says a time limit was met ("did not finish within", "ran past", "ran
out") or it took at least half of the step's limit (--time-limit, seconds, default 20 as derivcheck's): the
number of random points and the evidence of such a step depend on the machine's load, not on the code, so re-check
those files alone, before and after, on a quiet machine. Exit status: 0 when the runs agree, 1 when they differ,
2 for unusable input.
"""
import argparse
import json
import re
import sys

DURATION = re.compile(r"\b\d+ ms\b")
TIMING_KEYS = {"millis"}
TIME_LIMIT = re.compile(r"time limit|did not finish within|ran past|ran out", re.IGNORECASE)


def normalized(value):
    """The value without timing fields, with durations in text replaced by 'N ms'."""
    if isinstance(value, dict):
        return {k: normalized(v) for k, v in value.items() if k not in TIMING_KEYS}
    if isinstance(value, list):
        return [normalized(v) for v in value]
    if isinstance(value, str):
        return DURATION.sub("N ms", value)
    return value


def slow_steps(data, limit_ms):
    """(file:id, step index) of the steps that took at least half of the limit (read before millis are dropped)."""
    out = set()
    for d in data.get("derivations", []):
        for st in d.get("steps", []):
            if isinstance(st.get("millis"), (int, float)) and st["millis"] >= limit_ms / 2:
                out.add((f"{d.get('file')}:{d.get('id')}", str(st.get("index"))))
    return out


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"verdict_diff: cannot read {path}: {e}")
    if not isinstance(data, dict) or not isinstance(data.get("derivations"), list):
        sys.exit(f"verdict_diff: {path} is not the JSON of 'derivcheck check --format json' (no 'derivations' list)")
    return data


def keyed(items, key):
    """A dict of the items by key; a key met twice gets '#2', '#3', ... (a file checked twice is two results)."""
    out = {}
    for item in items:
        k = key(item)
        n, kk = 1, k
        while kk in out:
            n += 1
            kk = f"{k}#{n}"
        out[kk] = item
    return out


def diff_values(path, old, new, out):
    """Appends (path, old, new) for every leaf where old and new differ."""
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            diff_values(f"{path}.{k}", old.get(k, "<absent>"), new.get(k, "<absent>"), out)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (o, n) in enumerate(zip(old, new)):
            diff_values(f"{path}[{i}]", o, n, out)
    elif old != new:
        out.append((path, old, new))


def timing_dependent(*steps):
    return any(isinstance(s, dict) and TIME_LIMIT.search(json.dumps(s)) for s in steps)


def compare(before, after, slow=frozenset()):
    """The differences, as printable lines, and how many of them are in steps that met or neared the time limit."""
    lines = []
    timed = 0
    old = keyed(before["derivations"], lambda d: f"{d.get('file')}:{d.get('id')}")
    new = keyed(after["derivations"], lambda d: f"{d.get('file')}:{d.get('id')}")
    for k in sorted(set(old) | set(new)):
        if k not in new:
            lines.append(f"{k}: only in the first run ({old[k].get('verdict')})")
            continue
        if k not in old:
            lines.append(f"{k}: only in the second run ({new[k].get('verdict')})")
            continue
        od = {f: v for f, v in old[k].items() if f != "steps"}
        nd = {f: v for f, v in new[k].items() if f != "steps"}
        found = []
        diff_values(k, od, nd, found)
        os_ = keyed(old[k].get("steps", []), lambda s: str(s.get("index")))
        ns_ = keyed(new[k].get("steps", []), lambda s: str(s.get("index")))
        for i in sorted(set(os_) | set(ns_), key=lambda s: [int(p) if p.isdigit() else p for p in re.split(r"[.#]", s)]):
            step_found = []
            diff_values(f"{k} step {i}", os_.get(i, "<absent>"), ns_.get(i, "<absent>"), step_found)
            if step_found and ((k, i.split("#")[0]) in slow or timing_dependent(os_.get(i), ns_.get(i))):
                timed += len(step_found)
                step_found = [(p + " (time limit)", o, n) for p, o, n in step_found]
            found.extend(step_found)
        for p, o, n in found:
            lines.append(f"{p}: {json.dumps(o, ensure_ascii=False)[:300]} -> {json.dumps(n, ensure_ascii=False)[:300]}")
    found = []
    diff_values("summary", before.get("summary"), after.get("summary"), found)
    for p, o, n in found:
        lines.append(f"{p}: {json.dumps(o)} -> {json.dumps(n)}")
    return lines, timed


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--time-limit", type=float, default=20.0, help="the step limit of both runs, seconds (default 20)")
    args = ap.parse_args(argv[1:])
    raw_before, raw_after = load(args.before), load(args.after)
    slow = slow_steps(raw_before, args.time_limit * 1000) | slow_steps(raw_after, args.time_limit * 1000)
    before, after = normalized(raw_before), normalized(raw_after)
    lines, timed = compare(before, after, slow)
    steps = sum(len(d.get("steps", [])) for d in after["derivations"])
    if not lines:
        print(f"no difference: {len(after['derivations'])} derivations, {steps} steps (timings ignored)")
        return 0
    for line in lines:
        print(line)
    print(f"{len(lines)} difference(s), {timed} of them in steps that met or neared the time limit", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
