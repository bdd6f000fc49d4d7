"""The report: DIR/report.md and a self-contained DIR/report.html.

Both are rendered from one list of blocks (headings, paragraphs, tables,
images, lists), so the two always say the same thing; the HTML embeds the
PNG plots as data URIs so that it can be mailed or attached to an issue.
"""

import base64
import html
import os
from datetime import datetime, timezone

from . import plots, stats

STATUS_SHORT = {"timeout": "TO", "memout": "MO", "error": "ERR", "unknown": "UNK", "wrong": "WRONG"}


def _seconds(value):
    """Seconds for tables: three significant decimals for short times."""
    return "" if value is None else (f"{value:.3f}" if value < 10 else f"{value:.1f}")


# ------------------------------------------------------------------ blocks

def build_blocks(summary, campaign, plot_files, notes=()):
    """The report as a list of (kind, ...) blocks."""
    blocks = [("h1", "Benchmark report")]
    blocks += _setup_blocks(summary, campaign, notes)
    blocks += _summary_blocks(summary)
    blocks += _problem_blocks(summary)
    blocks += _family_blocks(summary)
    if plot_files:
        blocks.append(("h2", "Plots"))
        blocks += [("img", title, name) for title, name in plot_files]
    blocks += _instance_blocks(summary)
    blocks += _definition_blocks(summary)
    return blocks


def _setup_blocks(summary, campaign, notes):
    """Where the numbers come from: limits, suite, solvers and versions."""
    runs = campaign.get("runs", [])
    items = [f"Generated {datetime.now(timezone.utc).isoformat(timespec='seconds')}",
             f"{len(summary.instances)} instances, {len(summary.solvers)} solvers, "
             f"timeout {summary.timeout:g} s (PAR-2 penalty {2 * summary.timeout:g} s)"]
    if runs:
        last = runs[-1]
        items.append(f"Suite: `{last.get('suite')}`" + (f" (filters: {last['filters']})" if last.get("filters") else ""))
        items.append(f"Memory limit: {last.get('memory_mib') or 'none'} MiB; parallel jobs: {last.get('jobs')}; "
                     f"host: {last.get('host')}, {last.get('cpus')} CPUs")
    if len(summary.timeouts_seen) > 1:
        items.append(f"**Warning:** runs used different timeouts {summary.timeouts_seen}; "
                     f"PAR-2 uses {summary.timeout:g} s")
    items += list(notes)
    blocks = [("h2", "Setup"), ("list", items)]
    solvers = {}
    for run in runs:
        for entry in run.get("solvers", []):
            solvers[entry["name"]] = entry
    rows = []
    for name in summary.solvers:
        entry = solvers.get(name, {})
        commands = sorted({r["command"] for (s, _), r in summary.grid.items() if s == name and r.get("command")})
        rows.append([name, entry.get("version", ""), "<br>".join(f"`{c}`" for c in commands)])
    blocks.append(("table", ["Solver", "Version", "Command"], rows))
    return blocks


def _summary_blocks(summary):
    """The main table: one row per solver plus the virtual best solver."""
    headers = ["Solver", "Solved", "SAT", "UNSAT", "Timeout", "Memout", "Error", "Unknown", "Wrong",
               "Not run", "PAR-2 (s)", "Mean PAR-2 (s)", "Unique", "Models verified"]
    rows = []
    for name in [*summary.solvers, stats.VBS]:
        s = summary.stats[name]
        vbs = name == stats.VBS
        models = "" if vbs else _models_cell(s)
        rows.append([f"**{name}**" if vbs else name, s.solved, s.sat, s.unsat,
                     *(("",) * 6 if vbs else (s.timeout, s.memout, s.error, s.unknown, s.wrong, s.missing)),
                     _seconds(s.par2), _seconds(s.mean_par2), "" if vbs else s.unique, models])
    return [("h2", "Summary"), ("table", headers, rows)]


def _models_cell(s):
    """How the SAT answers of a solver were confirmed."""
    parts = []
    if s.models_valid:
        parts.append(f"{s.models_valid} checked")
    if s.models_by_solver:
        parts.append(f"{s.models_by_solver} by the solver")
    if s.models_unchecked:
        parts.append(f"{s.models_unchecked} unchecked")
    return ", ".join(parts)


