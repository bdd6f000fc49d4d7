#!/usr/bin/python3
"""Runs the shell transcripts of Markdown files and compares their output.

    transcripts.py --wang WANG --wang-check WANG_CHECK [--update] FILE.md ...

A transcript is an indented code block whose first line starts with "$ ".
Each "$ COMMAND" line runs COMMAND with bash in a scratch directory that
looks like the top of the repository (benchmarks-smtlib/, docs/ and
scripts/ of the source tree, with scripts/wang, build/wang and
build/wang-check running the binaries under test); the lines up to the next
"$ " are its expected output (stdout and stderr).  A command that reads
standard input (one that ends in "wang --lang smt2") takes the SMT-LIB
commands among the lines below it as its input, as in a terminal session:
a line is input when it starts with "(" and an SMT-LIB command name.

Times ("0.000112 s") are compared as "N s", and bit-vector literals by
width and value: #x0016 and #b0000000000010110 are the same 16-bit value,
so a transcript holds in either notation.  With --update, the outputs in
the files are replaced by what the commands print now (after a change of
output format, say); review the diff before committing it.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

COMMANDS = {
    "assert", "check-sat", "check-sat-assuming", "declare-const", "declare-fun", "define-fun", "echo", "exit",
    "get-assertions", "get-assignment", "get-info", "get-model", "get-option", "get-unsat-assumptions",
    "get-unsat-core", "get-value", "pop", "push", "reset", "reset-assertions", "set-info", "set-logic",
    "set-option",
}
INPUT = re.compile(r"\((%s)[\s)]" % "|".join(sorted(COMMANDS, key=len, reverse=True)))
TIME = re.compile(r"\b\d+\.\d+ s\b")
BIT_VECTOR = re.compile(r"#x[0-9a-fA-F]+|#b[01]+")
MARK = "transcripts.py mark"  # separates the answers of a session, one mark per input line


def sandbox(directory, source, wang, wang_check):
    for name in ("benchmarks-smtlib", "docs"):
        os.symlink(os.path.join(source, name), os.path.join(directory, name))
    os.mkdir(os.path.join(directory, "scripts"))
    for name in os.listdir(os.path.join(source, "scripts")):
        if name != "wang":
            os.symlink(os.path.join(source, "scripts", name), os.path.join(directory, "scripts", name))
    with open(os.path.join(directory, "scripts", "wang"), "w") as script:
        script.write(f'#!/bin/sh\nexec "{wang}" "$@"\n')
    os.chmod(os.path.join(directory, "scripts", "wang"), 0o755)
    os.mkdir(os.path.join(directory, "build"))
    os.symlink(wang, os.path.join(directory, "build", "wang"))
    os.symlink(wang_check, os.path.join(directory, "build", "wang-check"))


def transcripts(lines):
    """(first, last) line indices of each transcript block; blocks are indented by 4 spaces."""
    blocks, i = [], 0
    while i < len(lines):
        starts_block = lines[i].startswith("    $ ") and (i == 0 or not lines[i - 1].startswith("    "))
        if not starts_block:
            i += 1
            continue
        end = i
        while end + 1 < len(lines) and (lines[end + 1].startswith("    ") or
                                        (not lines[end + 1].strip() and end + 2 < len(lines) and
                                         lines[end + 2].startswith("    "))):
            end += 1
        blocks.append((i, end))
        i = end + 1
    return blocks


def commands(block):
    """[(command, [lines below it])] of a transcript block (indentation removed)."""
    result = []
    for line in block:
        text = line[4:] if line.startswith("    ") else line.strip()
        if text.startswith("$ "):
            result.append((text[2:], []))
        else:
            result[-1][1].append(text)
    return result


def reads_session(command):
    return re.search(r"wang --lang smt2$", command) is not None


def run(command, directory, stdin=""):
    done = subprocess.run(["bash", "-c", command], cwd=directory, input=stdin, capture_output=True, text=True,
                          timeout=600)
    return (done.stdout + done.stderr).rstrip("\n").split("\n") if done.stdout + done.stderr else []


def run_session(command, lines, directory):
    """The lines of a session as it would look in a terminal: each input line followed by its answers."""
    inputs = [line for line in lines if INPUT.match(line)]
    script = "".join(f'{line}\n(echo "{MARK}")\n' for line in inputs)
    answers = [[]]
    for line in run(command, directory, script):
        if line == f'"{MARK}"':
            answers.append([])
        else:
            answers[-1].append(line)
    shown = []
    for number, line in enumerate(inputs):
        shown.append(line)
        shown += answers[number] if number < len(answers) else []
    return shown


def in_binary(literal):
    """A bit-vector literal, #x.. or #b.., as #b.. with one digit per bit."""
    digits = literal.group(0)[2:]
    if literal.group(0)[1] == "b":
        return "#b" + digits
    return "#b" + format(int(digits, 16), f"0{4 * len(digits)}b")


def normalized(lines):
    return [BIT_VECTOR.sub(in_binary, TIME.sub("N s", line.rstrip())) for line in lines]


def kept(expected, actual):
    """The lines to write back: the expected ones where they still hold
    (their times too), the actual ones elsewhere."""
    return [old if old is not None and normalized([old]) == normalized([new]) else new
            for old, new in zip(expected + [None] * len(actual), actual)]


def check_file(path, directory, update):
    """Runs the transcripts of `path` in order (later commands may use the
    files of earlier ones); returns the number of failures."""
    with open(path) as file:
        lines = file.read().split("\n")
    failures, count, replacements = 0, 0, []
    for first, last in transcripts(lines):
        new_block = []
        for command, expected in commands(lines[first:last + 1]):
            count += 1
            while expected and not expected[-1]:
                expected.pop()
            actual = run_session(command, expected, directory) if reads_session(command) else run(command, directory)
            if normalized(actual) != normalized(expected):
                failures += 1
                print(f"FAIL {path}:{first + 1}: $ {command}")
                print("  expected:\n" + "\n".join("    " + line for line in expected))
                print("  got:\n" + "\n".join("    " + line for line in actual))
            new_block += ["$ " + command] + kept(expected, actual)
        replacements.append((first, last, ["    " + line if line else "" for line in new_block]))
    if update:
        for first, last, block in reversed(replacements):
            lines[first:last + 1] = block
        with open(path, "w") as file:
            file.write("\n".join(lines))
    print(f"{path}: {count} commands, {failures} failures")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wang", required=True)
    parser.add_argument("--wang-check", required=True)
    parser.add_argument("--update", action="store_true", help="write the outputs of now into the files")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    failures = 0
    with tempfile.TemporaryDirectory() as directory:
        sandbox(directory, source, os.path.abspath(args.wang), os.path.abspath(args.wang_check))
        for path in args.files:
            failures += check_file(os.path.join(source, path) if not os.path.isabs(path) else path, directory,
                                   args.update)
    sys.exit(1 if failures and not args.update else 0)


if __name__ == "__main__":
    main()
