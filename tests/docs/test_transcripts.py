"""Tests of tests/docs/transcripts.py: what its comparison treats as equal.

    python3 -m unittest discover -s tests/docs -p 'test_*.py'
"""
import importlib.util
import os
import unittest
from importlib.machinery import SourceFileLoader

HERE = os.path.dirname(os.path.abspath(__file__))
loader = SourceFileLoader("transcripts", os.path.join(HERE, "transcripts.py"))
transcripts = importlib.util.module_from_spec(importlib.util.spec_from_loader("transcripts", loader))
loader.exec_module(transcripts)


def same(expected, actual):
    return transcripts.normalized([expected]) == transcripts.normalized([actual])


class Comparison(unittest.TestCase):
    def test_hexadecimal_and_binary_literals_of_one_value_are_equal(self):
        self.assertTrue(same("((port #x0016) (proto #x06))", "((port #b0000000000010110) (proto #b00000110))"))
        self.assertTrue(same("(define-fun y () (_ BitVec 32) #x00000000)",
                             "(define-fun y () (_ BitVec 32) #b00000000000000000000000000000000)"))

    def test_other_values_differ(self):
        self.assertFalse(same("((port #x0016))", "((port #b0000000000010111))"))

    def test_other_widths_differ(self):
        self.assertFalse(same("((port #x16))", "((port #b0000000000010110))"))

    def test_times_are_compared_as_n_seconds(self):
        self.assertTrue(same("c solved in 0.000112 s", "c solved in 1.5 s"))
        self.assertFalse(same("c solved in 0.000112 s", "c solved in 1.5 ms"))


if __name__ == "__main__":
    unittest.main()
