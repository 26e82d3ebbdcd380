"""Activities: dated occurrences (trainings, visits, meetings, signings, exchanges) that a
sentence introduces or continues, with their participants; only those with a foreign
side are kept, and a participant abroad is a delegation to that place."""

from __future__ import annotations

import re

from graph.extract.activity_parts import (
    END_BEFORE,
    dates_in,
    location_of,
    participant_count,
    set_dates,
    theme_of,
)
from graph.extract.context import (
    DATELINE,
    DocContext,
    actor_after,
    is_actor,
    masked,
    negated,
    subject_of,
)
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES
from graph.extract.lexicon import patterns
from graph.extract.mentions import Mention
from graph.model import Activity, Evidence
from graph.sources.text import Sentence
from graph.vocab import HOME_COUNTRY

ACTIVITY_CLASSES = ("Signing", "Exchange", "Training", "Visit", "Meeting")


def find_triggers(text: str) -> list[tuple[str, re.Match[str]]]:
    """Activity triggers of a sentence, in order, one per stretch of text."""
    found: list[tuple[str, re.Match[str]]] = []
    for cls in ACTIVITY_CLASSES:
        for m in patterns()[f"activity:{cls}"].finditer(text):
            if any(m.start() < o.end() and o.start() < m.end() for _, o in found):
                continue
            found.append((cls, m))
    found.sort(key=lambda x: x[1].start())
    return found


def activity_target(d: DocContext, sent: Sentence) -> Activity | None:
    """The activity a sentence continues ("pelatihan ini …"), if any.

    Close after an activity it is that one, unless it was told as background
    ("sebelumnya …"); further on it is the activity the article is about, its first.
    """
    if d.current is None or not patterns()["activity_anaphora"].search(sent.text):
        return None
    if sent.index - d.current_sentence <= 3 and id(d.current) not in d.background:
        return d.current
    leads = [a for a in d.ex.activities if id(a) not in d.background]
    return leads[0] if leads else d.current


def same_activity(a: Activity, b: Activity, d: DocContext | None = None) -> bool:
    if a.type != b.type:
        return False
    if d is not None and (a.start is None or b.start is None):
        # a nameless, undated mention close to another account of the same kind
        gap = abs(a.evidence[-1].index - b.evidence[0].index) if a.evidence and b.evidence else 99
        if 0 < gap <= 3 and id(a) not in d.named and id(b) not in d.named:
            return True
    ta, tb = " ".join((a.theme or "").lower().split()), " ".join((b.theme or "").lower().split())
    if ta and tb and (ta in tb or tb in ta) and len(min(ta, tb, key=len)) > 12:
        return True
    if a.start and b.start:
        sa, sb = a.start, b.start
        ea, eb = a.end or sa, b.end or sb
        if sa[:7] == sb[:7] and (sa <= eb[: len(sa)] and sb <= ea[: len(sb)]):
            return True
    return a.type == "Signing" and bool(set(a.participants) & set(b.participants))


