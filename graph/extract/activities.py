"""Activities: dated occurrences (trainings, visits, meetings, signings, exchanges) that a
sentence introduces or continues, with their participants; only those with a foreign
side are kept, and a participant abroad is a delegation to that place."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from graph.extract.activity_parts import (
    dates_in,
    end_before,
    leader_of,
    location_of,
    participant_count,
    person_asides,
    place_words,
    set_dates,
    spoken_on,
    stay_holds,
    stretch_stay,
    theme_of,
    venue_body,
)
from graph.extract.context import (
    DocContext,
    actor_after,
    after_locative,
    clause_before,
    dateline_in,
    envoys_country,
    home_national,
    is_actor,
    masked,
    negated,
    non_agent,
    place_of_telling,
    place_of_unnamed,
    planned_after,
    seat_of_mission,
    signed_by_firms,
    subject_of,
    wished,
)
from graph.extract.dates import DateSpan, find_dates, only_vague
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES
from graph.extract.lexicon import government_head_words, lowered, patterns, relations_lexicon
from graph.extract.mentions import Mention
from graph.extract.names import titlecase
from graph.model import Activity, Evidence
from graph.sources.text import Sentence
from graph.vocab import HOME_COUNTRY

ACTIVITY_CLASSES = ("Signing", "Exchange", "Training", "Visit", "Meeting", "Activity")


def _retitle(act: Activity, text: str) -> None:
    """ "Pelatihan kali ini mengusung materi "Innovation in Governance"": a later sentence
    gives the name of an activity first told by its kind or its programme."""
    theme = patterns()["theme_words"].search(text)
    if theme is None:
        return
    quoted = re.match(r"\s*\"([^\"]{3,80})\"", text[theme.end() :])
    weak = act.theme is None or len(act.theme.split()) <= 2 or act.theme[:1].islower()
    if quoted and weak:
        act.theme = quoted.group(1).strip()


_FRAME_NAME = re.compile(r"(?:\s*(?:[A-Z0-9(_][\w&'()./-]*|and|dan|of|for|&),?){1,14}\s*")


def _framing(text: str, start: int) -> bool:
    """Whether an activity word ends the name of an event that frames another: "meneken LoI
    di sela acara Jakarta International … Expo 2025" tells the signing, held during the
    expo, not the expo as an activity of its own."""
    for m in patterns()["frame"].finditer(text, 0, start):
        name = text[m.end() : start]
        # a named event only: "di sela kunjungan kerja" frames a visit that is one
        if re.search(r"[A-Z_]", name) and _FRAME_NAME.fullmatch(name):
            return True
        # "disambut … dalam acara Welcoming Dinner": a meal right after a frame's word is
        # the occasion of the reception told before it
        if not name.strip() and patterns()["meals"].match(text, start):
            return True
    return False


def find_triggers(text: str) -> list[tuple[str, re.Match[str]]]:
    """Activity triggers of a sentence, in order, one per stretch of text."""
    if not lowered(*(f"activity:{cls}" for cls in ACTIVITY_CLASSES)).search(text.lower()):
        return []  # most sentences name no activity: one fast test spares the six patterns
    found: list[tuple[str, re.Match[str]]] = []
    venue_before, venue_after = patterns()["venue_before"], patterns()["venue_after"]
    for cls in ACTIVITY_CLASSES:
        for m in patterns()[f"activity:{cls}"].finditer(text):
            if any(m.start() < o.end() and o.start() < m.end() for _, o in found):
                continue
            # "ruang rapat", "conference hall": a room, not an occurrence
            before = text[max(0, m.start() - 40) : m.start()].split()[-1:]
            after = text[m.end() : m.end() + 40].split()[:1]
            if (before and venue_before.fullmatch(before[0].strip("\"'(,"))) or (
                after and venue_after.fullmatch(after[0].strip("\"'),.;"))
            ):
                continue
            if _framing(text, m.start()):
                continue
            found.append((cls, m))
    found.sort(key=lambda x: x[1].start())
    means = patterns()["means_words"]
    return [
        (cls, m)
        for i, (cls, m) in enumerate(found)
        if not (
            i + 1 < len(found)
            and found[i + 1][0] == cls
            and (
                # "handed over a grant", "serah terima hibah": the grant names what was
                # handed over
                (cls == "Activity" and found[i + 1][1].start() - m.end() <= 30)
                # "memperbarui kerja sama melalui penandatanganan MoU": the act it is done by
                or _by_means(text[m.end() : found[i + 1][1].start()], means)
            )
        )
    ]


def _by_means(gap: str, means: re.Pattern[str]) -> bool:
    """Whether the words between two activity words end with a means word, within one
    clause: the second tells how the first was done."""
    return (
        len(gap) <= 60
        and not re.search(r"[.;]", gap)
        and bool(re.search(rf"(?:{means.pattern})\s*$", gap, re.I))
    )


def activity_target(d: DocContext, sent: Sentence) -> Activity | None:
    """The activity a sentence continues ("pelatihan ini …"), if any.

    Close after an activity it is that one, unless it was told as background
    ("sebelumnya …"); further on it is the activity the article is about, its first.
    """
    ana = patterns()["activity_anaphora"].search(sent.text) if d.current is not None else None
    if d.current is None or ana is None:
        return None
    if d.current.type == "Visit" and _signing_nouns() & set(ana.group(0).lower().split()):
        return None  # "… welcomed the agreement" after a visit: no account of the visit
    if sent.index - d.current_sentence <= 3 and id(d.current) not in d.background:
        return d.current
    leads = [a for a in d.ex.activities if id(a) not in d.background]
    return leads[0] if leads else d.current


@cache
def _signing_nouns() -> frozenset[str]:
    return frozenset(relations_lexicon()["signing_nouns"])


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
        if sa.count("-") == sb.count("-") == 2:
            return False  # "… pada Selasa (3/9/2024), sedangkan … pada Jumat (6/9/2024)"
        if sa[:4] != sb[:4]:
            return False  # "signed … in 1994", "renewed in August 2009": two signings
    return a.type == "Signing" and bool(set(a.participants) & set(b.participants))


Trigger = tuple[str, re.Match[str]]
Segment = tuple[str | None, int, int, re.Match[str] | None]


@dataclass(frozen=True)
class _Reading:
    """One sentence as the activity rules read it."""

    d: DocContext
    sent: Sentence
    ms: list[Mention]
    text: str  # names blanked out (policies kept)
    orig: str


def _journeys_dropped(text: str, found: list[Trigger]) -> list[Trigger]:
    """A journey word followed in its clause by what the journey is for ("bertolak ke
    Singapura untuk mengikuti pelatihan", "left for Tokyo to attend a forum") tells that
    activity, not a visit of its own; so does meeting someone ("bertemu pejabat yang sedang
    mengikuti pelatihan")."""
    rx = patterns()
    out = []
    for cls, m in found:
        if rx["travel"].fullmatch(m.group(0)) or rx["meeting_people"].fullmatch(m.group(0)):
            rest = re.split(r"[.;]", text[m.end() :])[0]
            later = any(x.start() > m.end() for _, x in found)
            if later or rx["participation"].search(rest):
                continue
        out.append((cls, m))
    return out


@cache
def _nothing_after() -> re.Pattern[str]:
    """A signing's object that makes it none ("has signed nothing")."""
    return re.compile(rf"\s+(?:{patterns()['nothing_signed'].pattern})", re.I)


def _triggers_of(r: _Reading) -> list[Trigger]:
    """The activity triggers of a sentence that are neither negated nor only planned."""
    text = r.text
    triggers = find_triggers(text)
    denial = patterns()["denial"].search(text) if triggers else None
    found = [
        (c, m)
        for c, m in triggers
        # "… denied reports that the city government had signed …": none happened
        if not (denial and denial.start() < m.start())
        and not negated(text, m.start())
        and not _nothing_after().match(text, m.end())  # "has signed nothing with …"
        and not wished(text, m.start())
        and not patterns()["tentative"].search(
            " ".join(text[max(0, m.start() - 120) : m.start()].split()[-3:])
        )
    ]
    found = _journeys_dropped(text, found)
    if not found:
        # "mengikuti Singapore Cooperation Programme (SCP) bertema X … pada 23 hingga 31
        # Maret 2023": taking part in a programme at a date is an activity of it
        programme = next((m for m in r.ms if m.type == "Programme"), None)
        part = patterns()["participation"].search(text)
        if (
            programme is not None
            and part is not None
            and (
                any("-" in x.start for x in dates_in(r.d, r.orig))
                # "19 ASN … bertolak ke Singapura untuk mengikuti SCP": people sent to it
                or (
                    participant_count(r.orig) is not None
                    and location_of(r.d, r.sent, r.ms) is not None
                )
            )
        ):
            found = [("Training", part)]
    if home_national(r.d, r.orig, r.ms):
        return []  # a president's or a minister's agenda is not a local government's
    return found


def _led_after(r: _Reading) -> None:
    """The sentence right after an activity naming who led its group ("Rombongan dipimpin
    Kepala Dinas DPMPTSP Yon Heri")."""
    d = r.d
    if (
        d.current is not None
        and d.current.led_by is None
        and 0 < r.sent.index - d.current_sentence <= 2
    ):
        leader = leader_of(d, r.sent, r.ms)
        if leader is not None:
            d.current.led_by = leader
            d.current.evidence.append(Evidence(r.orig, r.sent.index))


def _close_end(r: _Reading) -> None:
    """The sentence right after an activity, giving its end ("Mereka berada di Kota
    Medan hingga 27 Februari")."""
    d, orig = r.d, r.orig
    if d.current is not None and r.sent.index == d.current_sentence + 1:
        spans = [x for x in dates_in(d, orig) if end_before().search(orig[: x.begin])]
        if spans and d.current.end is None:
            set_dates(d.current, spans, orig)
            d.current.evidence.append(Evidence(orig, r.sent.index))


def _continuation(
    r: _Reading, triggers: list[Trigger], target: Activity | None
) -> tuple[Activity | None, re.Match[str] | None]:
    """The activity the sentence goes on about, and the words that say so ("pelatihan
    ini"; a bare trigger opening the sentence right after an activity: "Pelatihan
    berlangsung selama sepekan …")."""
    d, orig = r.d, r.orig
    ana = patterns()["activity_anaphora"].search(orig)
    if (
        target is None
        and d.current is not None
        and r.sent.index - d.current_sentence <= 3
        and not _larger_trip(r, triggers, None, d.current)
    ):
        first = triggers[0][1]
        # "Pelatihan berlangsung …", "The course, which started on Feb 19, …"
        opening = orig[: first.start()].strip(" \"'(")
        if (not opening or patterns()["determiners"].fullmatch(opening)) and not re.search(
            r"\"", orig[first.end() : first.end() + 40]
        ):
            words_after = orig[first.end() :].lstrip(" ,").split()[:1]
            if words_after and words_after[0][:1].islower():
                return d.current, first
    return target, ana


def _segments(
    r: _Reading, triggers: list[Trigger], target: Activity | None, ana: re.Match[str] | None
) -> list[Segment]:
    """Stretches of the sentence, each about one activity (``None``: the one it goes on
    about)."""
    if target is not None and (
        not triggers
        or (
            len(triggers) == 1
            and ana is not None
            and ana.start() <= triggers[0][1].start() < ana.end()
        )
    ):
        return [(None, 0, len(r.orig), None)]
    # a new stretch starts at a trigger after a list break ("…, launching X, and
    # participating in Y"); "peninjauan pohon … yang ditanam" stays one activity
    kept = triggers[:1]
    for cls, m in triggers[1:]:
        between = r.text[kept[-1][1].end() : m.start()]
        if re.search(r"[,;]|\b(?:dan|and|serta|lalu|kemudian|then)\b", between):
            kept.append((cls, m))
    # a stretch after a clause of its own starts at the clause ("… pada Selasa (3/9), sedangkan
    # MoU dengan Provinsi Gyeonggi diteken …": Gyeonggi is the second signing's)
    starts = [kept[0][1].start()]
    for prev, (_, m) in pairwise(kept):
        clause = _CLAUSE_BREAK.search(r.text, prev[1].end(), m.start())
        starts.append(clause.start() if clause else m.start())
    out: list[Segment] = []
    for i, (cls, m) in enumerate(kept):
        lo = starts[i]
        hi = starts[i + 1] if i + 1 < len(kept) else len(r.orig)
        if target is not None and ana is not None and ana.start() <= m.start() < ana.end():
            # "pelatihan ini … LoI yang diteken …": this stretch goes on about the
            # activity told before; the others are new
            out.append((None, lo, hi, None))
        else:
            out.append((cls, lo, hi, m))
    return out


_CLAUSE_BREAK = re.compile(r"[,;]\s*(?:sedangkan|sementara(?: itu)?|while|whereas)\b|;", re.I)


def _is_strong(r: _Reading, cls: str, lo: int, hi: int, evidence: dict[str, object]) -> bool:
    """Whether a trigger tells an activity that happened: a date, a count, a quoted or
    capitalised name in a context, or a signing with a foreign partner."""
    named_in_context = bool(evidence["named"]) and bool(
        any(m.type == "Programme" for m in r.ms)
        or patterns()["organised_by"].search(r.text)
        or evidence["where"]
    )
    # a signing's foreign party after its word, or before it as its subject ("Pemkot Ambon
    # dan Pemerintah Kota Vlissingen memperbarui MoU")
    foreign_partner = any(
        r.d.is_foreign_actor(m.slug)
        and r.d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
        and (lo <= m.start <= hi or (0 < lo - m.end <= 120 and ";" not in r.text[m.end : lo]))
        for m in r.ms
    )
    return (
        bool(evidence["dates"])
        or evidence["count"] is not None
        or bool(evidence["quoted"])
        or named_in_context
        or (cls == "Signing" and foreign_partner)
        # an undated visit abroad, told as made ("kunjungan kerja ke Provinsi Shandong"),
        # not as one to come ("akan berkunjung ke Busan")
        or (
            cls == "Visit"
            and bool(evidence["where"])
            and r.d.is_foreign_actor(str(evidence["where"]))
            and not patterns()["future"].search(r.text[:lo])
            # a visit word, not a journey's ("berangkat ke", "flew to"); a club's or a
            # family's trip is no visit, dated or not (``_new_activity``)
            and not patterns()["travel"].match(r.text, lo)
        )
        or evidence["funder"] is not None
        or bool(evidence.get("visitor"))
    )


def _foreign_funder(r: _Reading, at: int) -> str | None:
    """The foreign government or body a grant (the trigger at ``at``) is from: named after
    "dari/from" ("hibah … dari Pemerintah Kota Busan", "a grant from the Japanese
    government"), or as the giver before it, with ours after "kepada/to" ("Kedutaan
    Besar Jepang menyerahkan hibah kepada Pemkab Sikka")."""
    d, text = r.d, r.text
    fm = patterns()["funded_by"].search(text, at)
    if fm is not None and not negated(text, fm.start()):
        funder = actor_after(d, r.ms, fm.end(), text)
        if funder and d.is_foreign_actor(funder):
            return _state_of_mission(d, funder)
    # the taker right after "kepada"/"to" ("… hibah kepada Pemkab Sikka")
    given_to = re.compile(patterns()["given_to"].pattern + r"\s+(?:the\s+)?$", re.I)
    clause = max(text.rfind(x, 0, at) for x in (". ", "; ", ", "))
    before = [
        m
        for m in r.ms
        if m.start < at and not m.qualifier and d.is_foreign_actor(m.slug) and m.type != "Person"
    ]
    # the giver in the grant's clause; else the sentence's first actor, past an apposition
    # ("The Korean government, through KOICA, provided a grant to …")
    givers = [m for m in before if m.start > clause] or before[:1]
    takers = [
        m
        for m in r.ms
        if m.start > at and d.is_indonesian_lg(m.slug) and given_to.search(text[: m.start])
    ]
    if givers and takers and not negated(text, at):
        return _state_of_mission(d, givers[0].slug)
    return None


def _state_of_mission(d: DocContext, slug: str) -> str:
    """A grant from an embassy or a consulate is its state's: the country it represents."""
    ent = d.mentions.entities.get(slug)
    if ent is None or ent.type != "Organization" or not ent.country:
        return slug
    names = " ".join([*ent.labels.values(), *ent.aliases])
    if not patterns()["missions"].search(names):
        return slug
    return d.register_country(slug) or slug


def _signing_theme(d: DocContext, cls: str, text: str, trig: re.Match[str]) -> str:
    """An activity's theme; a signing's names the tie it makes when its sentence does
    ("signing the memorandum of understanding (sister city)")."""
    theme = theme_of(d, text, trig.start(), trig.end())
    if cls != "Signing":
        return theme
    # "penandatanganan nota kesepahaman", "signing of the PKS": the type says it is a
    # signing; the theme names what was signed
    theme = _signing_opener().sub("", theme) or theme
    kind = patterns()["twinning_kind"].search(text)
    if kind is None or patterns()["twinning_kind"].search(theme):
        return theme
    return f"{theme} ({kind.group(0)})"


@cache
def _signing_opener() -> re.Pattern[str]:
    """A signing's theme opened by the signing words themselves ("penandatanganan nota
    kesepahaman", "signing of the PKS"), with a determiner after them."""
    words = patterns()["signing_openers"].pattern
    return re.compile(rf"^{words}\s+(?:(?:the|a|an|sebuah)\s+)?(?=\S{{2}})", re.I)


_SIGNED_ON = re.compile(
    r"\b(?:signed|ditandatangani|diteken|penandatanganan)\s+(?:(?:on|in|pada|tanggal|di)\s+)*$",
    re.I,
)
_PAID_ON = re.compile(
    r"(?:\s+(?:kehormatan|kerja|resmi|balasan))?\s+(?:kepada|to|on)\s+(?:the\s+)?"
    # "on East Kalimantan (Kaltim) Deputy Governor …": the place may come before the title
    r"(?:[A-Z][\w-]*\s+){0,3}(?:\([A-Z][\w-]*\)\s+)?(?:Deputy\s+|Vice\s+|Wakil\s+)?"
    r"(?:Wali\s?[Kk]ota|Bupati|Gubernur|Pemkot|Pemkab|Pemprov|Pemerintah|Mayor|Regent|Governor)\b"
)
# "Denpasar hosted the … meeting", "menjadi tuan rumah pertemuan …": a meeting ours hosts
_HOSTED = re.compile(r"\b(?:hosted|hosts|hosting|(?:menjadi|sebagai) tuan rumah)\b", re.I)


@cache
def _active_reception() -> re.Pattern[str]:
    """A verb of an active reception (``active_reception``), not its passive "… by"."""
    verbs = "|".join(relations_lexicon()["active_reception"])
    return re.compile(rf"\b(?:{verbs})\b(?!\s+by\b)", re.I)


def _called_on(r: _Reading, act: Activity, trig: re.Match[str]) -> bool:
    """Whether a visit is paid on a head or a government ("kunjungan kehormatan kepada Wali
    Kota Yogyakarta", "a courtesy call on East Kalimantan Deputy Governor …"); the one of ours
    it names is the one visited (:attr:`DocContext.visited`)."""
    paid = _PAID_ON.match(r.orig, trig.end())
    if paid is None:
        return False
    for m in r.ms:
        if m.start < trig.end() or m.start > paid.end() + 60:
            continue
        gov = r.d.government_of(m)
        if gov and r.d.is_indonesian_lg(gov):
            r.d.visited[id(act)] = gov
            break
        if gov and r.d.ent_type(gov) in LOCAL_GOVERNMENT_TYPES and r.d.is_foreign_actor(gov):
            # "kunjungan kehormatan kepada Wali Kota Osaka": a call ours pays abroad
            if act.location is None:
                act.location = gov
            return False
    return True


_VISIT_NOUN = re.compile(
    r"(?i:kunjungan|lawatan)(?:\s+(?i:kehormatan|kerja|resmi|balasan|persahabatan))?\s*$"
)


def _visit_of_foreigner(r: _Reading, trig: re.Match[str]) -> bool:
    """Whether a visit's noun ("kunjungan kehormatan") is followed by the government abroad
    that pays it, its possessor, in a sentence that names one of ours."""
    if not _VISIT_NOUN.match(trig.group(0)):
        return False
    if patterns()["reception"].search(r.sent.text, max(0, trig.start() - 30), trig.end()):
        return False  # "menerima kunjungan …": a reception, an activity when it is dated
    after = [m for m in r.ms if m.start >= trig.end()]
    gap = r.sent.text[trig.end() : after[0].start] if after else ""
    words = r"kehormatan|kerja|resmi|balasan|persahabatan|pemerintah|delegasi|rombongan|dari"
    if not after or not re.fullmatch(rf"\s*(?:(?i:{words})\s+)*", gap):
        return False
    visitor = r.d.government_of(after[0])
    ours = any(r.d.is_indonesian_lg(m.slug) for m in r.ms)
    return bool(visitor and r.d.is_foreign_actor(visitor) and ours)


def _host(r: _Reading, at: int) -> str | None:
    """The government the sentence names nearest before ``at`` (or whose head it names):
    who receives. "Penang Chief Minister … received a delegation from Medan" is received
    abroad; "… ujar Ade Yasin saat menerima kunjungan Bupati Hamyang" at home."""
    for m in sorted(r.ms, key=lambda m: -m.start):
        if m.start < at and (gov := r.d.government_of(m)):
            return gov
    return None  # none named before: the article's own government receives


#: what may stand between a date and the verb it dates ("yesterday signed", "on Monday
#: formally opened")
_ADVERB_GAP = re.compile(r"\s*(?:(?:officially|formally|jointly|also|then)\s+)*")


#: a day opening the sentence ("On 5 November, both cities opened …")
_OPENING_DAY = re.compile(r"(?:(?:On|Pada|Tanggal)\s+)?")


def _dated_before(r: _Reading, trig: re.Match[str]) -> list[DateSpan]:
    """A date told right before its verb ("the mayors yesterday signed"), or a day opening
    the sentence its verb is the first of: the verb's."""
    return [
        x
        for x in dates_in(r.d, r.orig, 0, trig.start())
        if x.finish <= trig.start()
        and (
            _ADVERB_GAP.fullmatch(r.orig, x.finish, trig.start())
            or (
                x.start.count("-") == 2
                and _OPENING_DAY.fullmatch(r.orig, 0, x.begin)
                and not _triggers_between(r, x.finish, trig.start())
            )
        )
    ]


def _triggers_between(r: _Reading, lo: int, hi: int) -> bool:
    return any(lo <= m.start() < hi for _, m in find_triggers(r.text))


def _origin_recalled(text: str, trig: re.Match[str], span: DateSpan) -> bool:
    """Whether a date after the trigger dates the tie's first signing instead ("signed a
    renewed agreement, extending a relationship first formalised in 1988")."""
    return any(
        re.fullmatch(r"\s*(?:in|on|pada|tahun|pada tahun)?\s*", text[m.end() : span.begin])
        for m in patterns()["first_signed"].finditer(text, trig.end(), span.begin)
    )


def _mark_dateline_dated(r: _Reading, act: Activity, spans: list[DateSpan]) -> None:
    """ "PALANGKA RAYA, Kamis (29/8/2024) – … akan mengikuti pelatihan": an activity dated
    only by the day it was written, until its account tells its own ("berlangsung 2-20
    September")."""
    line = dateline_in(r.sent, with_day=True)
    if spans and line is not None and all(x.finish <= line.end() + 2 for x in spans):
        r.d.dateline_dated.add(id(act))


def _activity_dates(
    r: _Reading, cls: str, lo: int, hi: int, trig: re.Match[str], whole: bool
) -> list[DateSpan]:
    """The dates of the activity a trigger introduces: those of its stretch of the
    sentence (of the whole sentence when ``whole``), best first."""
    d, orig = r.d, r.orig
    seg_dates = dates_in(d, orig, lo, hi) or (dates_in(d, orig) if whole else [])
    if only_vague(seg_dates) and patterns()["future"].search(r.text[:lo]):
        # "akan berkunjung ke Busan tahun depan": a trip to come, only vaguely dated, is a
        # plan, not a trip the text tells
        seg_dates = []
    if cls != "Signing":
        # "during his visit … the Agreement originally signed on 21 August 1990": a date
        # right after a signing word is that signing's, not this activity's
        seg_dates = [x for x in seg_dates if not _SIGNED_ON.search(orig, 0, x.begin)]
    seg_dates = _dated_before(r, trig) + [
        x for x in seg_dates if not _origin_recalled(orig, trig, x)
    ]
    line = dateline_in(r.sent, with_day=True)
    if line is not None and any(x.begin >= line.end() for x in seg_dates):
        # "KITAKYUSHU, 21 May 2024 - … on Monday began a course": the dateline's day is
        # the day of telling; the body's own day is the activity's
        seg_dates = [x for x in seg_dates if x.begin >= line.end()]
    own = [x for x in seg_dates if not x.relative and "," not in orig[trig.end() : x.begin]]
    if own:
        # "renewed it in 2019, so today we are filling …": a "today" of another clause
        # does not date an activity whose own clause gives its date
        seg_dates = [
            x
            for x in seg_dates
            if not (
                x.relative
                and not re.search(r"\d", orig[x.begin : x.finish])  # "today", "kemarin"
                and x.begin > trig.end()
                and "," in orig[trig.end() : x.begin]
            )
        ]
    told = [x for x in seg_dates if _day_of_speaking(orig, x)]
    if told and len(told) < len(seg_dates):
        # "'… renewed it in 2019,' Ndolu said on Tuesday": the day the words were said
        seg_dates = [x for x in seg_dates if x not in told]
    return seg_dates


def _day_of_speaking(text: str, span: DateSpan) -> bool:
    """Whether a date follows a word of speech in its attribution, after the quote
    ("…," Ndolu said on Tuesday; "…," ujar Wahyu, Jumat (9/8))."""
    before = text[max(0, span.begin - 45) : span.begin]
    words = list(patterns()["speech"].finditer(before))
    return bool(words) and not re.search(r"[.;:\"“”]", before[words[-1].end() :])


def _new_activity(
    r: _Reading, cls: str, lo: int, hi: int, trig: re.Match[str], single: bool
) -> Activity | None:
    """The activity a trigger introduces, or None when the text does not tell one."""
    d, orig, text = r.d, r.orig, r.text
    span = orig if single else orig[lo:hi]
    listed = not single and _listed().search(orig, max(0, lo - 14), lo) is not None
    seg_dates = _activity_dates(r, cls, lo, hi, trig, single or listed)
    # a name of its own: two capitalised words that are not known names
    named = bool(
        re.search(
            r"[A-Z][\w&'-]+\s+(?:&\s+)?[A-Z][\w'-]+", theme_of(r.d, text, trig.start(), trig.end())
        )
    )
    evidence: dict[str, object] = {
        "dates": seg_dates,
        "count": participant_count(span),
        "quoted": re.search(r"\"([^\"]{3,80})\"", span),
        "named": named,
        "where": location_of(d, r.sent, r.ms, lo, hi)
        or (location_of(d, r.sent, r.ms) if single or listed else None),
        # a grant's funder abroad makes it an activity though undated
        "funder": _foreign_funder(r, trig.start()) if cls == "Activity" else None,
        # "kunjungan kehormatan Pemerintah Prefektur Ehime": a visit paid by a government
        # abroad named with it, told as made
        "visitor": cls == "Visit"
        and _visit_of_foreigner(r, trig)
        and not patterns()["future"].search(r.text[:lo]),
    }
    actors = [m for m in r.ms if m.type in LOCAL_GOVERNMENT_TYPES or m.type == "Country"]
    if not _is_strong(r, cls, lo, hi, evidence) or not (actors or d.home):
        return None
    if (
        cls == "Visit"
        and non_agent(orig, trig.start(), trig.end())
        and not _OFFICIAL_GROUP.search(orig, 0, trig.start())
    ):
        return None  # a club's, a contingent's or a family's trip: no government's visit
    if cls == "Signing" and signed_by_firms(orig, trig.start()):
        return None  # "A Davao-based company and a Bitung firm inked …": no government's
    if is_headline(d, r.sent) and not seg_dates:
        return None  # a headline restates the article
    if not seg_dates and patterns()["cumulative_openers"].match(orig.lstrip()):
        return None  # "Since then, 150 officials have trained in …": years summed up
    act = Activity(type=cls or "Activity", theme=_signing_theme(d, cls, orig, trig))
    if cls == "Visit" and len(trig.group(0).split()) >= 4:
        # "Bupati Gowa … berada di", "led an entourage of eight officials to": a trip told
        # by a whole clause has no name of its own but the visit it is
        names = relations_lexicon()["visit_name"]
        act.theme = names.get(d.doc.language or "id", names["id"])[0]
    set_dates(act, seg_dates, orig)
    # its length is told near its word ("wrapped up a four-day visit")
    near = max(0, min(lo, trig.start() - 60))
    stretch_stay(act, orig[near : len(orig) if single else hi], trig.start() - near)
    _mark_dateline_dated(r, act, seg_dates)
    act.participant_count = evidence["count"]  # type: ignore[assignment]
    act.location = evidence["where"]  # type: ignore[assignment]
    act.organized_by = venue_body(d, r.sent, r.ms, lo, hi if not single else None)
    act.funded_by = evidence["funder"]  # type: ignore[assignment]
    if named or evidence["quoted"]:
        d.named.add(id(act))
    if (
        cls == "Visit"
        and (
            # "menerima kunjungan delegasi …", "welcomed the Mayor …", "disambut …"
            _active_reception().match(trig.group(0))
            or trig.group(0).lower().startswith("disambut")
            or patterns()["reception"].search(orig, max(0, trig.start() - 30), trig.end())
            # "kunjungan kehormatan kepada Wali Kota Yogyakarta": a call paid on ours
            or _called_on(r, act, trig)
            # "kunjungan kehormatan Pemerintah Prefektur Ehime", told at home: the visit of
            # a government abroad named right after the visit's noun
            or _visit_of_foreigner(r, trig)
        )
    ) or (cls == "Meeting" and _HOSTED.search(orig, max(0, trig.start() - 60), trig.start())):
        # an active reception ("X received …") is told by its host, named before it; a
        # passive one ("disambut Wakil Gubernur …") or a call paid on ours is ours
        active = _active_reception().search(orig, max(0, trig.start() - 30), trig.end() + 12)
        host = _host(r, active.start()) if active else None
        if host is None or d.is_indonesian_lg(host):
            d.received.add(id(act))
        elif act.location is None:
            act.location = host  # received abroad: the visit is made there
    if re.search(
        r"\b(?:sebelumnya|sebelum ini|previously|earlier|sempat)\b", orig[: trig.start()], re.I
    ):
        d.background.add(id(act))
    if _only_planned(orig, trig.start()) or planned_after(orig, trig.end()):
        d.only_planned.add(id(act))
    return act


@cache
def _listed() -> re.Pattern[str]:
    """The end of the words before an item of a list of activities ("yakni pertemuan …,
    kunjungan …, serta promosi …"): a comma, a joining word or a list's opening word
    (``list_opening``). The sentence's date and place are the whole list's."""
    opening = "|".join(sorted(relations_lexicon()["list_opening"], key=len, reverse=True))
    return re.compile(rf"(?:,|\b(?:{opening}|serta|dan|and|&))\s*$", re.I)


# "A delegation of officials and business people …": a government's group, though people
# of other kinds travel with it
_OFFICIAL_GROUP = re.compile(
    r"\b(?:delegasi|delegation|rombongan|utusan|officials|pejabat)\b", re.I
)


def _only_planned(text: str, at: int) -> bool:
    """Whether the clause before a trigger tells it as only planned ("berencana mengirim 20
    ASN …", "plans to send") or asked for ("mengundang Pemkot Bandung untuk menghadiri …").
    A trip announced as coming ("akan berkunjung", "will visit … 3-5 October") is told as
    one that takes place, as readers take it."""
    clause = clause_before(text, at)
    rx = patterns()
    return bool(rx["tentative"].search(clause) or rx["invitation"].search(clause))


def _update_told(r: _Reading, act: Activity, lo: int, hi: int) -> None:
    """What a later sentence adds to an activity told before."""
    # a year alone, told later, is more often background than the activity's date
    told = [x for x in dates_in(r.d, r.orig, lo, hi) if "-" in x.start]
    if id(act) in r.d.dateline_dated and any(x.start.count("-") == 2 for x in told):
        r.d.dateline_dated.discard(id(act))
        act.start = act.end = None
    set_dates(act, told, r.orig)
    _retitle(act, r.orig)
    count = participant_count(r.orig)
    if count is not None and act.participant_count is None:
        act.participant_count = count
    loc = location_of(r.d, r.sent, r.ms)
    if loc and act.location is None:
        act.location = loc


def _complete(r: _Reading, act: Activity) -> None:
    """The programme, participants and organiser a sentence gives an activity."""
    for m in r.ms:
        if m.type == "Programme" and act.part_of is None:
            act.part_of = m.slug
    add_participants(r.d, r.sent, r.ms, act)
    om = patterns()["organised_by"].search(r.text)
    if om and act.organized_by is None:
        org = actor_after(r.d, r.ms, om.end(), r.text)
        if org:
            act.organized_by = org
    if act.led_by is None:
        act.led_by = leader_of(r.d, r.sent, r.ms)


def activities(d: DocContext, sent: Sentence) -> list[Activity]:
    """Activities the sentence introduces or continues; returns those it touched."""
    ms = d.mentions.in_sentence(sent.index)
    asides = person_asides(sent.text)
    # "…, who took up her post in Bali and grew up in Perth, said …": no doer or place
    ms = [m for m in ms if not any(a <= m.start < b for a, b in asides)]
    r = _Reading(d, sent, ms, masked(sent, [m for m in ms if m.type != "Policy"]), sent.text)
    triggers = _triggers_of(r)
    target = activity_target(d, sent)
    touched: list[Activity] = []
    if not triggers and target is None:
        _close_end(r)
        _led_after(r)
        return touched
    ana = patterns()["activity_anaphora"].search(r.orig)
    scene = _scene_before(d, sent)
    if target is not None and ana is not None and _larger_trip(r, triggers, ana, target):
        target = ana = None
    if triggers:
        target, ana = _continuation(r, triggers, target)
    segments = _segments(r, triggers, target, ana)
    single = len(segments) == 1
    made_here: set[int] = set()
    for cls, lo, hi, trig in segments:
        fresh = trig is not None
        if trig is None:
            assert target is not None
            act = target
        else:
            new = _introduced(r, (cls or "Activity", lo, hi, trig), single, touched, target)
            if new is None:
                continue
            act = new
        touched.append(act)
        if not any(e.index == sent.index for e in act.evidence):
            act.evidence.append(Evidence(r.orig, sent.index))
        if not fresh:
            _update_told(r, act, lo, hi)
        _complete(_clause_of(r, segments, lo, hi), act)
        if trig is not None and ana is not None and ana.start() <= trig.start() < ana.end():
            _from_sentence_before(r, act, told=True)
        elif trig is not None and patterns()["tie_anaphora"].search(r.orig, 0, trig.start()):
            # "Kerja sama itu ditandai dengan penandatanganan …": the tie told before
            _from_sentence_before(r, act, told=False)
        if fresh and scene is not None and act is not scene:
            _in_scene(d, act, scene)
        if fresh:
            # two stretches of one sentence tell two events ("launching the Little
            # Bandung, and participating in the Europalia festival"), however alike; a
            # trip told twice is one ("bertandang ke Pontianak, disambut Wali Kota …")
            same = next(
                (
                    o
                    for o in d.ex.activities
                    if (id(o) not in made_here or o.type == "Visit") and same_activity(o, act, d)
                ),
                None,
            )
            if same is not None:
                if act.theme and _told_in_headline_only(d, same):
                    same.theme = act.theme  # a title-case headline names no activity
                absorb(same, act)
                touched[-1] = act = same
            else:
                d.ex.activities.append(act)
                made_here.add(id(act))
        d.current, d.current_sentence = act, sent.index
    return touched


def _larger_trip(
    r: _Reading, triggers: list[Trigger], ana: re.Match[str] | None, target: Activity
) -> bool:
    """ "… usai penandatanganan di Seremban. Kunjungan kerja ke negeri jiran itu berlangsung
    19-21 Februari": a trip named by a demonstrative after an event of another kind, with
    its own days, is the larger trip the event was part of, told now for the first time,
    not that event."""
    if target.type == "Visit":
        return False
    if ana is None:
        # "Kunjungan berlangsung 19-21 Februari": a bare trip word opening the sentence
        trip = triggers[0][0] == "Visit"
    else:
        pointing = relations_lexicon()["demonstratives"]
        trip = ana.group(0).split()[-1].lower() in pointing and any(
            cls == "Visit" and ana.start() <= m.start() < ana.end() for cls, m in triggers
        )
    return trip and bool(find_dates(r.orig, r.d.ref))  # (the dates last: they cost most)


def _introduced(
    r: _Reading,
    segment: tuple[str, int, int, re.Match[str]],
    single: bool,
    touched: list[Activity],
    target: Activity | None,
) -> Activity | None:
    """The activity a trigger introduces; none for a grant told as paying for one told
    ("The exchange … is supported with a grant of 12,000 euros from the City of
    Braunschweig"), whose funder that one takes."""
    cls, lo, hi, trig = segment
    if cls == "Activity" and _support_of(r.orig, trig.start()):
        paid = _paid_for(r.d, r.sent, touched, target)
        if paid is not None:
            if paid.funded_by is None:
                paid.funded_by = _foreign_funder(r, trig.start())
            return None
    return _new_activity(r, cls, lo, hi, trig, single)


def _paid_for(
    d: DocContext, sent: Sentence, touched: list[Activity], target: Activity | None
) -> Activity | None:
    """The activity a grant told with words of support pays for: the one the sentence
    told or goes on about, else the one told a few sentences before."""
    if touched:
        return touched[-1]
    if target is not None:
        return target
    return d.current if d.current is not None and sent.index - d.current_sentence <= 3 else None


def _support_of(text: str, at: int) -> bool:
    """Whether a grant's word at ``at`` follows a word of support ("supported with a grant",
    "didanai dengan hibah"): the grant is how an activity told is paid for."""
    return bool(
        patterns()["supported_with"].search(" ".join(text[max(0, at - 40) : at].split()[-4:]))
    )


def _scene_before(d: DocContext, sent: Sentence) -> Activity | None:
    """The activity the sentence before told, when this one opens "there" or "during the
    visit" (``scene_continuation``)."""
    if d.current is None or sent.index != d.current_sentence + 1:
        return None
    at = len(sent.text) - len(sent.text.lstrip())
    opener = patterns()["scene_openers"].match(sent.text, at)
    if opener:
        at = len(sent.text) - len(sent.text[opener.end() :].removeprefix(",").lstrip())
    return d.current if patterns()["scene_continuation"].match(sent.text, at) else None


def _in_scene(d: DocContext, act: Activity, scene: Activity) -> None:
    """ "… berada di Kota Gwangju pada Selasa (7/5/2024). Di sana ia menandatangani …": an
    activity told there takes place where and when the one before did, by its doers of
    ours, unless it gives its own."""
    if act.location is None:
        act.location = scene.location
    if act.start is None:
        act.start, act.end = scene.start, scene.end
    for p in scene.participants:
        if d.is_indonesian_lg(p) and p not in act.participants:
            act.participants.append(p)


def _clause_of(r: _Reading, segments: list[Segment], lo: int, hi: int) -> _Reading:
    """The reading of one stretch when the sentence tells two activities in clauses of
    their own ("… dengan Kyoto …, sedangkan MoU dengan Provinsi Gyeonggi …"): its names,
    and the ones before the first stretch (the doer of both)."""
    if len(segments) == 1 or not _CLAUSE_BREAK.search(r.text):
        return r
    first = segments[0][1]
    return replace(r, ms=[m for m in r.ms if lo <= m.start < hi or m.start < first])


def _from_sentence_before(r: _Reading, act: Activity, told: bool) -> None:
    """ "… menerima kunjungan delegasi Kota Ichikawa. Pertemuan itu digelar … pada Selasa":
    an activity first told by an anaphor is the one the sentence before told (``told``),
    or the act of the tie it told; it takes the participants that sentence names."""
    before = next((s for s in r.d.sentences if s.index == r.sent.index - 1), None)
    if before is None:
        return
    ms = r.d.mentions.in_sentence(before.index)
    if not ms or (
        told and not _triggers_of(_Reading(r.d, before, ms, masked(before, ms), before.text))
    ):
        return  # ``told``: the sentence before tells an activity (else a tie)
    add_participants(r.d, before, ms, act)
    act.evidence.insert(0, Evidence(before.text, before.index))
    bare = re.match(r"(\w+)\s+(?:itu|tersebut|ini)\b", act.theme or "")
    if bare:
        act.theme = bare.group(1)  # "Pertemuan itu digelar": the meeting


def absorb(into: Activity, other: Activity) -> None:
    """Merge a second account of the same activity into the first."""
    if (
        (into.start is None and other.start)
        # the day told first falls within the stay told after it: the stay is the activity's
        or (into.end is None and stay_holds(other.start, other.end, into.start))
        # "signed … this week" told again as "Tuesday, April 9: … signed": the day within
        or (
            into.end is None
            and into.start is not None
            and other.start is not None
            and into.start.count("-") < other.start.count("-")
            and other.start.startswith(into.start)
        )
    ):
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


def _told_in_headline_only(d: DocContext, act: Activity) -> bool:
    """Whether only the article's title-case headline tells the activity so far: its
    capitalised words ("Governor Goes to Russia Today") are no event's name."""
    return bool(act.evidence) and all(
        e.index < len(d.sentences)
        and is_headline(d, d.sentences[e.index])
        and titlecase(d.sentences[e.index].text)
        for e in act.evidence
    )


def is_headline(d: DocContext, sent: Sentence) -> bool:
    """Whether the sentence is the article's title (restated in scraped text)."""
    title = " ".join((d.doc.title or "").split()).casefold()
    text = " ".join(sent.text.split()).casefold()
    if not title:
        # a text without its title apart: its first line, in title case, with no stop
        return sent.index == 0 and titlecase(sent.text) and not sent.text.rstrip().endswith(".")
    return text == title or (sent.index <= 1 and text.startswith(title[:40]))


STOPOVER = re.compile(
    r"\b(?:via|melalui|transit(?:\s+di)?|singgah(?:\s+di)?)\s+(?:kota\s+)?$", re.I
)
ALONG = re.compile(r"\b(?:dan|and|serta|jajaran|beserta)\b", re.I)
GIVER = re.compile(r"\b(?:by|oleh|dari|from)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
FROM = re.compile(r"\b(?:dari|from|of)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)


_WITH_BEFORE = re.compile(r"\b(?:dengan|with)\s+(?:the\s+)?$", re.I)
_WITH_BEFORE_ANY = re.compile(
    r"\b(?:dengan|with|bersama|together with|along with|and|dan)\s+(?:the\s+)?$", re.I
)
_GOVERNMENT_SURFACE = re.compile(r"^(?i:pemerintah(?:an)?)\b|\b(?i:government)$")


@cache
def _as_government() -> re.Pattern[str]:
    """ "delegasi Pemerintah Jerman", "a delegation of the German government": the words
    before a state named as the government whose people come (state_as_government)."""
    words = "|".join(relations_lexicon()["state_as_government"])
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?$", re.I)


def _government_participant(sent: Sentence, m: Mention) -> str | None:
    """A government named in an activity's sentence, unless only a stop, a dateline, an
    envoy's seat or where an unnamed city lies."""
    text = sent.text
    if STOPOVER.search(text[: m.start]):
        return None  # a stop on the way, not a participant
    dateline = dateline_in(sent, with_day=True)
    if dateline and m.end <= dateline.end():
        return None  # "JAKARTA, KOMPAS.com -" says where the news was written
    if seat_of_mission(text, m.start, missions=False):
        return None  # "Konsul Jenderal Jepang di Surabaya": where the envoy sits
    if place_of_telling(sent, m):
        return None  # "… berlangsung di Kantor Gubernur Kaltim, Samarinda, Kamis (23/5)"
    if m.type != "CityGovernment" and place_of_unnamed(text, m.start):
        return None  # "… dengan kota yang terletak di negara bagian Australia Barat"
    return m.slug


def _office_of(d: DocContext, surface: str) -> str | None:
    """The government of ours an office is of, named at the end of its name ("Dinas
    Lingkungan Hidup Kota Surabaya" is Kota Surabaya's)."""
    words = surface.split()
    if len(words) < 3 or not re.match(rf"(?:{_office_heads()})\b", surface):
        return None
    for k in (4, 3, 2):
        rec = d.gaz.lookup(" ".join(words[-k:])) if len(words) > k else None
        # a government the document names as one of its entities (the office's own name
        # holds it, so it is read as one unless the office swallowed every mention)
        if rec is not None and rec.id in d.mentions.entities and d.is_indonesian_lg(rec.id):
            return rec.id
    return None


@cache
def _office_heads() -> str:
    return "|".join(sorted(relations_lexicon()["local_offices"], key=len, reverse=True))


def _signed_after(text: str, at: int) -> bool:
    """Whether a signing verb follows offset ``at`` in its clause, a few words on."""
    sign = patterns()["signing"].search(text, at, at + 40)
    return sign is not None and not re.search(r"[.;,]", text[at : sign.start()])


_AT_BEFORE = re.compile(r"\b(?:di|in|at|ke|to)\s+(?:the\s+)?$", re.I)


def _doer_at_home(text: str, m: Mention) -> bool:
    """Whether a government the activity is held at is named as a doer too, not as the
    place ("40 aparatur Pemerintah Kota Balikpapan mengikuti lokakarya … di Balikpapan")."""
    return bool(_government_surface_of(m)) and not _AT_BEFORE.search(
        text, max(0, m.start - 12), m.start
    )


def _government_surface_of(m: Mention) -> bool:
    """Whether a government is named by its own form ("Pemkot Balikpapan", "Kabupaten
    Sleman", "Surabaya City Government"), not by its town's name alone."""
    return bool(_government_named().search(m.surface))


@cache
def _government_named() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(government_head_words())}|Government)\b")


def _participant(d: DocContext, sent: Sentence, m: Mention, act: Activity) -> str | None:
    """The participant a mention gives an activity, if any."""
    text = sent.text
    if m.type in LOCAL_GOVERNMENT_TYPES and (m.slug != act.location or _doer_at_home(text, m)):
        return _government_participant(sent, m)
    if m.type == "Person":
        return d.heads.get(m.slug) or d.officials_abroad.get(m.slug)
    country = d.mentions.entities[m.slug].country
    if m.slug in d.mentions.assemblies:
        return m.slug  # "Rombongan DPRD Kabupaten Sleman melakukan kunjungan kerja ke …"
    if m.type == "Organization" and country in (None, HOME_COUNTRY):
        office_of = _office_of(d, m.surface)
        if office_of is not None:
            return office_of  # "40 pegawai Dinas Lingkungan Hidup Kota Surabaya"
        return m.slug if ALONG.search(text[max(0, m.start - 25) : m.start]) else None
    if m.type == "Organization":
        # the delegation of a body of a state abroad ("delegasi Kementerian Luar Negeri
        # Jerman"), not a venue's or a giver's name; a mission stands for its country, as
        # it does as a partner; the body a signing is made with signs too
        # ("… dengan GIZ"), or with ours before the verb ("The Semarang City Government
        # and GIZ signed …")
        signs_with = act.type == "Signing" and (
            _WITH_BEFORE.search(text[max(0, m.start - 12) : m.start])
            or (
                _WITH_BEFORE_ANY.search(text[max(0, m.start - 20) : m.start])
                and _signed_after(text, m.end)
            )
        )
        if not signs_with and not _as_government().search(text[max(0, m.start - 40) : m.start]):
            return None
        if patterns()["missions"].match(m.surface) and country in d.mentions.entities:
            return country
        return m.slug
    if m.type == "InternationalOrganization":
        # a city network or a UN body meeting ours; not one an award or a grant is from
        before = text[max(0, m.start - 40) : m.start]
        # "tiga negara ASEAN": the body only names which countries
        members = rf"(?:{patterns()['members_of'].pattern})\s+$"
        if GIVER.search(before) or re.search(members, before, re.I):
            return None
        return m.slug
    if m.type == "Country" and m.slug not in (HOME_COUNTRY, act.location):
        before = text[max(0, m.start - 40) : m.start]
        # "delegasi Australia", "from Japan", "a Malaysian delegation": its people take part
        delegation = re.search(r"\b(?i:delegation|delegates)$", m.surface) or re.search(
            r"\b(?i:delegasi|rombongan|delegation(?: of| from)?)\s+(?:the\s+)?$", before
        )
        if delegation:
            d.state_delegations.add(m.slug)
        # "bersama Pemerintah Australia", "with the Japanese Government": the state's
        # government itself, named as one doing the activity with ours
        as_itself = _GOVERNMENT_SURFACE.search(m.surface) and _WITH_BEFORE_ANY.search(before)
        taking_part = (
            FROM.search(before) or _as_government().search(before) or delegation or as_itself
        )
        return m.slug if taking_part else None
    return None


def add_participants(d: DocContext, sent: Sentence, ms: list[Mention], act: Activity) -> None:
    """The governments (and organisations, and countries people come from) that take part
    in an activity, as one sentence tells them."""

    def add(slug: str | None) -> None:
        if slug and slug not in act.participants:
            act.participants.append(slug)

    # "Pertemuan tersebut membahas … rute penerbangan Pontianak-Kuching": what was talked
    # about names no one taking part
    topic = (
        patterns()["topic_verbs"].search(sent.text) if act.type in ("Meeting", "Visit") else None
    )
    if topic is not None:
        ends = re.compile(r"[,;]").search(sent.text, topic.end())
        stop = ends.start() if ends else len(sent.text)
        ms = [m for m in ms if not topic.end() <= m.start < stop]
    subj = subject_of(d, sent, ms, strict=True)
    if subj and (subj != act.location or _hosts_as_subject(sent, ms, subj)):
        add(subj)
    if patterns()["both"].search(sent.text) or re.search(
        r"\bkedua (?:wali ?kota|bupati|gubernur)|both mayors", sent.text, re.I
    ):
        # "dilakukan kedua wali kota": the two partners of the article's partnership
        active = [q for q in d.ex.qualified if q.kind == "Partnership" and q.status == "active"]
        if len(active) == 1:
            for end in active[0].ends:
                add(end)
    venues: set[str] = set()
    doers: set[str] = set()  # named as doers too, not only as where
    stops = further_stops(sent.text, ms, act.location)
    for m in ms:
        if not m.qualifier and m.slug not in stops and not _tie_apposition(sent.text, ms, m):
            slug = _participant(d, sent, m, act)
            add(slug)
            if slug and after_locative(sent.text, m.start):
                venues.add(slug)
            elif slug:
                doers.add(slug)
    venues -= doers
    # "the Governor of Bali welcomed the Premier in Denpasar": a city of ours after "in",
    # with another government of ours taking part, is where, not who
    ours = [p for p in act.participants if not d.is_foreign_actor(p)]
    if any(p not in venues for p in ours):
        act.participants = [p for p in act.participants if p not in venues or p == subj]
    # "Gubernur … menerima kunjungan Duta Besar Jepang": the envoy's country takes part
    # (a sentence with national officials gives no activity at all: "… Sekretaris Kabinet")
    envoy = envoys_country(d, sent.text, ms)
    if envoy and envoy != act.location:
        add(envoy)


def _hosts_as_subject(sent: Sentence, ms: list[Mention], subj: str) -> bool:
    """Whether the activity's place is also its subject, named as the doer, not as where
    ("The Semarang City Government and GIZ signed … at Semarang City Hall", "The City of
    Greater Geelong hosted a delegation …"): a host takes part."""
    named = [m for m in ms if m.slug == subj]
    # and no other place it is held in ("Ambon: Signing … in Ambon, … in Darwin")
    elsewhere = any(
        m.slug != subj and m.type in LOCAL_GOVERNMENT_TYPES and after_locative(sent.text, m.start)
        for m in ms
    )
    return bool(named) and not after_locative(sent.text, named[0].start) and not elsewhere


@cache
def _tie_apposition_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = relations_lexicon()
    before = "|".join(data["tie_apposition_before"])
    after = "|".join(data["tie_apposition_after"])
    return (
        re.compile(rf"\s*,\s*(?:(?i:{before})\s+)?"),
        re.compile(rf"(?i:nya)?(?:\s+(?i:{after}))*\s*"),
    )


def _tie_apposition(text: str, ms: list[Mention], m: Mention) -> bool:
    """Whether ``m`` is named only as the partner of the government before it, in an
    apposition ("di Palu, kota kembar Gifu", "in Palu, whose sister city is Gifu"): it
    tells who the other is, not who takes part."""
    before = [x for x in ms if x.end <= m.start and x.type in LOCAL_GOVERNMENT_TYPES]
    if not before:
        return False
    gap = text[before[-1].end : m.start]
    tie = patterns()["twinning_kind"].search(gap)
    lead, tail = _tie_apposition_words()
    return bool(tie and lead.fullmatch(gap[: tie.start()]) and tail.fullmatch(gap[tie.end() :]))


_STOP_JOIN = re.compile(
    r"\s*(?:,\s*(?:(?:dan|and|serta|&)\s+)?|\s(?:dan|and|serta|&)\s+)(?:(?i:kota|city of)\s+)?"
)


@cache
def _gone_to() -> re.Pattern[str]:
    """The words right before the place a trip goes to or an activity is held in
    (``place_words``: "ke", "to", "visited", "di")."""
    return re.compile(rf"\b(?i:{place_words()})\s+(?i:kota\s+|city of\s+|the\s+)?$")


def further_stops(text: str, ms: list[Mention], location: str | None) -> set[str]:
    """The places listed right after an activity's place, joined to it by commas and
    "dan"/"and" ("mengunjungi Busan serta Changwon", "visited Toronto, Ottawa and
    Vancouver"): further stops of the same trip, no participants of it."""
    if location is None:
        return set()
    places = sorted(
        (m for m in ms if m.type in LOCAL_GOVERNMENT_TYPES or m.type == "Country"),
        key=lambda m: m.start,
    )
    at = next(
        (
            i
            for i, m in enumerate(places)
            if m.slug == location and _gone_to().search(text, max(0, m.start - 30), m.start)
        ),
        None,
    )
    if at is None:
        return set()
    stops: set[str] = set()
    last = places[at]
    for m in places[at + 1 :]:
        if m.qualifier:
            continue  # "Busan, Korea Selatan, dan Changwon": the country only locates Busan
        if not _STOP_JOIN.fullmatch(text[last.end : m.start]):
            break
        stops.add(m.slug)
        last = m
    return stops - {location}


@cache
def _named_after() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = relations_lexicon()
    before = "|".join(data["event_name_before"])
    after = "|".join(data["event_name_after"])
    tie = "|".join([*data["twinning_kind"], *data["tie_nouns"]])
    return (
        re.compile(rf"\b(?:{before})(?:\s+[A-Z][\w'-]*){{0,2}}\s+$"),
        re.compile(rf"\s+(?:[A-Z][\w'-]*\s+)?(?:{after})\b"),
        # "sister city Bandung-Braunschweig", "the ties between Denpasar and Fremantle"
        re.compile(
            rf"\b(?i:{tie})\s+(?:(?i:antara|between)\s+)?"
            r"(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s*(?:-|–|\s(?:dan|and)\s)\s*)?$"
        ),
    )


def _only_named(text: str, m: Mention) -> bool:
    """Whether a government is only named where an event is told: in the event's own
    name ("Festival Budaya Braunschweig", "Fremantle Week") or in the name of a tie
    ("memperingati hubungan sister city Bandung-Braunschweig")."""
    before, after, tie = _named_after()
    lead = text[max(0, m.start - 60) : m.start]
    return bool(before.search(lead) or after.match(text, m.end) or tie.search(lead))


def _named_doers(d: DocContext, act: Activity) -> set[str]:
    """The governments an activity's sentences name as doers, directly or by their head;
    not one only named in an event's or a tie's name (a signing's parties sign)."""
    out: set[str] = set()
    for ev in act.evidence:
        sent = d.sentences[ev.index]
        for m in d.mentions.in_sentence(ev.index):
            if act.type != "Signing" and _only_named(sent.text, m):
                continue
            if is_actor(sent, m, origin=True):
                out.add(m.slug)
            if m.slug in d.heads:
                out.add(d.heads[m.slug])
    return out


def _without_expansions(text: str) -> str:
    """A text without its spelt-out acronyms ("Aparatur Sipil Negara (ASN)")."""

    def drop(m: re.Match[str]) -> str:
        words, acronym = m.group(1).split(), m.group(2)
        initials = "".join(w[0] for w in words[-len(acronym) :])
        if len(words) < len(acronym) or initials != acronym:
            return m.group(0)
        return " ".join(words[: -len(acronym)]) + " "

    return re.sub(r"((?:[A-Z][\w-]*\s+)+)\(([A-Z]{2,6})\)", drop, text)


def _programme_theme(d: DocContext, act: Activity) -> None:
    """An activity told only by a common word ("peningkatan kapasitas ASN") under a named
    programme takes the programme's name as its theme ("Dutch Training and Exposure
    Program")."""
    if not act.part_of or re.search(r"\b[A-Z][a-z]", _without_expansions(act.theme or "X")):
        return
    if len(_without_expansions(act.theme or "").split()) >= 4:
        return  # "pelatihan pengendalian kebakaran hutan dan lahan": a topic of its own
    ent = d.mentions.entities.get(act.part_of)
    name = ent and (ent.labels.get("en") or ent.labels.get("id") or ent.labels.get("und"))
    if name and len(name.split()) > 1:
        act.theme = name


def _signed_in_person(d: DocContext, act: Activity, p: str) -> bool:
    """Whether a government abroad came to one of ours for a signing there: its head is
    named in the signing's account ("signed by … and Gold Coast Mayor Tom Tate … in
    Makassar"), and the account tells no signing at a distance (online, by video)."""
    if act.location is None or not d.is_indonesian_lg(act.location):
        return False
    sentences = [d.sentences[ev.index].text for ev in act.evidence]
    if any(patterns()["remote"].search(t) for t in sentences):
        return False
    return any(
        m.type == "Person" and d.heads.get(m.slug) == p
        for ev in act.evidence
        for m in d.mentions.in_sentence(ev.index)
    )


def _hosts(d: DocContext, act: Activity) -> bool:
    """Whether the government where an activity takes place takes part in it: one of ours
    hosting it (unless another of ours takes part: "the Governor of Bali welcomed the
    Premier in Denpasar"), or a partner of a participant; a city abroad that is only the
    venue of others' signing ("berlangsung di Vladivostok") does not."""
    where = act.location
    if where is None:
        return True
    if d.is_indonesian_lg(where):
        return not any(p != where and d.is_indonesian_lg(p) for p in act.participants)
    return any(
        q.kind == "Partnership" and where in q.ends and set(q.ends) & set(act.participants)
        for q in d.ex.qualified
    )


def _between_two_of_ours(d: DocContext, act: Activity) -> bool:
    """An activity of a tie between two governments of ours ("penandatanganan perjanjian
    kerja sama Kota Batu dan Kabupaten Kulon Progo", a working visit of one to the other):
    two of them take part or host it, one named as a doer, and its account speaks of a tie."""
    ours = {x for x in (act.location, *act.participants) if x and d.is_indonesian_lg(x)}
    doers = _named_doers(d, act) - {act.location}
    if len(ours) < 2 or not ours & doers:
        return False
    rx = patterns()
    return any(
        rx["domestic_cooperation"].search(e.sentence) or rx["partnership"].search(e.sentence)
        for e in act.evidence
    )


def _date_by_speech(d: DocContext, act: Activity) -> None:
    """An activity its account leaves undated takes the day a speaker of the account spoke
    (in its sentence or the next two), unless it was told as background."""
    if act.start is not None or id(act) in d.background or not act.evidence:
        return
    first = act.evidence[0].index
    for sent in d.sentences[first : first + 3]:
        day = spoken_on(d, sent.text)
        if day is not None:
            act.start = day.start
            return


def _state_delegations(d: DocContext, act: Activity) -> None:
    """A state named as a delegation taking part in an activity at one of ours ("Gubernur
    NTB menerima delegasi Australia", "a Malaysian delegation paid a call on …") sends it
    to that government."""
    where = d.visited.get(id(act)) or act.location
    if where is None or not d.is_indonesian_lg(where):
        return
    for p in act.participants:
        if p in d.state_delegations and p != HOME_COUNTRY:
            d.add_fact(p, "sendsDelegationTo", where, d.sentences[act.evidence[0].index])


def _visited(d: DocContext, place: str) -> str:
    """Where a delegation goes: a city the text names only as a venue ("presentasi di
    Melbourne"), no government it deals with, stands for its country."""
    if not d.mentions.venue_only(place):
        return place
    return d.register_country(place) or place


_ITEM_BRACKET = re.compile(r"[^()]{0,80}?\(([^()]{4,80})\)")


def _own_list_item(d: DocContext, act: Activity) -> None:
    """ "… Wuhu City (a friendship city - April 19, 1985), Kitami City (… April 28, 1986),
    and Surabaya (a sister city - April 17, 1997)": in a list whose items carry their own
    dated brackets, an activity of ours is the one its own item dates; the other items'
    towns and countries take no part in it."""
    if not act.evidence:
        return
    sent = d.sentences[act.evidence[0].index]
    # the items: the participants' mentions (places that only locate them lie between)
    ms = [m for m in d.mentions.in_sentence(sent.index) if m.slug in act.participants]
    dated: dict[str, list[DateSpan]] = {}
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        bracket = _ITEM_BRACKET.match(sent.text, m.end)
        if bracket is None or (nxt is not None and nxt.start < bracket.start(1)):
            continue
        spans = find_dates(bracket.group(1), d.ref)
        if spans:
            dated[m.slug] = spans
    ours = [p for p in dated if d.is_indonesian_lg(p)]
    if len(dated) < 2 or len(ours) != 1:
        return
    others = set(dated) - set(ours)
    act.start, act.end = dated[ours[0]][0].start, dated[ours[0]][0].end
    act.participants = [p for p in act.participants if p not in others]
    if act.location is not None and act.location not in act.participants:
        act.location = None


def _first_signing_recalled(d: DocContext, act: Activity) -> bool:
    """ "The Sister State relationship, which was first signed in September 1991": a tie's
    first signing, years before the article, recalled as its start (``first_signed``)."""
    if act.type != "Signing" or not act.evidence or d.ref is None or act.start is None:
        return False
    if not patterns()["first_signed"].search(act.evidence[0].sentence):
        return False
    return int(act.start[:4]) < d.ref.year - 1


def _held_at_host(d: DocContext, act: Activity) -> None:
    """A visit ours receives or a meeting ours hosts, with no place told, is held where
    ours is ("kunjungan kehormatan Pemerintah Prefektur Ehime" told by Gorontalo's
    governor), dated or not."""
    if act.location is None and id(act) in d.received:
        hosts = [p for p in act.participants if d.is_indonesian_lg(p)]
        if len(hosts) == 1 and any(d.is_foreign_actor(p) for p in act.participants):
            act.location = hosts[0]


def _during_trip(d: DocContext, act: Activity) -> None:
    """An activity with no place told, on a day inside the stay of a visit abroad by one
    of its doers ("… berkunjung ke Belanda, 11-20 Mei … memberi kuliah tamu pada 17 Mei"),
    happens on that trip: where the visit was."""
    if act.location is not None:
        return
    ours = {p for p in act.participants if d.is_indonesian_lg(p)}
    for trip in d.ex.activities:
        if (
            trip is not act
            and trip.type == "Visit"
            and trip.location
            and d.is_foreign_actor(trip.location)
            and stay_holds(trip.start, trip.end, act.start)
            and ours & set(trip.participants)
        ):
            act.location = trip.location
            return


def finish_activities(d: DocContext) -> None:
    keep = []
    for act in d.ex.activities:
        _date_by_speech(d, act)
        _held_at_host(d, act)
        _during_trip(d, act)
        if (
            act.start is None
            and act.participant_count is None
            and act.location is None
            and not act.part_of
            # "pelatihan … yang diselenggarakan oleh Kementerian Luar Negeri Singapura"
            and not act.organized_by
            and not act.funded_by
        ):
            continue
        # only activities with a foreign side belong to the partnership graph: held abroad,
        # with a foreign participant, or under, by or paid by a foreign actor or programme
        ours_taking_part = any(d.is_indonesian_lg(p) for p in act.participants)
        foreign_side = (
            # a programme the gazetteer lists (SCP, JENESYS …), not any name ending in
            # "Initiative" or "Program" found in the text
            bool(act.part_of and act.part_of in d.mentions.records)
            or any(
                x and d.is_foreign_actor(x) for x in (act.location, act.organized_by, act.funded_by)
            )
            or any(
                d.is_foreign_actor(p)
                # a city network or a UN body meeting ours counts only with one of ours
                # taking part, not one that is only the venue's government
                and (d.ent_type(p) != "InternationalOrganization" or ours_taking_part)
                for p in act.participants
            )
        )
        if not foreign_side and not _between_two_of_ours(d, act):
            continue
        # nor to it without one of ours: "Kalymnos: signing 23 April 1982 in Darwin" on a
        # page about Darwin's sister cities is Darwin's activity, not one of ours
        ours = [act.location, act.organized_by, act.funded_by, *act.participants]
        if not any(x and (d.is_indonesian_lg(x) or x in d.mentions.assemblies) for x in ours):
            continue
        if _first_signing_recalled(d, act):
            continue
        _own_list_item(d, act)
        _programme_theme(d, act)
        # who pays for or runs an activity is not one of its participants
        act.participants = [
            p for p in act.participants if p not in (act.funded_by, act.organized_by)
        ]
        if (
            act.location
            and d.ent_type(act.location) in LOCAL_GOVERNMENT_TYPES
            and act.location not in act.participants
            and _hosts(d, act)
        ):
            act.participants.append(act.location)
        if id(act) in d.only_planned and act.start is None:
            continue  # "berencana mengirim 20 ASN ke Jepang untuk pelatihan": a plan
        if act.location and id(act) not in d.only_planned and not _yet_to_come(d, act):
            _delegations(d, act, act.location)  # a planned trip sends nobody
        _programme_participants(d, act)
        keep.append(act)
    d.ex.activities = keep


def _yet_to_come(d: DocContext, act: Activity) -> bool:
    """Whether the activity is dated after the article's own time ("at the George Town
    Festival next year"): a plan, which sends nobody yet."""
    if act.start is None or d.now is None:
        return False
    return act.start > d.now.isoformat()[: len(act.start)]


def _programme_participants(d: DocContext, act: Activity) -> None:
    """ "… mengikuti pelatihan di Singapura … Pelatihan ini merupakan bagian dari SCP": a
    government of ours taking part in an activity of a programme takes part in it."""
    if not act.part_of or d.ent_type(act.part_of) != "Programme" or not act.evidence:
        return
    told = d.sentences[act.evidence[-1].index]
    for p in act.participants:
        if d.is_indonesian_lg(p):
            d.take_part(p, act.part_of, told, told.text)


def _delegations(d: DocContext, act: Activity, location: str) -> None:
    """A participant abroad is a delegation to that place, when the account names it (or
    its head) as a doer: the article's government by default sends nobody."""
    _state_delegations(d, act)
    named = _named_doers(d, act)
    for p in act.participants:
        if p == location or d.ent_type(p) not in LOCAL_GOVERNMENT_TYPES or p not in named:
            continue
        if location == HOME_COUNTRY:
            continue
        if act.type == "Signing" and not _signed_in_person(d, act, p):
            continue  # a signing may be done apart, each in its own city
        if d.country_of(p) != d.country_of(location):
            d.add_fact(
                p,
                "sendsDelegationTo",
                d.visited.get(id(act)) or _received_by(d, act, location) or _visited(d, location),
                d.sentences[act.evidence[0].index],
            )


def _received_by(d: DocContext, act: Activity, location: str) -> str | None:
    """A visit one of ours receives in a town inside its own territory ("Gubernur Kaltim
    menerima lawatan Gubernur Sabah di Samarinda") is paid on the host, not on the town."""
    if id(act) not in d.received:
        return None
    hosts = [
        p
        for p in act.participants
        if p != location and d.is_indonesian_lg(p) and d.lies_in(location, p)
    ]
    return hosts[0] if len(hosts) == 1 else None
