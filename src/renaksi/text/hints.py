"""Did-you-mean hints ("maksudnya X?") with a bounded amount of work.

``difflib.get_close_matches`` compares the word with every option, and a full comparison
costs about the product of the two lengths. A plan with thousands of unknown references
among thousands of ids made that quadratic twice over: 2000 unknown references took 46 s.
A :class:`Hints` gives exactly difflib's answers until its budget of work is spent, then
no more hints: the first hints a user reads are unchanged, and all of them together cost
at most the budget.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

#: Work one :class:`Hints` may do, in character comparisons (about 0.1 µs each): the
#: hints of an ordinary plan take a few thousand, a whole plan's a few seconds at most.
HINT_BUDGET = 5_000_000
#: Longest word or option compared. Ids are at most 80 characters, bidang slugs 40, keys
#: and units a few words; comparing long texts costs the product of their lengths.
MAX_HINT_LENGTH = 100
#: What looking at one option costs besides its characters.
_OPTION_COST = 10


class Hints:
    """Nearest-option hints, sharing one budget of work (one per plan checked)."""

    __slots__ = ("left",)

    def __init__(self, budget: int = HINT_BUDGET) -> None:
        self.left = budget

    def closest(self, word: str, options: Iterable[str], cutoff: float) -> str | None:
        """The option most like ``word`` with a similarity of at least ``cutoff``, as
        ``difflib.get_close_matches(word, options, n=1, cutoff=cutoff)`` finds it; None when
        there is none, or when the budget does not cover the search (then, from here on,
        never again)."""
        if self.left <= 0 or len(word) > MAX_HINT_LENGTH:
            return None
        matcher = SequenceMatcher()
        matcher.set_seq2(word)
        spent = 0
        best: tuple[float, str] | None = None
        for option in options:
            # The cheap bounds first, as get_close_matches checks them: most options stop
            # there, at the cost of their length.
            spent += len(option) + len(word) + _OPTION_COST
            if spent > self.left:
                self.left = 0
                return None
            if len(option) > MAX_HINT_LENGTH:
                continue
            matcher.set_seq1(option)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue
            spent += len(option) * len(word)
            if spent > self.left:
                self.left = 0
                return None
            score = matcher.ratio()
            # get_close_matches keeps the largest (score, option): on a tie, the option
            # that sorts last.
            if score >= cutoff and (best is None or (score, option) > best):
                best = (score, option)
        self.left -= spent
        return best[1] if best is not None else None