def activities(d: DocContext, sent: Sentence) -> list[Activity]:
    """Activities the sentence introduces or continues; returns those it touched."""
    ms = d.mentions.in_sentence(sent.index)
    text = masked(sent, [m for m in ms if m.type != "Policy"])
    orig = sent.text
    triggers = [
        (c, m)
        for c, m in find_triggers(text)
        if not negated(text, m.start())
        and not patterns()["tentative"].search(" ".join(text[: m.start()].split()[-3:]))
    ]
    if not triggers:
        # "mengikuti Singapore Cooperation Programme (SCP) bertema X … pada 23 hingga 31
        # Maret 2023": taking part in a programme at a date is an activity of it
        pm = next((m for m in ms if m.type == "Programme"), None)
        part = patterns()["participation"].search(text)
        if pm is not None and part is not None and any("-" in x.start for x in dates_in(d, orig)):
            triggers = [("Activity", part)]
    target = activity_target(d, sent)
    touched: list[Activity] = []
    if patterns()["national"].search(orig):
        triggers = []  # a president's or a minister's agenda is not a local government's
    if not triggers and target is None:
        # the sentence right after an activity, giving its end ("Mereka berada di Kota
        # Medan hingga 27 Februari")
        if d.current is not None and sent.index == d.current_sentence + 1:
            spans = [x for x in dates_in(d, orig) if END_BEFORE.search(orig[: x.begin])]
            if spans and d.current.end is None:
                set_dates(d.current, spans, orig)
                d.current.evidence.append(Evidence(orig, sent.index))
        return touched
    segments: list[tuple[str | None, int, int, re.Match[str] | None]] = []
    ana = patterns()["activity_anaphora"].search(orig)
    # "pelatihan ini" continues an activity; a new named one ("peresmian Ruang X") does not
    if (
        target is None
        and d.current is not None
        and sent.index - d.current_sentence <= 3
        and triggers
    ):
        # "Pelatihan berlangsung selama sepekan …": a bare trigger opening the sentence,
        # with no name of its own, goes on about the activity just told
        first = triggers[0][1]
        if not orig[: first.start()].strip(" \"'(") and not re.search(
            r"\"", orig[first.end() : first.end() + 40]
        ):
            words_after = orig[first.end() :].split()[:1]
            if words_after and words_after[0][:1].islower():
                target = d.current
                ana = first
    continues = target is not None and (
        not triggers or (len(triggers) == 1 and ana.start() <= triggers[0][1].start() < ana.end())  # type: ignore[union-attr]
    )
    if continues:
        segments.append((None, 0, len(orig), None))
    else:
        # a new stretch starts at a trigger after a list break ("…, launching X, and
        # participating in Y"); "peninjauan pohon … yang ditanam" stays one activity
        kept = triggers[:1]
        for cls, m in triggers[1:]:
            between = text[kept[-1][1].end() : m.start()]
            if re.search(r"[,;]|\b(?:dan|and|serta|lalu|kemudian|then)\b", between):
                kept.append((cls, m))
        for i, (cls, m) in enumerate(kept):
            hi = kept[i + 1][1].start() if i + 1 < len(kept) else len(orig)
            if target is not None and ana is not None and ana.start() <= m.start() < ana.end():
                # "pelatihan ini … LoI yang diteken …": this stretch goes on about the
                # activity told before; the others are new
                segments.append((None, m.start(), hi, None))
            else:
                segments.append((cls, m.start(), hi, m))
    single = len(segments) == 1
    for cls, lo, hi, trig in segments:
        if trig is None:
            act = target
            assert act is not None
            fresh = False
        else:
            seg_dates = dates_in(d, orig, lo, hi) or (dates_in(d, orig) if single else [])
            count = participant_count(orig[lo:hi] if not single else orig)
            quoted = re.search(r"\"([^\"]{3,80})\"", orig[lo:hi] if not single else orig)
            theme = theme_of(orig, trig.start(), trig.end())
            # a name of its own: two capitalised words that are not known names
            named = bool(
                re.search(
                    r"[A-Z][\w&'-]+\s+(?:&\s+)?[A-Z][\w'-]+",
                    theme_of(text, trig.start(), trig.end()),
                )
            )
            where = location_of(d, sent, ms, lo, hi) or (
                location_of(d, sent, ms) if single else None
            )
            context = (
                any(m.type == "Programme" for m in ms)
                or bool(patterns()["organised_by"].search(text))
                or where
            )
            foreign_partner = any(
                d.is_foreign_actor(m.slug)
                and d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
                and lo <= m.start <= hi
                for m in ms
            )
            strong = (
                bool(seg_dates)
                or count is not None
                or bool(quoted)
                or (named and bool(context))
                or (cls == "Signing" and foreign_partner)
            )
            actors = [m for m in ms if m.type in LOCAL_GOVERNMENT_TYPES or m.type == "Country"]
            if not strong or not (actors or d.home):
                continue
            if is_headline(d, sent) and not seg_dates:
                continue  # a headline restates the article
            act = Activity(type=cls or "Activity", theme=theme)
            set_dates(act, seg_dates, orig)
            act.participant_count = count
            act.location = where
            fresh = True
            if named or quoted:
                d.named.add(id(act))
            if re.search(
                r"\b(?:sebelumnya|sebelum ini|previously|earlier|sempat)\b",
                orig[: trig.start()],
                re.I,
            ):
                d.background.add(id(act))
        touched.append(act)
        if not any(e.index == sent.index for e in act.evidence):
            act.evidence.append(Evidence(orig, sent.index))
        if not fresh:
            # a year alone, told later, is more often background than the activity's date
            set_dates(act, [x for x in dates_in(d, orig, lo, hi) if "-" in x.start], orig)
            count = participant_count(orig)
            if count is not None and act.participant_count is None:
                act.participant_count = count
            loc = location_of(d, sent, ms)
            if loc and act.location is None:
                act.location = loc
        for m in ms:
            if m.type == "Programme" and act.part_of is None:
                act.part_of = m.slug
        add_participants(d, sent, ms, act)
        om = patterns()["organised_by"].search(text)
        if om and act.organized_by is None:
            org = actor_after(d, ms, om.end(), text)
            if org:
                act.organized_by = org
        if fresh:
            same = next((o for o in d.ex.activities if same_activity(o, act, d)), None)
            if same is not None:
                absorb(same, act)
                touched[-1] = act = same
            else:
                d.ex.activities.append(act)
        d.current, d.current_sentence = act, sent.index
    return touched