def _problem_blocks(summary):
    """Wrong answers and disagreements, in plain sight."""
    blocks = [("h2", "Wrong answers and disagreements")]
    if not summary.wrong and not summary.disagreements and not summary.expected_contradicted:
        return blocks + [("p", "None: every definite answer agrees with the expected answers, "
                               "with the other solvers and (for SAT on CNF) with the formula.")]
    if summary.wrong:
        rows = [[r["solver"], r.get("name") or r["instance"], r.get("expected"), r.get("answer") or "",
                 r.get("reason", "")] for r in summary.wrong]
        blocks += [("p", f"**{len(summary.wrong)} WRONG answers.**"),
                   ("table", ["Solver", "Instance", "Expected", "Answer", "Why"], rows)]
    if summary.disagreements:
        names = {i.path: i.name for i in summary.instances}
        rows = [[names.get(path, path), "; ".join(f"{a} says {x}, {b} says {y}" for a, x, b, y in pairs)]
                for path, pairs in summary.disagreements]
        blocks += [("p", f"**{len(summary.disagreements)} instances with DISAGREEING solvers.**"),
                   ("table", ["Instance", "Answers"], rows)]
    if summary.expected_contradicted:
        rows = [[r["solver"], r.get("name"), r["expected"], r["answer"], r.get("reason", "")]
                for r in summary.expected_contradicted]
        blocks += [("p", "**Expected answers contradicted by a verified model** (the manifest may be wrong):"),
                   ("table", ["Solver", "Instance", "Expected", "Answer", "Note"], rows)]
    return blocks


def _family_blocks(summary):
    """Solved counts (SAT/UNSAT) per family and solver."""
    headers = ["Family", "Instances", *summary.solvers, stats.VBS]
    rows = []
    for family, count, family_stats in summary.families:
        cells = [f"{family_stats[n].solved} ({family_stats[n].sat}/{family_stats[n].unsat})"
                 for n in [*summary.solvers, stats.VBS]]
        rows.append([family, count, *cells])
    return [("h2", "Per family"), ("p", "Solved (SAT/UNSAT) per family."), ("table", headers, rows)]


def _instance_blocks(summary):
    """Every run: answer and time, or what went wrong."""
    headers = ["Instance", "Family", "Expected", *summary.solvers]
    rows = []
    for info in summary.instances:
        cells = []
        for name in summary.solvers:
            record = summary.grid.get((name, info.path))
            cells.append(_run_cell(record))
        rows.append([info.name, info.family, info.expected, *cells])
    return [("h2", "All runs"),
            ("p", "Answer and wall-clock seconds of solved runs; TO timeout, MO memout, ERR error, "
                  "UNK unknown, WRONG wrong answer or invalid model, blank: not run."),
            ("table", headers, rows)]


def _run_cell(record):
    """One cell of the per-instance table."""
    if record is None:
        return ""
    if record["status"] == "solved":
        return f"{record['answer']} {_seconds(record['wall'])}"
    return STATUS_SHORT.get(record["status"], record["status"])


def _definition_blocks(summary):
    """How to read the numbers."""
    return [("h2", "Definitions"), ("list", [
        f"**PAR-2**: sum over all instances of the wall-clock time when solved, else 2 x timeout "
        f"= {2 * summary.timeout:g} s (timeouts, memouts, errors, unknown and wrong answers and runs "
        f"not done). Mean PAR-2 divides by the number of instances.",
        "**VBS** (virtual best solver): on each instance the fastest solver that solved it.",
        "**Unique**: instances solved by this solver only.",
        "**Solved** requires a definite answer that agrees with the expected one; a SAT answer on a CNF "
        "also needs a model that satisfies every clause (checked by the harness). For SMT-LIB, wang checks "
        "its own models; other SMT solvers' models are not checked.",
        "**Wrong**: contradicts the expected answer, an invalid or missing model, or UNSAT where another "
        "solver's model was verified.",
    ])]


