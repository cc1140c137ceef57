"""Tests of scripts/verdict_diff.py: what counts as a difference between two check JSONs, and what does not."""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import verdict_diff  # noqa: E402


def step(index, verdict="PROVED", millis=10, **more):
    return dict({"index": index, "verdict": verdict, "millis": millis, "message": "ok"}, **more)


def run(*steps_by_file, summary=None):
    """A check JSON: one derivation per list of steps, files a.yaml, b.yaml, ..."""
    ds = [{"file": f"{chr(97 + i)}.yaml", "id": f"d{i}", "verdict": "PROVED", "steps": list(s)}
          for i, s in enumerate(steps_by_file)]
    return {"derivations": ds, "summary": summary or {"steps": sum(len(s) for s in steps_by_file)}}


class VerdictDiffTest(unittest.TestCase):
    def main(self, before, after, *args):
        """(exit status, stdout, stderr) of the script on two JSON documents."""
        with tempfile.TemporaryDirectory() as d:
            paths = []
            for name, doc in (("before.json", before), ("after.json", after)):
                p = os.path.join(d, name)
                with open(p, "w", encoding="utf-8") as f:
                    f.write(doc if isinstance(doc, str) else json.dumps(doc))
                paths.append(p)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    rc = verdict_diff.main(["verdict_diff.py", *args, *paths])
                except SystemExit as e:  # load() exits on unusable input
                    rc = 2 if isinstance(e.code, str) else e.code
                    err.write(str(e.code))
            return rc, out.getvalue(), err.getvalue()

    def test_identical_runs_agree(self):
        rc, out, _ = self.main(run([step("1"), step("2")]), run([step("1"), step("2")]))
        self.assertEqual(0, rc)
        self.assertEqual("no difference: 1 derivations, 2 steps (timings ignored)\n", out)

    def test_timings_are_ignored(self):
        before = run([step("1", millis=5, message="stopped within 19999 ms")])
        after = run([step("1", millis=7000, message="stopped within 20001 ms")])
        rc, out, _ = self.main(before, after)
        self.assertEqual(0, rc, out)

    def test_a_changed_verdict_is_a_difference_with_its_path(self):
        rc, out, err = self.main(run([step("1"), step("2")]), run([step("1"), step("2", "CONFIRMED")]))
        self.assertEqual(1, rc)
        self.assertIn('a.yaml:d0 step 2.verdict: "PROVED" -> "CONFIRMED"', out)
        self.assertNotIn("step 1", out)
        self.assertIn("1 difference(s), 0 of them", err)

    def test_a_number_in_a_message_that_is_not_a_duration_counts(self):
        rc, out, _ = self.main(run([step("1", message="200 points")]), run([step("1", message="199 points")]))
        self.assertEqual(1, rc)
        self.assertIn("199 points", out)

    def test_order_of_files_is_no_difference_but_a_missing_file_is(self):
        a, b = [step("1")], [step("1", "REFUTED")]
        before = run(a, b)
        swapped = {"derivations": list(reversed(before["derivations"])), "summary": before["summary"]}
        self.assertEqual(0, self.main(before, swapped)[0])
        rc, out, _ = self.main(before, {"derivations": before["derivations"][:1], "summary": before["summary"]})
        self.assertEqual(1, rc)
        self.assertIn("b.yaml:d1: only in the first run (PROVED)", out)

    def test_a_file_checked_twice_is_compared_twice(self):
        before = run([step("1")], [step("1")])
        before["derivations"][1]["file"] = "a.yaml"
        before["derivations"][1]["id"] = "d0"
        after = json.loads(json.dumps(before))
        after["derivations"][1]["steps"][0]["verdict"] = "REFUTED"
        rc, out, _ = self.main(before, after)
        self.assertEqual(1, rc)
        self.assertIn("a.yaml:d0#2 step 1.verdict", out)

    def test_steps_that_met_the_time_limit_are_marked(self):
        # step 1 took 12 s of a 20 s limit (at least half): its difference depends on the load
        before = run([step("1", "PROVED", millis=12000), step("2")])
        after = run([step("1", "CONFIRMED", millis=9000), step("2", "INCONCLUSIVE", message="the proof ran out of time")])
        rc, out, err = self.main(before, after)
        self.assertEqual(1, rc)
        self.assertIn("step 1.verdict (time limit)", out)
        self.assertIn("step 2.verdict (time limit)", out)
        # step 2 differs in its verdict and its message
        self.assertIn("3 difference(s), 3 of them in steps that met or neared the time limit", err)
        # with a limit of 300 s neither step is near it, and step 1's text names no limit
        rc, out, err = self.main(before, after, "--time-limit", "300")
        self.assertIn("step 1.verdict: ", out)
        self.assertIn("3 difference(s), 2 of them", err)

    def test_summary_differences_are_listed(self):
        rc, out, _ = self.main(run([step("1")], summary={"PROVED": 1}), run([step("1")], summary={"PROVED": 2}))
        self.assertEqual(1, rc)
        self.assertIn("summary.PROVED: 1 -> 2", out)

    def test_unusable_input_exits_2(self):
        self.assertEqual(2, self.main("not json", run([step("1")]))[0])
        self.assertEqual(2, self.main({"steps": []}, run([step("1")]))[0])


if __name__ == "__main__":
    unittest.main()
