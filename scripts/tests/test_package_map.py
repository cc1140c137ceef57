"""Tests of scripts/package_map.py on a small made-up tree (work tree and git revision), and against the real one."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import package_map  # noqa: E402

FILES = {
    # two lines, one public type, names b by an import and c by a fully qualified name
    "a/One.java": "package org.derivcheck.a;\nimport org.derivcheck.b.Two;\npublic final class One { org.derivcheck.c.Three t; }\n",
    # package-private, no newline at the end (still 2 lines), a static import of b
    "a/Hidden.java": "import static org.derivcheck.b.Two.f;\nfinal class Hidden {}",
    # a sub-package counts as its top package; a record and an interface are public types
    "b/Two.java": "package org.derivcheck.b;\npublic record Two(int x) {}\n",
    "b/sub/Four.java": "package org.derivcheck.b.sub;\npublic interface Four { org.derivcheck.a.One one(); }\n",
    # package-info names no public type even when it holds the word
    "c/package-info.java": "/** public class Nothing */\npackage org.derivcheck.c;\n",
    "c/Three.java": "package org.derivcheck.c;\npublic abstract sealed class Three permits X {}\n",
}


def write_tree(root):
    for rel, text in FILES.items():
        p = os.path.join(root, package_map.BASE, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)


class PackageMapTest(unittest.TestCase):
    def check_small_tree(self, m):
        self.assertEqual({"a": 2, "b": 2, "c": 2}, dict(m.files))
        self.assertEqual({"a": 5, "b": 4, "c": 4}, dict(m.lines))
        self.assertEqual({"a": ["One"], "b": ["Two", "Four"], "c": ["Three"]},
                         {k: sorted(v, key=["One", "Two", "Four", "Three"].index) for k, v in m.public.items()})
        # a -> b by One's import and Hidden's static import: 2 files; b -> a from the sub-package
        self.assertEqual({("a", "b"): 2, ("a", "c"): 1, ("b", "a"): 1}, dict(m.arrows))

    def test_work_tree(self):
        with tempfile.TemporaryDirectory() as d:
            write_tree(d)
            m = package_map.package_map(None, d)
            self.check_small_tree(m)
            text = package_map.render(m, "work tree")
            self.assertIn("a                2       5       1  b (2), c (1)", text)
            self.assertIn("total            6      13       4  3 arrows", text)

    def test_a_revision_is_read_without_checking_it_out(self):
        with tempfile.TemporaryDirectory() as d:
            git = ["git", "-C", d, "-c", "user.name=t", "-c", "user.email=t@t"]
            subprocess.run(["git", "init", "-q", d], check=True)
            write_tree(d)
            subprocess.run(git + ["add", "-A"], check=True)
            subprocess.run(git + ["commit", "-q", "-m", "tree"], check=True)
            # the work tree changes after the commit; the revision's map does not
            os.remove(os.path.join(d, package_map.BASE, "c/Three.java"))
            self.check_small_tree(package_map.package_map("HEAD", d))
            self.assertEqual(1, package_map.package_map(None, d).files["c"])

    def test_no_sources_is_an_error(self):
        with tempfile.TemporaryDirectory() as d:
            with self.assertRaises(SystemExit) as e:
                package_map.main(["--root", d])
            self.assertIn("no sources", str(e.exception.code))

    def test_public_types_of_cas_are_those_architecture_test_lists(self):
        # two independent readings of the real tree: this script's regex and ArchitectureTest's list (checked there
        # by ArchUnit against the compiled classes)
        with open(os.path.join(ROOT, "checker/src/test/java/org/derivcheck/ArchitectureTest.java"), encoding="utf-8") as f:
            test = f.read()
        block = test[test.index("CAS_PUBLIC = Map.ofEntries("):]
        block = block[:block.index(");\n")]
        listed = set(re.findall(r'Map\.entry\("(\w+)"', block))
        self.assertGreaterEqual(len(listed), 5)
        self.assertEqual(listed, set(package_map.package_map(None, ROOT).public["cas"]))


if __name__ == "__main__":
    unittest.main()
