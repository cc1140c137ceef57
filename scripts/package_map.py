#!/usr/bin/python3
"""The package map of the checker: per package of org.derivcheck, its files, lines and public top-level types,
and the arrows between packages.

Usage: scripts/package_map.py [--rev REV] [--root DIR]

Reads checker/src/main/java/org/derivcheck/*/ (of the work tree, or of git revision REV without checking it out).
An arrow "Y -> X (n)" means n files of package Y name package X: by an import of org.derivcheck.X (static imports
included) or by a fully qualified name org.derivcheck.X.Type in the code. Sub-packages count as their top package.
Comments are not stripped: a fully qualified name in a Javadoc link counts too (the compiler resolves those).
"""
import argparse
import collections
import os
import re
import subprocess
import sys

BASE = "checker/src/main/java/org/derivcheck"
NAMED = re.compile(r"\borg\.derivcheck\.([a-z][a-z0-9_]*)\.(?:[a-z][a-z0-9_]*\.)*[A-Z*]")
PUBLIC_TOP = re.compile(r"^public\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\s+)*"
                        r"(?:class|interface|enum|record|@interface)\s+(\w+)", re.MULTILINE)


def sources(rev, root):
    """(package, path, text) for every .java file under BASE."""
    if rev:
        names = subprocess.run(["git", "-C", root, "ls-tree", "-r", "--name-only", rev, "--", BASE],
                               check=True, capture_output=True, text=True).stdout.split()
        for n in names:
            if n.endswith(".java"):
                text = subprocess.run(["git", "-C", root, "show", f"{rev}:{n}"], check=True, capture_output=True,
                                      text=True).stdout
                yield package_of(n), n, text
    else:
        top = os.path.join(root, BASE)
        for d, _, files in os.walk(top):
            for f in files:
                if f.endswith(".java"):
                    p = os.path.join(d, f)
                    with open(p, encoding="utf-8") as fh:
                        yield package_of(os.path.relpath(p, root)), p, fh.read()


def package_of(path):
    rest = path.split(BASE + "/", 1)[1]
    parts = rest.split("/")
    return parts[0] if len(parts) > 1 else "(root)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rev", help="a git revision to read instead of the work tree")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="the repository (default: the one this script is in)")
    args = ap.parse_args()
    files = collections.Counter()
    lines = collections.Counter()
    public = collections.defaultdict(list)
    arrows = collections.Counter()
    for pkg, path, text in sources(args.rev, args.root):
        files[pkg] += 1
        lines[pkg] += text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if not path.endswith("package-info.java"):
            public[pkg] += PUBLIC_TOP.findall(text)
        for target in set(NAMED.findall(text)):
            if target != pkg:
                arrows[(pkg, target)] += 1
    if not files:
        sys.exit(f"package_map: no sources under {BASE} ({args.rev or 'work tree'})")
    print(f"package map of {BASE} ({args.rev or 'work tree'})")
    print(f"{'package':<12}{'files':>6}{'lines':>8}{'public':>8}  uses (files naming it)")
    for pkg in sorted(files, key=lambda p: -lines[p]):
        uses = ", ".join(f"{t} ({n})" for (s, t), n in sorted(arrows.items(), key=lambda a: (-a[1], a[0][1])) if s == pkg)
        print(f"{pkg:<12}{files[pkg]:>6}{lines[pkg]:>8}{len(public[pkg]):>8}  {uses or '-'}")
    print(f"{'total':<12}{sum(files.values()):>6}{sum(lines.values()):>8}{sum(len(v) for v in public.values()):>8}"
          f"  {len(arrows)} arrows")
    print("public types of cas: " + ", ".join(sorted(public.get("cas", []))))


if __name__ == "__main__":
    main()
