#!/usr/bin/python3
"""Checks that the example programs shown in a Markdown file are the files.

    embedded_examples.py [--update] FILE.md ...

A fenced code block whose paragraph above links to [`docs/examples/NAME`]
must hold exactly that file: the files are what the tests compile and run,
so the page shows tested code.  With --update the blocks are rewritten from
the files.
"""
import argparse
import os
import re
import sys

LINK = re.compile(r"\[`(docs/examples/[^`]+)`\]")


def embedded_blocks(lines):
    """(first, last, path): the lines strictly inside each fence that shows a file."""
    blocks, i = [], 0
    while i < len(lines):
        if not lines[i].startswith("```"):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        paragraph, j = [], i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        while j >= 0 and lines[j].strip():
            paragraph.insert(0, lines[j])
            j -= 1
        links = LINK.findall(" ".join(paragraph))
        if links:
            blocks.append((i + 1, end - 1, links[-1]))
        i = end + 1
    return blocks


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    failures = 0
    for name in args.files:
        path = os.path.join(top, name)
        with open(path) as file:
            lines = file.read().split("\n")
        blocks = embedded_blocks(lines)
        for first, last, example in reversed(blocks):
            with open(os.path.join(top, example)) as file:
                content = file.read().rstrip("\n").split("\n")
            if lines[first:last + 1] != content:
                failures += 1
                print(f"FAIL {name}:{first}: the block differs from {example}")
                lines[first:last + 1] = content
        if args.update:
            with open(path, "w") as file:
                file.write("\n".join(lines))
        print(f"{name}: {len(blocks)} examples shown")
    sys.exit(1 if failures and not args.update else 0)


if __name__ == "__main__":
    main()
