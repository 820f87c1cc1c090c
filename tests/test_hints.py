"""Did-you-mean hints: difflib's answers, until a budget of work is spent."""

from __future__ import annotations

import difflib
import time

from hypothesis import given
from hypothesis import strategies as st

from renaksi.text.hints import MAX_HINT_LENGTH, Hints

_WORDS = st.text(alphabet="abcde-_.0123", max_size=20)


@given(word=_WORDS, options=st.lists(_WORDS, max_size=30), cutoff=st.sampled_from([0.5, 0.6]))
def test_same_answer_as_difflib(word: str, options: list[str], cutoff: float) -> None:
    near = difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    assert Hints().closest(word, options, cutoff) == (near[0] if near else None)


def test_no_more_hints_once_the_budget_is_spent() -> None:
    ids = [f"sub-kegiatan-{i:05d}" for i in range(2000)]
    hints = Hints()
    answers = [hints.closest(f"sub-kegiatn-{i:05d}", ids, 0.5) for i in range(100)]
    given_ = [a for a in answers if a is not None]
    # The first ones are difflib's; then none at all, not a worse guess.
    assert given_ == [f"sub-kegiatan-{i:05d}" for i in range(len(given_))]
    assert 0 < len(given_) < 100
    assert answers[len(given_) :] == [None] * (100 - len(given_))
    assert hints.left == 0
    assert hints.closest("sub-kegiatn-00001", ["sub-kegiatan-00001"], 0.5) is None


def test_long_words_get_no_hint() -> None:
    word = "x" * (MAX_HINT_LENGTH + 1)
    assert Hints().closest(word, [word], 0.5) is None
    assert Hints().closest("abc", ["abd", "abc" + "d" * MAX_HINT_LENGTH], 0.5) == "abd"


def test_the_worst_words_stay_within_seconds() -> None:
    # Two-letter words of the longest length compared are the costliest for difflib (every
    # option passes the quick bounds): 2000 of them among 2000 took minutes.
    words = ["ab" * (MAX_HINT_LENGTH // 2), "ba" * (MAX_HINT_LENGTH // 2)]
    options = [words[i % 2][i % 7 :] + words[i % 2][: i % 7] for i in range(2000)]
    hints = Hints()
    start = time.perf_counter()
    for i in range(2000):
        hints.closest(words[i % 2], options, 0.5)
    assert time.perf_counter() - start < 5
    assert hints.left == 0  # the budget, not the 2000 words, ended the work
