"""A partnership's lifecycle, derived from its agreements, activities and reports:
explored → intent → signed → renewed → expired or dormant.

The steps (each dated, with its basis and sources):

- ``explored``: a source reports the two sides exploring ("menjajaki") a partnership,
  dated by that source;
- ``intent``: a letter of intent (LoI) is signed, or a source reports the partnership as
  planned;
- ``signed``: the first MoU, charter or implementing arrangement (PKS) is signed; with no
  such agreement reported, the start year a source states ("sister city since 1994");
- ``renewed``: a renewal, or any later MoU or charter after the first;
- ``expired``: a source states that the latest agreement has ended ("telah berakhir",
  "tidak diperpanjang", "lapsed last November"), dated by the end it gives, else by the
  report; or the validity of the latest agreement ("berlaku lima tahun", "valid until
  2026") ended before the build's latest news date, with no renewal or activity after;
- ``dormant``: no dated activity, agreement or report for ``dormant_after_years`` years
  (``graph/lexicon/agreements.yaml``, default 5) before the build's latest news date.

Activities between the two sides are listed in the history as ``activity`` steps; they
do not change the stage. The partnership's stage is its last step that is not an
activity.
"""

from __future__ import annotations

from graph.resolve.events import precision
from graph.resolve.model import ResolvedPartnership, Stage

SIGNING_KINDS = frozenset({"MoU", "charter", "PKS"})


def _shift_years(iso: str, years: int) -> str:
    head, _, rest = iso.partition("-")
    return f"{int(head) + years}{'-' + rest if rest else ''}"


def _agreement_stages(p: ResolvedPartnership, names: dict[str, str]) -> list[Stage]:
    out: list[Stage] = []
    signed_once = False
    for ag in p.agreements:  # in order of signing
        a = ag.agreement
        if a.kind == "LoI":
            stage = "intent"
        elif a.kind == "renewal" or (a.kind in {"MoU", "charter"} and signed_once):
            stage = "renewed"
        else:
            stage = "signed"
        signed_once = signed_once or stage in {"signed", "renewed"}
        basis = f"{a.kind} signed" + (f" in {names.get(a.place, a.place)}" if a.place else "")
        out.append(Stage(stage, a.signed, basis, ag.sources, agreement=ag.key))
    return out


def _report_stages(p: ResolvedPartnership, has_signing: bool) -> list[Stage]:
    out: list[Stage] = []
    for r in p.reports:
        status = r.item.status
        if status == "explored":
            out.append(Stage("explored", r.source.published, "reported as explored", [r.source]))
        elif status == "planned":
            out.append(Stage("intent", r.source.published, "reported as planned", [r.source]))
    if p.since and not has_signing:
        sources = [r.source for r in p.reports if r.item.since == p.since]
        out.append(Stage("signed", p.since, "start year stated by the sources", sources))
    return out


def _last_date(stages: list[Stage], p: ResolvedPartnership) -> str | None:
    dates = [s.date for s in stages if s.date]
    # a news report dates the partnership; a reference table's date does not
    dates += [src.published for src in p.sources if src.published and src.kind == "news"]
    return max(dates, default=None)


def _stated_expiry(p: ResolvedPartnership) -> Stage | None:
    """The latest agreement a source states to have ended, dated by the end the text
    gives, else by the earliest report stating it."""
    ended = [ag for ag in p.agreements if ag.agreement.expired]
    if not ended:
        return None
    last = ended[-1]
    a = last.agreement
    stating = [r.source for r in last.reports if r.item.expired]
    date = a.expired_on or min((s.published for s in stating if s.published), default=None)
    if date and a.signed and date < a.signed:
        # ended before it was signed: the text tells of the agreement it replaces ("the new
        # agreement extends the earlier memorandum, which had expired"), the one before it
        before = [ag for ag in p.agreements if ag.agreement.signed and ag.agreement.signed < date]
        if not before:
            return None
        last = before[-1]
        a = last.agreement
    basis = f"{a.kind} stated to have ended"
    return Stage("expired", date, basis, stating or last.sources, agreement=last.key)


def _expiry(p: ResolvedPartnership, stages: list[Stage], as_of: str | None) -> Stage | None:
    stated = _stated_expiry(p)
    if stated is not None:
        return stated
    dated = [ag for ag in p.agreements if ag.agreement.valid_until]
    if not dated:
        return None
    last = dated[-1]
    until = last.agreement.valid_until or ""
    later = [s for s in stages if s.date and s.date > until]
    if as_of and until < as_of[: len(until)] and not later:
        return Stage("expired", until, f"{last.agreement.kind} valid until {until}", last.sources)
    return None


def lifecycle(
    p: ResolvedPartnership,
    as_of: str | None,
    dormant_after_years: int,
    names: dict[str, str] | None = None,
) -> None:
    """Fill ``p.stages`` (in date order) and ``p.stage`` (see the module docstring)."""
    stages = _agreement_stages(p, names or {})
    signed_months = {s.date[:7] for s in stages if s.date}
    has_signing = any(s.stage in {"signed", "renewed"} for s in stages)
    stages += _report_stages(p, has_signing)
    for ev in p.events:
        a = ev.activity
        if a.type == "Signing" and (a.start or "")[:7] in signed_months:
            continue  # the signing of an agreement already in the history
        basis = a.type + (f": {a.theme}" if a.theme else "")
        stages.append(Stage("activity", a.start, basis, ev.sources, event=ev.key))
    expiry = _expiry(p, stages, as_of)
    if expiry is not None:
        stages.append(expiry)
    if as_of:
        last = _last_date(stages, p)
        if last and expiry is None and _shift_years(last, dormant_after_years)[:4] < as_of[:4]:
            since = _shift_years(last, dormant_after_years)
            basis = f"nothing reported for {dormant_after_years} years after {last}"
            stages.append(Stage("dormant", since, basis, []))
    stages.sort(key=lambda s: (s.date or "9999", precision(s.date)))
    p.stages = stages
    steps = [s for s in stages if s.stage != "activity"]
    p.stage = steps[-1].stage if steps else None
