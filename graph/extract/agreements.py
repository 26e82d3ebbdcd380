"""Agreements as first-class facts: LoIs, MoUs, sister-city charters, implementing
arrangements (PKS) and renewals, with their parties, signatories, date and place of
signing, validity and scope.

Runs after :func:`graph.extract.rules.extract` on a document that states something (and
only when the text names an agreement, so most news costs one regular-expression
search). It reuses what the rules found: the document's partnership pairs give the
parties, its ``Signing`` activities the date and place, the mentions the signatories. The
words are data in ``graph/lexicon/agreements.yaml``.

One agreement is reported once per document: every sentence of the document naming an
agreement of the same kind is evidence of the same one, unless two dates of signing
tell them apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from graph.extract.dates import find_dates, reference_date
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES, Gazetteer, default_gazetteer
from graph.extract.mentions import DocumentMentions, find_mentions
from graph.extract.numbers import word_value
from graph.model import Activity, Agreement, Document, Evidence, Extraction
from graph.resources import load_yaml
from graph.sources.text import Sentence, clean, split_sentences

KINDS = ("renewal", "LoI", "PKS", "charter", "MoU")
ACTOR_TYPES = frozenset(
    {*LOCAL_GOVERNMENT_TYPES, "Country", "Organization", "InternationalOrganization"}
)
SIGNING_WINDOW = 2  # sentences after an agreement's that may name its signing


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Lexicon:
    any_kind: re.Pattern[str]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    signing: re.Pattern[str]
    valid_years: tuple[re.Pattern[str], ...]
    valid_until: re.Pattern[str]
    themes: tuple[tuple[str, re.Pattern[str]], ...]
    scope: re.Pattern[str]
    expired: re.Pattern[str]
    negated: re.Pattern[str]
    dormant_after_years: int


@cache
def lexicon() -> _Lexicon:
    data = load_yaml("agreements.yaml")
    kinds = tuple(
        (kind, re.compile(rf"(?<!\w)(?:{_alt(data['kinds'][kind])})(?!\w)", re.I)) for kind in KINDS
    )
    everything = [w for kind in KINDS for w in data["kinds"][kind]]
    return _Lexicon(
        any_kind=re.compile(rf"(?<!\w)(?:{_alt(everything)})(?!\w)", re.I),
        kinds=kinds,
        signing=re.compile(rf"(?<!\w)(?:{_alt(data['signing'])})(?!\w)", re.I),
        valid_years=tuple(re.compile(p, re.I) for p in data["valid_years"]),
        valid_until=re.compile(
            rf"(?:{_alt(data['valid_until'])})(?:\w+ )?(?P<y>(?:19|20)\d\d)\b", re.I
        ),
        themes=tuple(
            (name, re.compile(rf"(?<!\w)(?:{_alt(words)})(?!\w)", re.I))
            for name, words in data["themes"].items()
        ),
        scope=re.compile(rf"(?<!\w)(?:{_alt(data['scope_cues'])})(?!\w)", re.I),
        expired=re.compile(rf"(?<!\w)(?:{_alt(data['expired'])})(?!\w)", re.I),
        negated=re.compile(rf"(?<!\w)(?:{_alt(data['negations'])})\s+(?:\w+\s+)?$", re.I),
        dormant_after_years=int(data.get("dormant_after_years", 5)),
    )


def names_agreement(text: str) -> bool:
    """Whether a text names an agreement at all (the cheap test before the rest).

    >>> names_agreement("Kedua kota meneken nota kesepahaman."), names_agreement("Hujan deras.")
    (True, False)
    """
    return lexicon().any_kind.search(text) is not None


def kind_of(sentence: str) -> str | None:
    """The kind of agreement a sentence names (``None`` when it names none).

    >>> kind_of("They signed a new MoU."), kind_of("Surat pernyataan kehendak (LoI) diteken.")
    ('renewal', 'LoI')
    """
    for kind, pattern in lexicon().kinds:
        if any(not _denied(sentence, m.start()) for m in pattern.finditer(sentence)):
            return kind
    return None


def _denied(sentence: str, at: int) -> bool:
    """Whether the words just before ``at`` deny what follows ("belum", "has not")."""
    return lexicon().negated.search(sentence[max(0, at - 24) : at]) is not None


def expiry(sentence: str, ref: dt.date | None = None) -> tuple[bool, str | None]:
    """Whether a sentence states that an agreement has ended, and the end it dates.

    >>> expiry("Nota kesepahaman itu telah berakhir pada 2020.")
    (True, '2020')
    >>> expiry("The MoU lapsed last November.", dt.date(2023, 3, 10))
    (True, '2022-11')
    >>> expiry("Masa berlakunya belum berakhir."), expiry("The MoU has not expired.")
    ((False, None), (False, None))
    """
    for m in lexicon().expired.finditer(sentence):
        if _denied(sentence, m.start()):
            continue
        spans = find_dates(sentence, ref)
        after = [d for d in spans if d.begin >= m.start()]
        before = [d for d in spans if d.begin < m.start()]
        if after:
            return True, after[0].start
        if before and not lexicon().signing.search(sentence):
            return True, before[-1].start
        return True, None
    return False, None


def _add_years(iso: str, years: int) -> str:
    """``"2019-11-27"`` + 5 years → ``"2024-11-27"``, at the precision of ``iso``."""
    parts = iso.split("-")
    year = int(parts[0]) + years
    if len(parts) == 3 and parts[1:] == ["02", "29"]:
        parts[2] = "28"
    return "-".join([str(year), *parts[1:]])


def validity(sentence: str) -> tuple[int | None, str | None]:
    """Years of validity and an explicit end year stated by a sentence.

    >>> validity("MoU itu berlaku lima tahun."), validity("The charter is valid until 2026.")
    ((5, None), (None, '2026'))
    """
    lex = lexicon()
    years = None
    for pattern in lex.valid_years:
        m = pattern.search(sentence)
        value = word_value(m.group("n")) if m else None
        if value and 0 < value <= 50:
            years = value
            break
    u = lex.valid_until.search(sentence)
    return years, (u.group("y") if u else None)


def themes_of(text: str) -> list[str]:
    """The scope themes a text names, in the order of the lexicon."""
    return [name for name, pattern in lexicon().themes if pattern.search(text)]


class _AgreementFinder:
    def __init__(self, ex: Extraction, sentences: list[Sentence], mentions: DocumentMentions):
        self.ex = ex
        self.sentences = sentences
        self.mentions = mentions
        self.ref: dt.date | None = reference_date(ex.document.published, "")
        self.pairs = [q.ends for q in ex.qualified if q.kind == "Partnership"]
        self.signings = [a for a in ex.activities if a.type == "Signing"]

    def _type(self, slug: str) -> str:
        ent = self.mentions.entities.get(slug) or self.ex.entities.get(slug)
        return ent.type if ent else ""

    def _window(self, index: int) -> list[Sentence]:
        """The sentence and the following ones that speak of its signing."""
        out = [self.sentences[index]]
        for s in self.sentences[index + 1 : index + 1 + SIGNING_WINDOW]:
            if kind_of(s.text) is not None or not lexicon().signing.search(s.text):
                break
            out.append(s)
        return out

    def _parties(self, window: list[Sentence]) -> list[str]:
        named = {m.slug for s in window for m in self.mentions.in_sentence(s.index)}
        near = [p for p in self.pairs if named & set(p)]
        if len(self.pairs) == 1 and not near:
            near = self.pairs
        if near:
            return sorted({slug for pair in near[:1] for slug in pair})
        actors = [
            m.slug
            for s in window
            for m in self.mentions.in_sentence(s.index)
            if self._type(m.slug) in ACTOR_TYPES and not m.qualifier
        ]
        actors = list(dict.fromkeys(actors))
        return sorted(actors[:2]) if len(actors) >= 2 else []

    def _signing(self, window: list[Sentence]) -> Activity | None:
        indexes = {s.index for s in window}
        for act in self.signings:
            if indexes & {e.index for e in act.evidence}:
                return act
        return None

    def _date(self, window: list[Sentence], act: Activity | None) -> str | None:
        if act is not None and act.start:
            return act.start
        for s in window:
            if not lexicon().signing.search(s.text):
                continue  # a date in a sentence that does not speak of the signing
            spans = [d for d in find_dates(s.text, self.ref) if not d.relative]
            if spans:
                return spans[0].start
        return None

    def _place(self, window: list[Sentence], act: Activity | None) -> str | None:
        if act is not None and act.location:
            return act.location
        for s in window:
            for m in self.mentions.in_sentence(s.index):
                before = s.text[max(0, m.start - s.start - 30) : m.start - s.start]
                if self._type(m.slug) in ACTOR_TYPES and re.search(r"\b(?:di|in|at)\b", before):
                    return m.slug
        return None

    def _scope(self, index: int) -> list[str]:
        found = themes_of(self.sentences[index].text)
        for s in self.sentences[index : index + 4]:
            if lexicon().scope.search(s.text):
                found.extend(themes_of(s.text))
        return list(dict.fromkeys(found))

    def agreement(self, index: int, kind: str) -> Agreement | None:
        window = self._window(index)
        parties = self._parties(window)
        if len(parties) < 2:
            return None
        act = self._signing(window)
        signed = self._date(window, act)
        years, until = validity(" ".join(s.text for s in window))
        expired, expired_on = self._expiry(window)
        if until is None and years and signed:
            until = _add_years(signed, years)
        signatories = [
            m.slug
            for s in window
            for m in self.mentions.in_sentence(s.index)
            if m.type == "Person" and lexicon().signing.search(s.text)
        ]
        return Agreement(
            kind=kind,
            parties=parties,
            signatories=list(dict.fromkeys(signatories)),
            signed=signed,
            place=self._place(window, act),
            valid_years=years,
            valid_until=until,
            themes=self._scope(index),
            evidence=[Evidence(s.text, s.index) for s in window],
            expired=expired,
            expired_on=expired_on,
        )

    def _expiry(self, window: list[Sentence]) -> tuple[bool, str | None]:
        """Whether the agreement's sentences, or the one right after them that names no
        other agreement, state that it has ended (and when)."""
        after = window[-1].index + 1
        following = self.sentences[after : after + 1]
        candidates = window + [s for s in following if kind_of(s.text) is None]
        for s in candidates:
            ended, on = expiry(s.text, self.ref)
            if ended:
                if s not in window:
                    window.append(s)  # its evidence too
                return True, on
        return False, None


SIGNED_KINDS = frozenset({"MoU", "charter"})  # both name "the sister-city agreement"


def same_agreement(a: Agreement, b: Agreement) -> bool:
    """Whether two reports name one agreement: same parties, the same kind (an MoU and
    a charter are taken as one), and no two different months of signing."""
    kinds = {a.kind, b.kind}
    if (len(kinds) > 1 and kinds != SIGNED_KINDS) or set(a.parties) != set(b.parties):
        return False
    return not (a.signed and b.signed and a.signed[:7] != b.signed[:7])


def _absorb(into: Agreement, other: Agreement) -> None:
    into.signed = into.signed or other.signed
    into.place = into.place or other.place
    into.valid_years = into.valid_years or other.valid_years
    into.valid_until = into.valid_until or other.valid_until
    into.expired = into.expired or other.expired
    into.expired_on = into.expired_on or other.expired_on
    into.signatories = list(dict.fromkeys([*into.signatories, *other.signatories]))
    into.themes = list(dict.fromkeys([*into.themes, *other.themes]))
    known = {e.index for e in into.evidence}
    into.evidence.extend(e for e in other.evidence if e.index not in known)


def extract_agreements(
    doc: Document, ex: Extraction, gazetteer: Gazetteer | None = None
) -> list[Agreement]:
    """The agreements a document reports (its extraction ``ex`` gives the parties,
    signings and entities). Empty for a text that names no agreement."""
    if ex.prefiltered or not doc.text or not names_agreement(doc.text):
        return []
    sentences = split_sentences(clean(doc.text))
    mentions = find_mentions(sentences, gazetteer or default_gazetteer(), doc.language or "id")
    finder = _AgreementFinder(ex, sentences, mentions)
    found: list[Agreement] = []
    for s in sentences:
        kind = kind_of(s.text)
        if kind is None:
            continue
        agreement = finder.agreement(s.index, kind)
        if agreement is None:
            continue
        home = next((a for a in found if same_agreement(a, agreement)), None)
        if home is None:
            found.append(agreement)
        else:
            _absorb(home, agreement)
    _add_entities(ex, mentions, found)
    return found


def _add_entities(ex: Extraction, mentions: DocumentMentions, found: list[Agreement]) -> None:
    """The entities the agreements name, into the extraction (the rules keep only those
    their own facts use)."""
    for a in found:
        for slug in [*a.parties, *a.signatories, *([a.place] if a.place else [])]:
            if slug not in ex.entities and slug in mentions.entities:
                ex.entities[slug] = mentions.entities[slug]
