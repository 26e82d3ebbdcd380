"""One sentence as the relation families read it, computed once for all of them."""

from __future__ import annotations

from dataclasses import dataclass

from graph.extract.context import DocContext, is_actor, masked, subject_of
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
        explicit = [m.slug for m in ms if d.is_indonesian_lg(m.slug) and is_actor(sent, m)] or [
            d.heads[m.slug] for m in ms if m.slug in d.heads and d.is_indonesian_lg(d.heads[m.slug])
        ]
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
            foreign=[m for m in ms if d.is_foreign_actor(m.slug)],
        )
