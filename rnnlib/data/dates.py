"""Dates written the ways people write them -> ISO 8601 (``2026-11-22``), in Korean and English.

Every date comes from the real calendar (``datetime.date``: leap years, weekdays), in one
of these formats::

    hangul          이천이십육년 십일월 이십이일       Sino-Korean numerals (한자어 수사) in Hangul
    korean_digits   2026년 11월 22일
    day_month_year  22 November 2026
    month_day_year  Nov 22, 2026
    slash           22/11/2026
    spoken          sunday the 22nd of november 2026
    month_name_first  November 22, 2026       (held out: never seen in training)

In ``hangul`` one output digit depends on several syllables ("이천이십육" -> 2026; "십일월"
-> 11, while 6 and 10 are the irregular 유월 and 시월), so the alignment between input and
output is not one character to one character. Its numerals and units are written together
(이천이십육년, 이십이일), as dates are written out in Hangul (on invitations, for example):
한글 맞춤법 제43항 writes a unit noun apart from its numeral but allows joining the two when
they give an order, as in a date, and the month names (일월 ... 십이월, 유월, 시월) are
single words.

:func:`date_task` draws the dates of the test split first and keeps them out of training
(every format), and keeps the held-out format out of training altogether.
:func:`reverse_task` is the second task: reverse a string of 5-40 letters, where inputs
can be long.
"""

from __future__ import annotations

import datetime

import numpy as np

from .._checks import as_generator, check_choice, check_positive_int
from .pairs import Pairs, PairTask, source_vocabulary, target_vocabulary

__all__ = [
    "FORMATS",
    "TRAIN_FORMATS",
    "HELD_OUT_FORMATS",
    "sino_korean",
    "format_date",
    "date_task",
    "reverse_task",
]

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DIGITS_KO = ["", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
#: months whose Sino-Korean reading is irregular: 6 -> 유월 (not 육월), 10 -> 시월 (not 십월)
IRREGULAR_MONTHS = {6: "유", 10: "시"}


def sino_korean(number: int) -> str:
    """A number 1-9999 in Sino-Korean numerals: 2026 -> 이천이십육, 1999 -> 천구백구십구,
    11 -> 십일 (a leading 1 before 십/백/천 is not read)."""
    number = check_positive_int(number, "number")
    if number > 9999:
        raise ValueError(f"number: expected 1-9999, got {number}")
    words = []
    for value, unit in ((1000, "천"), (100, "백"), (10, "십")):
        digit, number = divmod(number, value)
        if digit:
            words.append(("" if digit == 1 else DIGITS_KO[digit]) + unit)
    words.append(DIGITS_KO[number])
    return "".join(words)


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


FORMATS = {
    "hangul": lambda d: (
        f"{sino_korean(d.year)}년 "
        f"{IRREGULAR_MONTHS.get(d.month, sino_korean(d.month))}월 {sino_korean(d.day)}일"
    ),
    "korean_digits": lambda d: f"{d.year}년 {d.month}월 {d.day}일",
    "day_month_year": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "month_day_year": lambda d: f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    "slash": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "spoken": lambda d: (
        f"{WEEKDAYS[d.weekday()]} the {_ordinal(d.day)} of {MONTHS[d.month - 1].lower()} {d.year}"
    ),
    "month_name_first": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
}
HELD_OUT_FORMATS = ("month_name_first",)
TRAIN_FORMATS = tuple(name for name in FORMATS if name not in HELD_OUT_FORMATS)


def format_date(date: datetime.date, fmt: str) -> str:
    """``date`` written in format ``fmt`` (a key of :data:`FORMATS`)."""
    if not isinstance(date, datetime.date):
        raise TypeError(f"date: expected a datetime.date, got {type(date).__name__}")
    return FORMATS[check_choice(fmt, "fmt", tuple(FORMATS))](date)


def _pairs(dates, formats, rng) -> Pairs:
    chosen = rng.choice(len(formats), size=len(dates))
    sources = [format_date(d, formats[k]) for d, k in zip(dates, chosen, strict=True)]
    return Pairs(sources, [d.isoformat() for d in dates], [formats[k] for k in chosen])


def date_task(
    num_train: int = 6000,
    num_test: int = 1000,
    *,
    rng,
    first_year: int = 1950,
    last_year: int = 2049,
) -> PairTask:
    """Dates between ``first_year`` and ``last_year`` written in a random format -> ISO 8601.

    ``test`` holds ``num_test`` dates that no training example uses (in any format),
    each in a random training format; ``held_out["format"]`` holds the same test dates
    written in the held-out format(s). ``train`` holds ``num_train`` examples of the
    other dates (a date may appear in several formats). The source vocabulary covers
    the characters of the training formats over the whole calendar range.
    """
    num_train = check_positive_int(num_train, "num_train")
    num_test = check_positive_int(num_test, "num_test")
    rng = as_generator(rng)
    start = datetime.date(check_positive_int(first_year, "first_year"), 1, 1)
    end = datetime.date(check_positive_int(last_year, "last_year"), 12, 31)
    num_days = (end - start).days + 1
    if num_days < num_test + 1000:
        raise ValueError(
            f"last_year: expected a range of several years, got {first_year}-{last_year}"
        )
    order = rng.permutation(num_days)
    test_dates = [start + datetime.timedelta(days=int(k)) for k in order[:num_test]]
    train_days = order[num_test:]
    train_dates = [
        start + datetime.timedelta(days=int(k)) for k in rng.choice(train_days, size=num_train)
    ]
    train = _pairs(train_dates, TRAIN_FORMATS, rng)
    test = _pairs(test_dates, TRAIN_FORMATS, rng)
    held_out = _pairs(test_dates, HELD_OUT_FORMATS, rng)
    # every character a training format can produce: one leap year covers months, days and
    # weekdays; the years of the range cover the numerals
    sample = [datetime.date(2024, 1, 1) + datetime.timedelta(days=k) for k in range(366)]
    sample += [datetime.date(year, 1, 1) for year in range(start.year, end.year + 1)]
    characters = {c for d in sample for fmt in TRAIN_FORMATS for c in format_date(d, fmt)}
    return PairTask(
        "dates",
        source_vocabulary(characters),
        target_vocabulary("0123456789-"),
        train,
        test,
        {"format": held_out},
    )


def reverse_task(
    num_train: int = 4000,
    num_test: int = 600,
    *,
    rng,
    min_length: int = 5,
    max_length: int = 40,
    alphabet: str = "abcdefghij",
) -> PairTask:
    """Reverse a random string: ``"kqpza" -> "azpqk"``. Lengths uniform in
    ``[min_length, max_length]``; ``kinds`` holds each pair's length. Train and test
    strings are drawn independently (a repeat is vanishingly rare above length 5)."""
    num_train = check_positive_int(num_train, "num_train")
    num_test = check_positive_int(num_test, "num_test")
    min_length = check_positive_int(min_length, "min_length")
    max_length = check_positive_int(max_length, "max_length", minimum=min_length)
    if not isinstance(alphabet, str) or len(set(alphabet)) < 2:
        raise ValueError(f"alphabet: expected at least 2 distinct characters, got {alphabet!r}")
    rng = as_generator(rng)
    letters = np.array(sorted(set(alphabet)))

    def draw(n):
        lengths = rng.integers(min_length, max_length + 1, size=n)
        sources = ["".join(rng.choice(letters, size=k)) for k in lengths]
        return Pairs(sources, [s[::-1] for s in sources], [int(k) for k in lengths])

    train, test = draw(num_train), draw(num_test)
    return PairTask("reverse", source_vocabulary(letters), target_vocabulary(letters), train, test)
