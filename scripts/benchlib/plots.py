"""Cactus and scatter plots (PNG and SVG) with matplotlib's Agg backend.

matplotlib comes from the Debian package python3-matplotlib; without it the
report is still written, just without figures (available() says which).
"""

import os
import re

from . import stats

TIME_FLOOR = 0.01   # seconds; faster runs are drawn at this time on log axes
COLORS = {"sat": "tab:green", "unsat": "tab:blue", "unknown": "tab:gray"}


def available():
    """Whether matplotlib can be imported."""
    try:
        _pyplot()
    except ImportError:
        return False
    return True


def _pyplot():
    """matplotlib.pyplot on the Agg backend (no display needed)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def safe_name(name):
    """A solver name usable in a file name."""
    return re.sub(r"[^A-Za-z0-9_.+-]", "_", name)


def _save(fig, out_dir, base):
    """Write a figure as PNG and SVG; returns the PNG's file name."""
    png = base + ".png"
    fig.savefig(os.path.join(out_dir, png), dpi=110, bbox_inches="tight")
    fig.savefig(os.path.join(out_dir, base + ".svg"), bbox_inches="tight")
    return png


def cactus(series, timeout, total, out_dir, log_y=False):
    """Cactus plot: for each solver its solved instances sorted by time, so
    a line further right solved more and a lower line solved them faster.

    `series` maps solver name to sorted solve times; the VBS line is dashed.
    On a linear axis the timeout line is drawn only when some time comes
    near it, so that fast suites are not squashed against the bottom.
    """
    plt = _pyplot()
    from matplotlib.ticker import MaxNLocator
    fig, ax = plt.subplots(figsize=(8, 5.5))
    for name, times in series.items():
        if not times and name == stats.VBS:
            continue
        style = dict(color="black", linestyle="--", linewidth=1.2) if name == stats.VBS else dict(linewidth=1.6)
        xs = range(1, len(times) + 1)
        ax.plot(xs, times, marker="o", markersize=3, label=f"{name} ({len(times)} solved)", **style)
    slowest = max((t for times in series.values() for t in times), default=0.0)
    if timeout and (log_y or slowest >= timeout / 2):
        ax.axhline(timeout, color="gray", linestyle=":", linewidth=1, label=f"timeout ({timeout:g} s)")
    ax.set_xlim(0, max(total, 1) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if log_y:
        ax.set_yscale("log")
    else:
        ax.set_ylim(bottom=0)
    ax.set_xlabel("number of instances solved")
    ax.set_ylabel("wall-clock time per instance (s)" + (", log scale" if log_y else ""))
    ax.set_title(f"Cactus plot: {total} instances, timeout {timeout:g} s")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    name = _save(fig, out_dir, "cactus")
    plt.close(fig)
    return name


def scatter(first, second, points, timeout, out_dir):
    """Log-log scatter of two solvers' times per instance.

    Unsolved runs are drawn on the timeout line; points below the diagonal
    are instances where `second` was faster. Colour gives the answer.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.2, 6.6))
    top = timeout if timeout else max([t for p in points for t in p[:2] if t] + [1.0])
    limit_high, limit_low = top * 1.6, TIME_FLOOR / 1.6

    def place(t):
        return top if t is None else max(t, TIME_FLOOR)

    for answer, color in COLORS.items():
        chosen = [p for p in points if p[2] == answer]
        if chosen:
            ax.scatter([place(p[0]) for p in chosen], [place(p[1]) for p in chosen], s=22,
                       color=color, alpha=0.75, edgecolors="none", label=f"{answer} ({len(chosen)})")
    ax.plot([limit_low, limit_high], [limit_low, limit_high], color="black", linewidth=0.8)
    ax.plot([limit_low, limit_high], [2 * limit_low, 2 * limit_high], color="gray", linewidth=0.6, linestyle=":")
    ax.plot([limit_low, limit_high], [limit_low / 2, limit_high / 2], color="gray", linewidth=0.6, linestyle=":")
    ax.axvline(top, color="tab:red", linestyle="--", linewidth=0.8)
    ax.axhline(top, color="tab:red", linestyle="--", linewidth=0.8, label=f"timeout / unsolved ({top:g} s)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(limit_low, limit_high)
    ax.set_ylim(limit_low, limit_high)
    ax.set_aspect("equal")
    faster_first = sum(1 for a, b, _ in points if place(a) < place(b))
    faster_second = sum(1 for a, b, _ in points if place(b) < place(a))
    ax.set_xlabel(f"{first}: wall-clock time (s)")
    ax.set_ylabel(f"{second}: wall-clock time (s)")
    ax.set_title(f"{first} vs {second}\n({first} faster on {faster_first}, {second} faster on {faster_second}; "
                 f"dotted: 2x)", fontsize=10)
    ax.grid(True, which="major", alpha=0.3)
    # below the axes: inside, it would hide the points on the timeout lines
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=8, frameon=False)
    fig.tight_layout()
    name = _save(fig, out_dir, f"scatter-{safe_name(first)}-vs-{safe_name(second)}")
    plt.close(fig)
    return name


def all_plots(summary, out_dir, log_y=False):
    """The cactus plot and one scatter plot per pair of solvers; returns
    [(title, png file name)]."""
    made = [("Cactus plot", cactus(stats.cactus_series(summary), summary.timeout,
                                    len(summary.instances), out_dir, log_y))]
    for i, first in enumerate(summary.solvers):
        for second in summary.solvers[i + 1:]:
            points = stats.scatter_points(summary, first, second)
            made.append((f"{first} vs {second}", scatter(first, second, points, summary.timeout, out_dir)))
    return made
