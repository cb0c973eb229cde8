"""Auto-checks for the chapters' exercises.

A check never raises for a wrong or unattempted answer: it prints what is wrong and
why, so a learner can try again, and returns False. The solutions in the notebooks
assert that their check returns True.

Everything a check prints goes through :func:`rnnlib.i18n.tr` (titles, problems, hints),
so the Korean edition's checks speak Korean; a message is translated where it is used,
never at import (the language is set after the import, in the notebook's first cell).
"""

from __future__ import annotations

import numpy as np

from ..i18n import tr

__all__ = ["NOT_ATTEMPTED", "call_learner", "feedback", "explain_array"]

NOT_ATTEMPTED = (
    "not attempted yet: replace the stub (the `...` / NotImplementedError) with your code"
)


def feedback(title: str, problems: list[str]) -> bool:
    """Print "Correct" or each problem under the exercise title; return True when none.

    ``title`` and ``problems`` are already in the learner's language (see :func:`tr`)."""
    if not problems:
        print(tr("{title}: Correct (정답).", title=title))
        return True
    print(tr("{title}: not yet (다시 해 보세요).", title=title))
    for problem in problems:
        print(f"  - {problem}")
    return False


def call_learner(function, *args, **kwargs):
    """Run the learner's function: ``(result, problem)``, problem None on success.

    A stub (``NotImplementedError`` raised or ``...`` returned) is "not attempted";
    ``None`` usually means a missing ``return``; any other exception is reported as
    feedback instead of crashing the check.
    """
    if not callable(function):
        return None, tr("expected a function, got {kind}", kind=type(function).__name__)
    try:
        result = function(*args, **kwargs)
    except NotImplementedError:
        return None, tr(NOT_ATTEMPTED)
    except Exception as error:  # noqa: BLE001 - the learner's code may fail in any way
        return None, tr(
            "your function raised {exception}: {error}",
            exception=type(error).__name__,
            error=error,
        )
    if result is Ellipsis:
        return None, tr(NOT_ATTEMPTED)
    if result is None:
        return None, tr(
            "your function returned None: did you forget a `return`? (shape/value unknown)"
        )
    return result, None


def explain_array(title: str, result, expected, known: dict, advice: str, atol=1e-8) -> bool:
    """Judge an array answer: "Correct" when it is close to ``expected``; else the message
    of the first known mistake it matches (``known``: ``{message: the array that mistake
    gives}``); else ``advice``, formatted with ``error``, the largest difference.

    ``title``, the messages and ``advice`` are in the learner's language (pass them
    through :func:`tr`; ``advice`` keeps its ``{error}`` field unfilled)."""
    if np.allclose(result, expected, atol=atol):
        return feedback(title, [])
    for message, candidate in known.items():
        if np.allclose(result, candidate, atol=atol):
            return feedback(title, [message])
    return feedback(title, [advice.format(error=float(np.max(np.abs(result - expected))))])