# ------------------------------------------------------------------ markdown

def _md_cell(value):
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(blocks):
    """Render blocks as GitHub-flavoured Markdown."""
    out = []
    for block in blocks:
        kind = block[0]
        if kind == "h1":
            out.append(f"# {block[1]}\n")
        elif kind == "h2":
            out.append(f"## {block[1]}\n")
        elif kind == "p":
            out.append(block[1] + "\n")
        elif kind == "list":
            out.append("\n".join(f"- {item}" for item in block[1]) + "\n")
        elif kind == "table":
            out.append(markdown_table(block[1], block[2]) + "\n")
        elif kind == "img":
            out.append(f"![{block[1]}]({block[2]})\n")
    return "\n".join(out)


def markdown_table(headers, rows):
    """A Markdown table; numeric columns are right-aligned."""
    numeric = [all(_is_number(r[i]) for r in rows if r[i] != "") and any(r[i] != "" for r in rows)
               for i in range(len(headers))]
    lines = ["| " + " | ".join(_md_cell(h) for h in headers) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _is_number(value):
    try:
        float(str(value).replace(",", ""))
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------ HTML

_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:nth-child(even) td { background: #fafafa; }
img { max-width: 100%; border: 1px solid #ddd; margin: 0.5em 0; }
figure { display: inline-block; margin: 0.5em; vertical-align: top; }
code { background: #f4f4f4; padding: 0 0.2em; }
"""


def _inline(text):
    """Escape text and render the Markdown bits used in blocks (**bold**, `code`, <br>)."""
    escaped = html.escape(str(text)).replace("&lt;br&gt;", "<br>")
    parts = escaped.split("`")
    for i in range(1, len(parts), 2):
        parts[i] = f"<code>{parts[i]}</code>"
    escaped = "".join(parts)
    bold = escaped.split("**")
    for i in range(1, len(bold), 2):
        bold[i] = f"<strong>{bold[i]}</strong>"
    return "".join(bold)


def to_html(blocks, out_dir):
    """Render blocks as one self-contained HTML page (PNG plots inlined)."""
    body = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2"):
            body.append(f"<{kind}>{_inline(block[1])}</{kind}>")
        elif kind == "p":
            body.append(f"<p>{_inline(block[1])}</p>")
        elif kind == "list":
            body.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in block[1]) + "</ul>")
        elif kind == "table":
            body.append(_html_table(block[1], block[2]))
        elif kind == "img":
            with open(os.path.join(out_dir, block[2]), "rb") as f:
                data = base64.b64encode(f.read()).decode()
            body.append(f'<figure><img alt="{html.escape(block[1])}" src="data:image/png;base64,{data}">'
                        f"<figcaption>{html.escape(block[1])}</figcaption></figure>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Benchmark report</title><style>{_CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _html_table(headers, rows):
    head = "".join(f"<th>{_inline(h)}</th>" for h in headers)
    lines = []
    for row in rows:
        cells = "".join(f'<td class="num">{_inline(c)}</td>' if _is_number(c) else f"<td>{_inline(c)}</td>"
                        for c in row)
        lines.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"


# ------------------------------------------------------------------ entry

def write_report(summary, campaign, out_dir, log_y=False, with_plots=True, notes=()):
    """Write plots, report.md and report.html; returns (md path, html path,
    list of plot file names)."""
    notes = list(notes)
    plot_files = []
    if with_plots and summary.instances:
        if plots.available():
            plot_files = plots.all_plots(summary, out_dir, log_y)
        else:
            notes.append("No plots: matplotlib is not installed (apt-get install python3-matplotlib).")
    blocks = build_blocks(summary, campaign, plot_files, notes)
    md_path = os.path.join(out_dir, "report.md")
    html_path = os.path.join(out_dir, "report.html")
    with open(md_path, "w", encoding="utf-8") as f:
        f.write(to_markdown(blocks))
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(to_html(blocks, out_dir))
    return md_path, html_path, plot_files


def summary_table(summary):
    """The main table as Markdown, for the terminal."""
    return markdown_table(*_summary_blocks(summary)[1][1:])
