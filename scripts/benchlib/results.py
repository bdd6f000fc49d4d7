"""The results directory: results.jsonl (one JSON object per run) and
campaign.json (limits, solver commands and versions of each `run`).

The JSONL file is only ever appended to, one flushed line per finished run,
so a campaign killed at any moment loses at most the runs in progress, and
the next `run` with the same output directory resumes from the file.
"""

import json
import os
import sys
import threading

RESULTS = "results.jsonl"
CAMPAIGN = "campaign.json"


class ResultStore:
    """Append-only store of run records in DIR/results.jsonl."""

    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.path = os.path.join(out_dir, RESULTS)
        self._lock = threading.Lock()

    def load(self, warn=True):
        """All records, oldest first. A torn last line (the harness was
        killed while writing it) is skipped with a warning."""
        if not os.path.exists(self.path):
            return []
        records = []
        with open(self.path, encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    if warn:
                        print(f"warning: {self.path}:{number}: unreadable record skipped", file=sys.stderr)
        return records

    def append(self, record):
        """Write one record and push it to disk before returning."""
        with self._lock:
            os.makedirs(self.out_dir, exist_ok=True)
            with open(self.path, "a+", encoding="utf-8") as f:
                if f.tell() > 0 and not _ends_with_newline(self.path):
                    f.write("\n")
                f.write(json.dumps(record, sort_keys=False) + "\n")
                f.flush()
                os.fsync(f.fileno())


def _ends_with_newline(path):
    """Whether a non-empty file ends with a newline (else its last record is torn)."""
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


def latest_records(records):
    """The last record of each (solver, instance) pair, in first-seen order:
    with --rerun a pair has several records and the newest one counts."""
    latest = {}
    for record in records:
        latest[(record["solver"], record["instance"])] = record
    return list(latest.values())


def read_campaign(out_dir):
    """campaign.json as a dict ({"runs": []} when absent)."""
    path = os.path.join(out_dir, CAMPAIGN)
    if not os.path.exists(path):
        return {"runs": []}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def add_campaign_run(out_dir, entry):
    """Record the settings of one `bench run` invocation in campaign.json."""
    campaign = read_campaign(out_dir)
    campaign["runs"].append(entry)
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, CAMPAIGN)
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(campaign, f, indent=2)
        f.write("\n")
    os.replace(path + ".tmp", path)
