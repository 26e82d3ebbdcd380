"""The metrics as text: the network summary, a table of the actors and of the years, the
card of one actor; and finding an actor by name."""

from __future__ import annotations

from typing import Any


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value else "0"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def _fmt_table(cols: list[str], rows: list[list[str]], max_width: int = 36) -> list[str]:
    widths = [max([len(c), *(min(len(r[i]), max_width) for r in rows)]) for i, c in enumerate(cols)]

    def fmt(vals: list[str]) -> str:
        return "  ".join(
            (v if len(v) <= max_width else v[: max_width - 3] + "...").ljust(w)
            for v, w in zip(vals, widths, strict=True)
        ).rstrip()

    return [fmt(cols), fmt(["-" * w for w in widths]), *map(fmt, rows)]


TABLE_COLUMNS = [
    ("rank", "#"),
    ("label", "actor"),
    ("kind", "kind"),
    ("partner_count", "partners"),
    ("partner_country_count", "countries"),
    ("activities", "activities"),
    ("delegations_sent", "sent"),
    ("delegations_received", "received"),
    ("people_sent", "people"),
    ("first_year", "from"),
    ("last_year", "to"),
    ("degree", "degree"),
    ("weighted_degree", "w.degree"),
    ("betweenness", "betweenness"),
    ("pagerank", "pagerank"),
    ("eigenvector", "eigenvector"),
    ("community", "community"),
]


def summary_lines(metrics: dict[str, Any]) -> list[str]:
    net = metrics["network"]
    rel = ", ".join(f"{k} {v}" for k, v in net["relations"].items()) or "none"
    when = f" at the end of {net['year']}" if net.get("year") is not None else ""
    mod = f", modularity {net['modularity']}" if net.get("modularity") is not None else ""
    return [
        f"actor network{when}: {net['nodes']} actors, {net['edges']} linked pairs "
        f"({net['links']} links: {rel}), density {net['density']}, {net['components']} components "
        f"(largest {net['largest_component']}), {net['communities']} communities{mod}",
        *(f"  {note}" for note in net["notes"][1:]),
    ]


def to_table(metrics: dict[str, Any], top: int | None = None, with_years: bool = True) -> str:
    """The metrics as a readable text table: the network, the actors, the years."""
    lines = summary_lines(metrics)
    rows = [[_cell(a[c]) for c, _ in TABLE_COLUMNS] for a in metrics["actors"][: top or None]]
    lines += ["", *_fmt_table([h for _, h in TABLE_COLUMNS], rows)]
    shown, total = len(rows), len(metrics["actors"])
    if shown < total:
        lines.append(f"({shown} of {total} actors, by PageRank; --top to show more)")
    years = metrics.get("years") or []
    if with_years and years:
        cols = [
            "year",
            "new_partnerships",
            "activities",
            "people_sent",
            "cumulative_partnerships",
            "cumulative_activities",
            "cumulative_people_sent",
            "nodes",
            "edges",
            "components",
            "communities",
            "modularity",
        ]
        heads = [
            "year",
            "new partners",
            "activities",
            "people sent",
            "total partners",
            "total activities",
            "total sent",
            "actors",
            "links",
            "components",
            "communities",
            "modularity",
        ]
        lines += ["", "per year (the network at the end of each year):"]
        lines += _fmt_table(heads, [[_cell(y.get(c)) for c in cols] for y in years])
    return "\n".join(lines) + "\n"


def actor_card(metrics: dict[str, Any], actor: dict[str, Any]) -> str:
    """Everything about one actor, one line a metric."""
    lines = [*summary_lines(metrics), ""]
    rank = actor.get("rank")
    fields = [
        ("actor", f"{actor['label']} (kmr:{actor['actor']}, {actor['kind']})"),
        ("country", actor.get("country")),
        ("rank by PageRank", f"{rank} of {metrics['network']['nodes']}" if rank else None),
        ("partners", f"{actor['partner_count']}: {_cell(actor['partners'])}"),
        (
            "partner countries",
            f"{actor['partner_country_count']}: {_cell(actor['partner_countries'])}",
        ),
        ("programmes", _cell(actor["programmes"])),
        ("activities", actor["activities"]),
        (
            "delegations sent",
            f"{actor['delegations_sent']} (to {_cell(actor['delegations_to']) or '-'})",
        ),
        (
            "delegations received",
            f"{actor['delegations_received']} (from {_cell(actor['delegations_from']) or '-'})",
        ),
        ("people sent abroad", actor["people_sent"]),
        ("active", f"{_cell(actor['first_year'])}-{_cell(actor['last_year'])}"),
        ("degree / weighted", f"{actor['degree']} / {_cell(actor['weighted_degree'])}"),
        ("betweenness", _cell(actor["betweenness"])),
        ("pagerank", _cell(actor["pagerank"])),
        ("eigenvector", _cell(actor["eigenvector"])),
        ("community", actor["community"]),
        (
            "partners across countries",
            f"largest share {_cell(actor['partner_top_country_share'])}, "
            f"entropy {_cell(actor['partner_country_entropy'])} bits",
        ),
        (
            "activities across countries",
            f"largest share {_cell(actor['activity_top_country_share'])}, "
            f"entropy {_cell(actor['activity_country_entropy'])} bits",
        ),
    ]
    width = max(len(k) for k, _ in fields)
    lines += [f"{k.ljust(width)}  {_cell(v)}" for k, v in fields]
    if actor.get("by_year"):
        lines += ["", "per year:"]
        lines += _fmt_table(
            ["year", "new partners", "activities", "people sent"],
            [
                [
                    str(y["year"]),
                    str(y["new_partners"]),
                    str(y["activities"]),
                    str(y["people_sent"]),
                ]
                for y in actor["by_year"]
            ],
        )
    return "\n".join(lines) + "\n"


def find_actor(metrics: dict[str, Any], name: str) -> dict[str, Any] | None:
    """The actor named ``name``: its slug, IRI or any label (case-insensitive); else the
    only actor whose label contains it."""
    wanted = name.casefold().strip()
    if wanted.startswith("kmr:"):
        wanted = wanted[4:]
    for a in metrics["actors"]:
        names = {a["actor"], a.get("iri", ""), a["label"], *a.get("labels", {}).values()}
        if wanted in {str(x).casefold() for x in names}:
            return a
    partial = [
        a
        for a in metrics["actors"]
        if any(wanted in str(x).casefold() for x in [a["label"], *a.get("labels", {}).values()])
    ]
    return partial[0] if len(partial) == 1 else None
