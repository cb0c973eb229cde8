"""The language of everything rnnlib shows a learner: figure text, explorer controls and
notes, exercise feedback.

The course has an English and a Korean edition of every chapter. Their code cells are the
same except for one line in the first code cell, ``set_language("en")`` or
``set_language("ko")``; everything a learner reads in a figure or a message then goes
through :func:`tr`::

    ax.set_title(tr("Loss while training"))
    note = tr("step {step} of {total}", step=t, total=T)

The English text is the key: in English :func:`tr` returns it unchanged, in Korean it
looks it up in :data:`rnnlib.messages.KOREAN`, the course's one message table. A test
(``tests/test_messages.py``) reads every literal ``tr("...")`` in rnnlib and in the
notebooks and fails when the table lacks it, when an entry is unused, or when the two
languages disagree on their ``{fields}``. A text built at run time (a class name from the
data) is looked up the same way; with ``RNNLIB_STRICT_MESSAGES=1`` (the notebook tests set
it) a Korean lookup that misses raises instead of falling back to English.

Defaults of keyword arguments are evaluated once, at import, so a function whose default
title is a message takes ``title=None`` and calls ``tr`` in its body.
"""

from __future__ import annotations

import os
import string

from ._checks import check_choice

__all__ = ["LANGUAGES", "fields_of", "language", "on_language_change", "set_language", "tr"]

#: The course's languages: English (the source) and Korean.
LANGUAGES = ("en", "ko")

#: Set to 1 to make a missing Korean message an error instead of a fall-back to English.
STRICT_ENVIRONMENT_VARIABLE = "RNNLIB_STRICT_MESSAGES"

_current = "en"
_listeners: list = []


def set_language(code: str) -> None:
    """Show figures, explorers and feedback in ``code``: "en" (English) or "ko" (Korean)."""
    global _current
    check_choice(code, "code", LANGUAGES)
    _current = code
    for listener in _listeners:
        listener(code)


def on_language_change(listener) -> None:
    """Call ``listener(code)`` after every :func:`set_language` (``rnnlib.viz`` uses it to
    put the Hangul font first in Korean figures)."""
    if listener not in _listeners:
        _listeners.append(listener)


def language() -> str:
    """The language set by :func:`set_language` ("en" until it is called)."""
    return _current


def tr(message: str, /, **fields) -> str:
    """``message`` in the current language, with ``{name}`` fields filled from ``fields``.

    message: the English text, which is also the key of :data:`rnnlib.messages.KOREAN`.
    Without ``fields`` the text is returned as it is (braces need no escaping); with
    ``fields`` it is filled by :meth:`str.format` (write a literal brace as ``{{``).
    """
    if not isinstance(message, str):
        raise TypeError(f"message: expected the English text (str), got {type(message).__name__}")
    text = message
    if _current == "ko":
        from .messages import KOREAN

        text = KOREAN.get(message)
        if text is None:
            if os.environ.get(STRICT_ENVIRONMENT_VARIABLE) == "1":
                raise KeyError(
                    f"no Korean entry for {message!r} in rnnlib.messages.KOREAN "
                    f"({STRICT_ENVIRONMENT_VARIABLE}=1)"
                )
            text = message
    return text.format(**fields) if fields else text


def fields_of(text: str) -> set[str]:
    """The names of the ``{fields}`` in a message (for the message-table test)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