def absorb(into: Activity, other: Activity) -> None:
    """Merge a second account of the same activity into the first."""
    if into.start is None and other.start:
        into.start, into.end = other.start, other.end
    elif into.end is None and other.end:
        into.end = other.end
    for attr in ("participant_count", "location", "part_of", "funded_by", "organized_by"):
        if getattr(into, attr) is None:
            setattr(into, attr, getattr(other, attr))
    for p in other.participants:
        if p not in into.participants:
            into.participants.append(p)
    for ev in other.evidence:
        if not any(e.index == ev.index for e in into.evidence):
            into.evidence.append(ev)


def is_headline(d: DocContext, sent: Sentence) -> bool:
    """Whether the sentence is the article's title (restated in scraped text)."""
    title = " ".join((d.doc.title or "").split()).casefold()
    text = " ".join(sent.text.split()).casefold()
    return bool(title) and (text == title or (sent.index <= 1 and text.startswith(title[:40])))


def add_participants(d: DocContext, sent: Sentence, ms: list[Mention], act: Activity) -> None:
    def add(slug: str | None) -> None:
        if slug and slug not in act.participants:
            act.participants.append(slug)

    subj = subject_of(d, sent, ms, strict=True)
    if subj and subj != act.location:
        add(subj)
    if patterns()["both"].search(sent.text) or re.search(
        r"\bkedua (?:wali ?kota|bupati|gubernur)|both mayors", sent.text, re.I
    ):
        # "dilakukan kedua wali kota": the two partners of the article's partnership
        active = [q for q in d.ex.qualified if q.kind == "Partnership" and q.status == "active"]
        if len(active) == 1:
            for end in active[0].ends:
                add(end)
    for m in ms:
        if m.qualifier:
            continue
        if m.type in LOCAL_GOVERNMENT_TYPES and m.slug != act.location:
            if re.search(
                r"\b(?:via|melalui|transit(?:\s+di)?|singgah(?:\s+di)?)\s+(?:kota\s+)?$",
                sent.text[: m.start],
                re.I,
            ):
                continue  # a stop on the way, not a participant
            dateline = DATELINE.match(sent.text)
            if dateline and m.end <= dateline.end():
                continue  # "JAKARTA, KOMPAS.com -" says where the news was written
            add(m.slug)
        elif m.type == "Person" and m.slug in d.heads:
            add(d.heads[m.slug])
        elif m.type == "Organization" and d.mentions.entities[m.slug].country in (
            None,
            HOME_COUNTRY,
        ):
            before = sent.text[max(0, m.start - 25) : m.start]
            if re.search(r"\b(?:dan|and|serta|jajaran|beserta)\b", before, re.I):
                add(m.slug)
        elif m.type == "Country" and m.slug != HOME_COUNTRY and m.slug != act.location:
            before = sent.text[max(0, m.start - 40) : m.start]
            if re.search(r"\b(?:dari|from|of)\s+(?:the\s+)?(?:\w+\s+){0,2}$", before, re.I):
                add(m.slug)


def _named_doers(d: DocContext, act: Activity) -> set[str]:
    """The governments an activity's sentences name as doers, directly or by their head."""
    out: set[str] = set()
    for ev in act.evidence:
        sent = d.sentences[ev.index]
        for m in d.mentions.in_sentence(ev.index):
            if is_actor(sent, m, origin=True):
                out.add(m.slug)
            if m.slug in d.heads:
                out.add(d.heads[m.slug])
    return out


def finish_activities(d: DocContext) -> None:
    keep = []
    for act in d.ex.activities:
        if (
            act.start is None
            and act.participant_count is None
            and act.location is None
            and not act.part_of
        ):
            continue
        # only activities with a foreign side belong to the partnership graph: held abroad,
        # with a foreign participant, or under, by or paid by a foreign actor or programme
        foreign_side = (
            bool(act.part_of)
            or any(
                x and d.is_foreign_actor(x) for x in (act.location, act.organized_by, act.funded_by)
            )
            or any(d.is_foreign_actor(p) for p in act.participants)
        )
        if not foreign_side:
            continue
        if (
            act.location
            and d.ent_type(act.location) in LOCAL_GOVERNMENT_TYPES
            and act.location not in act.participants
        ):
            act.participants.append(act.location)
        # a participant abroad is a delegation to that place, when the account names it
        # (or its head) as a doer: the article's government by default sends nobody
        if act.location:
            named = _named_doers(d, act)
            for p in act.participants:
                if p == act.location or d.ent_type(p) not in LOCAL_GOVERNMENT_TYPES:
                    continue
                if p not in named:
                    continue
                if act.location == HOME_COUNTRY or act.type == "Signing":
                    continue  # a signing may be done apart, each in its own city
                if d.country_of(p) != d.country_of(act.location):
                    d.add_fact(
                        p, "sendsDelegationTo", act.location, d.sentences[act.evidence[0].index]
                    )
        keep.append(act)
    d.ex.activities = keep
