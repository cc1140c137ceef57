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


class Map:
    """Per package: files, lines and public top-level types; the arrows (source, target) -> number of files."""

    def __init__(self):
        self.files = collections.Counter()
        self.lines = collections.Counter()
        self.public = collections.defaultdict(list)
        self.arrows = collections.Counter()


def package_map(rev, root):
    """The map of the sources of the work tree under root, or of git revision rev of the repository at root."""
    m = Map()
    for pkg, path, text in sources(rev, root):
        m.files[pkg] += 1
        m.lines[pkg] += text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if not path.endswith("package-info.java"):
            m.public[pkg] += PUBLIC_TOP.findall(text)
        for target in set(NAMED.findall(text)):
            if target != pkg:
                m.arrows[(pkg, target)] += 1
    return m


def render(m, what):
    """The map as the table this script prints."""
    out = [f"package map of {BASE} ({what})",
           f"{'package':<12}{'files':>6}{'lines':>8}{'public':>8}  uses (files naming it)"]
    for pkg in sorted(m.files, key=lambda p: -m.lines[p]):
        uses = ", ".join(f"{t} ({n})" for (s, t), n in sorted(m.arrows.items(), key=lambda a: (-a[1], a[0][1]))
                         if s == pkg)
        out.append(f"{pkg:<12}{m.files[pkg]:>6}{m.lines[pkg]:>8}{len(m.public[pkg]):>8}  {uses or '-'}")
    out.append(f"{'total':<12}{sum(m.files.values()):>6}{sum(m.lines.values()):>8}"
               f"{sum(len(v) for v in m.public.values()):>8}  {len(m.arrows)} arrows")
    out.append("public types of cas: " + ", ".join(sorted(m.public.get("cas", []))))
    return "\n".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rev", help="a git revision to read instead of the work tree")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="the repository (default: the one this script is in)")
    args = ap.parse_args(argv)
    m = package_map(args.rev, args.root)
    if not m.files:
        sys.exit(f"package_map: no sources under {BASE} ({args.rev or 'work tree'})")
    print(render(m, args.rev or "work tree"))


if __name__ == "__main__":
    main()
