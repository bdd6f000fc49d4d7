"""Suites: manifests, directories, filters (benchlib.suites)."""

import os
import tempfile
import unittest

import support
from benchlib import suites


class Suites(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.root = self.dir.name

    def test_manifest(self):
        manifest = support.write_tiny_suite(self.root)
        instances = suites.load_suite(manifest)
        self.assertEqual([i.name for i in instances], list(
            f"tiny/{n}" for n in support.TINY_CNFS))
        first = instances[0]
        self.assertEqual((first.family, first.tier, first.expected, first.kind), ("tiny", "easy", "sat", "cnf"))
        self.assertTrue(os.path.isabs(first.path))
        self.assertEqual([i.compression for i in instances], ["", "gz", "", "xz"])

    def test_filters(self):
        manifest = support.write_tiny_suite(self.root)
        self.assertEqual(len(suites.load_suite(manifest, tiers=["easy"], limit=3)), 3)
        self.assertEqual(suites.load_suite(manifest, tiers=["hard"]), [])
        self.assertEqual(suites.load_suite(manifest, families=["other"]), [])

    def test_smt_manifest_with_sequences(self):
        support.write_file(os.path.join(self.root, "inc", "a.smt2"), "(check-sat)\n")
        with open(os.path.join(self.root, "M.tsv"), "w") as f:
            f.write("path\tlogic\tfamily\ttier\tincremental\texpected\nx/../inc/a.smt2\tQF_BV\tinc\t"
                    "incremental\tyes\tunsat,SAT\n")
        (instance,) = suites.load_suite(os.path.join(self.root, "M.tsv"))
        self.assertEqual((instance.expected, instance.incremental, instance.logic), ("unsat,sat", True, "QF_BV"))
        self.assertEqual(instance.kind, "smt2")

    def test_missing_files_are_reported(self):
        with open(os.path.join(self.root, "M.tsv"), "w") as f:
            f.write("path\texpected\nnope.cnf\tsat\n")
        with self.assertRaisesRegex(suites.SuiteError, "do not exist"):
            suites.load_suite(os.path.join(self.root, "M.tsv"))

    def test_directory(self):
        support.write_tiny_suite(self.root)
        support.write_file(os.path.join(self.root, "smt", "q.smt2"),
                           "(set-info :status unsat)\n(set-logic QF_BV)\n(check-sat)\n(exit)\n")
        support.write_file(os.path.join(self.root, "smt", "inc.smt2"),
                           "(push 1)\n(set-info :status sat)\n(check-sat)\n(pop 1)\n"
                           "(set-info :status unsat)\n(check-sat) ; (check-sat) in a comment\n")
        support.write_file(os.path.join(self.root, "notes.txt"), "not an instance")
        instances = {i.name: i for i in suites.load_suite(self.root)}
        self.assertEqual(len(instances), 6)
        self.assertEqual(instances["tiny/sat1.cnf"].expected, "unknown")
        self.assertEqual(instances["tiny/sat1.cnf"].family, "tiny")
        self.assertEqual((instances["smt/q.smt2"].expected, instances["smt/q.smt2"].logic), ("unsat", "QF_BV"))
        self.assertFalse(instances["smt/q.smt2"].incremental)
        self.assertEqual(instances["smt/inc.smt2"].expected, "sat,unsat")
        self.assertTrue(instances["smt/inc.smt2"].incremental)
        with self.assertRaises(suites.SuiteError):
            suites.load_suite(self.root, tiers=["easy"])

    def test_shared_manifests_load(self):
        for path in ("/work/shared/benchmarks/sat/MANIFEST.tsv", "/work/shared/benchmarks/smt/MANIFEST.tsv"):
            if not os.path.exists(path):
                self.skipTest("shared benchmarks absent")
            self.assertTrue(suites.load_suite(path, tiers=["easy"]))


if __name__ == "__main__":
    unittest.main()
