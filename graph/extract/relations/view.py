"""One sentence as the relation families read it, computed once for all of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.extract.context import DocContext, is_actor, masked, subject_of
from graph.extract.gazetteer import LOCAL_GOVERNMENT_TYPES
from graph.extract.lexicon import patterns, relations_lexicon
from graph.extract.mentions import Mention
from graph.sources.text import Sentence


@dataclass(frozen=True)
class SentenceView:
    """A sentence with its mentions, its text with names blanked out (so trigger words
    inside names do not count), the government it speaks of, the Indonesian governments
    it names as doers, its programmes and its foreign actors."""

    sent: Sentence
    mentions: list[Mention]
    text: str  # names blanked out
    subject: str | None
    explicit_lgs: list[str]
    participants: list[str]
    programmes: list[Mention]
    foreign: list[Mention]

    @classmethod
    def of(cls, d: DocContext, sent: Sentence) -> SentenceView:
        ms = d.mentions.in_sentence(sent.index)
        explicit = (
            [m.slug for m in ms if d.is_indonesian_lg(m.slug) and is_actor(sent, m)]
            or [
                d.heads[m.slug]
                for m in ms
                if m.slug in d.heads and d.is_indonesian_lg(d.heads[m.slug])
            ]
            or _named_again(d, sent)
        )
        # "peserta dari Pemkot Jambi … dengan peserta dari Pemprov Sumatera Utara": the
        # governments whose people take part
        participants = [
            m.slug for m in ms if d.is_indonesian_lg(m.slug) and is_actor(sent, m, origin=True)
        ] or explicit
        return cls(
            sent=sent,
            mentions=ms,
            text=masked(sent, ms),
            subject=subject_of(d, sent, ms),
            explicit_lgs=explicit,
            participants=participants,
            programmes=[m for m in ms if m.type == "Programme"],
            # a city named bare as a venue ("di Johor") is where, not who
            foreign=[m for m in ms if d.is_foreign_actor(m.slug) and not m.venue],
        )


@cache
def _anaphora() -> list[tuple[str, re.Pattern[str]]]:
    table = relations_lexicon()["government_anaphora"]
    return [
        (level, re.compile(rf"\b(?:{'|'.join(words)})\b", re.I)) for level, words in table.items()
    ]


def _named_again(d: DocContext, sent: Sentence) -> list[str]:
    """ "Kota ini juga bergabung dalam …": a government of ours named again by its kind is
    the one of that kind the text last named as a doer, in a sentence before."""
    if sent.index == 0:
        return []
    if patterns()["pronoun_subject"].match(sent.text):
        # "It is also a member of …": the government of ours the sentence before named
        # first as a doer
        before = d.sentences[sent.index - 1]
        for m in d.mentions.in_sentence(before.index):
            if (
                d.ent_type(m.slug) in LOCAL_GOVERNMENT_TYPES
                and not m.qualifier
                and is_actor(before, m)
            ):
                return [m.slug] if d.is_indonesian_lg(m.slug) else []
        return []
    low = sent.text.lower()
    if not any(w in low for w in ("kota", "kabupaten", "provinsi", "pem", "the ")):
        return []
    for level, rx in _anaphora():
        word = rx.search(sent.text)
        if not word:
            continue
        own = [
            m
            for m in d.mentions.in_sentence(sent.index)
            if m.type == level and not m.qualifier and m.end <= word.start() and is_actor(sent, m)
        ]
        if own:
            # "Kitakyushu also runs … cooperation …, according to the city": the one of
            # that kind the sentence itself named before the word
            return [own[-1].slug] if d.is_indonesian_lg(own[-1].slug) else []
        for before in reversed(d.sentences[: sent.index]):
            for m in reversed(d.mentions.in_sentence(before.index)):
                if m.type == level and not m.qualifier and is_actor(before, m):
                    # the last one of that kind named: a town abroad is not ours
                    return [m.slug] if d.is_indonesian_lg(m.slug) else []
    return []
