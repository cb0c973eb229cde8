"""Auto-checks for the chapters' exercises.

A check never raises for a wrong or unattempted answer: it prints what is wrong and
why, so a learner can try again, and returns False. The solutions in the notebooks
assert that their check returns True.
"""

from __future__ import annotations

__all__ = ["feedback"]


def feedback(title: str, problems: list[str]) -> bool:
    """Print "Correct" or each problem under the exercise title; return True when none."""
    if not problems:
        print(f"{title}: Correct (정답).")
        return True
    print(f"{title}: not yet (다시 해 보세요).")
    for problem in problems:
        print(f"  - {problem}")
    return False
