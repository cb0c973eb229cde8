"""Data sets for sequence classification (many-to-one), all offline and seeded.

* :func:`name_language_data` - person surnames -> language, read from the ``faker``
  package's per-locale name lists (Latin-script locales only). Names are lower-cased,
  names found in more than one language are removed from all of them (so every name has
  exactly one right answer), and each class is split into train and test with a seed.
* :func:`sentiment_data` - hotel-review snippets in English and Korean -> Positive or
  Negative, e.g. "이 숙소 짱입니다" -> Positive, generated from templates.
* :func:`intent_data` - smart-home commands in English and Korean -> one of six intents,
  e.g. "알람 꺼 줘" -> Alarm.Off, generated from templates. Each Korean command keeps one
  speech level (반말 "-줘"/"-줄래" or 존댓말 "-주세요"/"-줄래요", see KOREAN_SPEECH_LEVELS).
* :func:`homonym_data` - Korean sentences where the sense of "사과를" (an apple, or an
  apology) is decided only by the verb that comes *after* it: a task for bidirectional
  RNNs.

The generated corpora are word-level (words separated by single spaces) and built so
that word order and negation matter. Every example has a ``kind``:

* ``plain``: the words alone decide the label ("the room was great");
* ``negation``: "not", "안 ..." or "...-지 않아요" flips the adjective ("not bad",
  "나쁘지 않아요" -> Positive); Korean adjectives take the short form "안" only where it is
  natural (KOREAN_NEGATION);
* ``contrast``: "A but B", the clause after "but" / "하지만" decides;
* ``correction``: "turn off the lights no wait the alarm on", the last command decides.

Contrast and correction examples come in *twins* that hold exactly the same words in a
different order and have different labels ("the room was good but the food was bad" /
"the room was bad but the food was good"). They are flagged ``order_dependent``; twins
share a ``group`` and always land in the same split. A classifier that only sees which
words occur gives both twins the same answer, so it is right on at most half of them.

Limits: a few hundred template sentences over a vocabulary of ~100 words; real reviews and
commands are far more varied. The faker lists are curated samples of common names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .._checks import (
    as_generator,
    check_choice,
    check_fraction,
    check_index_array,
    check_positive_int,
)
from .encoding import Vocabulary, pad_batch
from .names import person_names

__all__ = [
    "LabelledTexts",
    "ClassificationData",
    "NAME_LOCALES",
    "PAD",
    "UNKNOWN",
    "name_language_data",
    "sentiment_data",
    "intent_data",
    "homonym_data",
    "sentiment_lexicon",
    "negation_form",
    "sentiment_word_groups",
    "KOREAN_NEGATION",
    "KOREAN_SPEECH_LEVELS",
    "LEVELS",
    "tokenize",
    "vocabulary_coverage",
    "build_vocabulary",
    "encode_batch",
    "batches",
]

PAD, UNKNOWN = "<pad>", "<unk>"

#: language -> faker locale whose surname list is used (all Latin script)
NAME_LOCALES = {
    "English": "en_US",
    "German": "de_DE",
    "Italian": "it_IT",
    "Spanish": "es_ES",
    "French": "fr_FR",
    "Dutch": "nl_NL",
    "Finnish": "fi_FI",
}


@dataclass
class LabelledTexts:
    """N labelled texts (one split of a data set).

    texts: names, or sentences with words separated by single spaces; labels ``(N,)``
    int64 class ids into ``classes``; languages, kinds: per example; order_dependent
    ``(N,)`` bool; group ``(N,)`` int64 (twins share a group); positions ``(N,)`` int64
    (the token to label in :func:`homonym_data`, else -1).
    """

    texts: list[str]
    labels: np.ndarray
    classes: list[str]
    languages: list[str]
    kinds: list[str]
    order_dependent: np.ndarray
    group: np.ndarray
    positions: np.ndarray = field(default=None)

    def __post_init__(self):
        n = len(self.texts)
        if self.positions is None:
            self.positions = np.full(n, -1, dtype=np.int64)
        for name in ("labels", "languages", "kinds", "order_dependent", "group", "positions"):
            if len(getattr(self, name)) != n:
                raise ValueError(
                    f"{name}: expected {n} entries (one per text), got {len(getattr(self, name))}"
                )

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, selection) -> LabelledTexts:
        """The examples where the boolean ``selection (N,)`` is True (or at the given indices)."""
        selection = np.asarray(selection)
        if selection.dtype == bool:
            if selection.shape != (len(self),):
                raise ValueError(
                    f"selection: expected a boolean array of shape ({len(self)},) or indices, "
                    f"got shape {selection.shape}"
                )
            index = np.flatnonzero(selection)
        else:
            index = check_index_array(selection, "selection", size=len(self), ndim=1)
        return LabelledTexts(
            [self.texts[i] for i in index],
            self.labels[index],
            self.classes,
            [self.languages[i] for i in index],
            [self.kinds[i] for i in index],
            self.order_dependent[index],
            self.group[index],
            self.positions[index],
        )

    def where(self, *, kind: str | None = None, language: str | None = None) -> LabelledTexts:
        """The examples of one kind and/or one language."""
        keep = np.ones(len(self), dtype=bool)
        for name, value, present in (
            ("kind", kind, self.kinds),
            ("language", language, self.languages),
        ):
            if value is not None and value not in present:
                raise ValueError(f"{name}: expected one of {sorted(set(present))}, got {value!r}")
        if kind is not None:
            keep &= np.array([k == kind for k in self.kinds], dtype=bool)
        if language is not None:
            keep &= np.array([g == language for g in self.languages], dtype=bool)
        return self.subset(keep)

    def __repr__(self) -> str:
        return f"LabelledTexts({len(self)} texts, {len(self.classes)} classes)"


@dataclass
class ClassificationData:
    """A data set: ``train`` and ``test`` splits, the class names, the level
    (``"char"`` or ``"word"``) and a sentence on where the data come from."""

    train: LabelledTexts
    test: LabelledTexts
    classes: list[str]
    level: str
    source: str

    def __repr__(self) -> str:
        return (
            f"ClassificationData({len(self.train)} train / {len(self.test)} test, "
            f"{len(self.classes)} classes: {self.classes})"
        )


# --- tokens, vocabularies and batches ------------------------------------------------------


#: the token levels of :func:`tokenize`
LEVELS = ("char", "word", "jamo")


def tokenize(text: str, level: str) -> list[str]:
    """``"char"``: the characters of a text (a Hangul syllable block such as 좋 is one
    character; spaces are tokens too); ``"word"``: the whitespace-separated words (Korean
    eojeol, 어절, such as "좋지"); ``"jamo"``: the characters after decomposing every Hangul
    syllable into its 2 or 3 letters (``unicodedata`` normal form NFD: 좋 -> ㅈ ㅗ ㅎ).
    """
    check_choice(level, "level", LEVELS)
    if not isinstance(text, str):
        raise TypeError(f"text: expected a string, got {type(text).__name__}")
    if level == "word":
        return text.split()
    return list(unicodedata.normalize("NFD", text) if level == "jamo" else text)


def vocabulary_coverage(train_texts: Sequence[str], test_texts: Sequence[str], level: str):
    """How well the tokens of ``train_texts`` cover ``test_texts`` at one ``level``.

    Returns a dict: ``vocab_size``, the number of distinct training tokens (without
    ``<pad>``/``<unk>``); ``oov_rate``, the share of test tokens that are not among them
    (out of vocabulary, they would become ``<unk>``); ``texts_with_oov``, the share of test
    texts with at least one such token; ``tokens_per_text``, the mean test length in tokens.
    """
    for name, texts in (("train_texts", train_texts), ("test_texts", test_texts)):
        if isinstance(texts, str):
            raise TypeError(f"{name}: expected a list of strings, got str")
        if len(texts) == 0:
            raise ValueError(f"{name}: expected at least one text, got none")
    known = {token for text in train_texts for token in tokenize(text, level)}
    tokenized = [tokenize(text, level) for text in test_texts]
    unknown = [sum(token not in known for token in tokens) for tokens in tokenized]
    num_tokens = sum(len(tokens) for tokens in tokenized)
    return {
        "vocab_size": len(known),
        "oov_rate": sum(unknown) / max(num_tokens, 1),
        "texts_with_oov": float(np.mean([count > 0 for count in unknown])),
        "tokens_per_text": num_tokens / len(tokenized),
    }


def build_vocabulary(texts: Sequence[str], level: str) -> Vocabulary:
    """Vocabulary of the tokens in ``texts`` (sorted), after ``<pad>`` (id 0) and ``<unk>`` (id 1)."""
    if isinstance(texts, str):
        raise TypeError("texts: expected a list of strings, got str")
    tokens = sorted({token for text in texts for token in tokenize(text, level)})
    return Vocabulary([PAD, UNKNOWN] + tokens)


def encode_batch(texts: Sequence[str], vocab: Vocabulary, level: str):
    """Texts -> ``(ids (T, B), mask (T, B))``, right-padded with ``<pad>``.

    Tokens that are not in ``vocab`` become ``<unk>``; ``mask`` is 1 on real tokens and 0
    on padding (see :func:`rnnlib.data.encoding.pad_batch`).
    """
    if isinstance(texts, str):
        raise TypeError("texts: expected a list of strings, got a single string")
    if not isinstance(vocab, Vocabulary):
        raise TypeError(f"vocab: expected a Vocabulary, got {type(vocab).__name__}")
    if len(texts) == 0:
        raise ValueError("texts: expected at least one text, got none")
    if PAD not in vocab or UNKNOWN not in vocab:
        raise ValueError("vocab: expected a vocabulary with <pad> and <unk> (build_vocabulary)")
    sequences = []
    for k, text in enumerate(texts):
        tokens = tokenize(text, level)
        if not tokens:
            raise ValueError(f"texts[{k}]: expected at least one token, got {text!r}")
        sequences.append(
            np.array([vocab.index.get(t, vocab.index[UNKNOWN]) for t in tokens], dtype=np.int64)
        )
    return pad_batch(sequences, pad_id=vocab.index[PAD])


def batches(
    split: LabelledTexts,
    vocab: Vocabulary,
    level: str,
    batch_size: int = 32,
    *,
    rng,
    per_token: bool = False,
):
    """A callable for :func:`rnnlib.train.fit`: each call reshuffles ``split`` with ``rng``
    and yields ``(ids (T, B), targets, mask (T, B))`` batches.

    targets: the class ids ``(B,)``; with ``per_token`` a ``(T, B)`` array holding the class
    id at each sequence's marked position (``split.positions``) and -1 everywhere else.
    """
    batch_size = check_positive_int(batch_size, "batch_size")
    rng = as_generator(rng)
    if per_token and np.any(split.positions < 0):
        raise ValueError("per_token: every example needs a marked position (homonym_data)")

    def epoch():
        order = rng.permutation(len(split))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            ids, mask = encode_batch([split.texts[i] for i in rows], vocab, level)
            targets = split.labels[rows]
            if per_token:
                targets = np.full(ids.shape, -1, dtype=np.int64)
                targets[split.positions[rows], np.arange(len(rows))] = split.labels[rows]
            yield ids, targets, mask

    return epoch


# --- splitting -----------------------------------------------------------------------------


def _split(examples, classes, test_fraction, rng) -> tuple[LabelledTexts, LabelledTexts]:
    """Split example dicts by group, class by class, so twins stay together."""
    groups_by_label: dict[str, list[int]] = {}
    for ex in examples:
        groups_by_label.setdefault(ex["label_of_group"], [])
        if ex["group"] not in groups_by_label[ex["label_of_group"]]:
            groups_by_label[ex["label_of_group"]].append(ex["group"])
    test_groups = set()
    for key in sorted(groups_by_label):
        groups = groups_by_label[key]
        order = rng.permutation(len(groups))
        num_test = int(round(test_fraction * len(groups)))
        test_groups.update(groups[i] for i in order[:num_test])

    def build(selected):
        return LabelledTexts(
            [ex["text"] for ex in selected],
            np.array([classes.index(ex["label"]) for ex in selected], dtype=np.int64),
            list(classes),
            [ex["language"] for ex in selected],
            [ex["kind"] for ex in selected],
            np.array([ex["order_dependent"] for ex in selected], dtype=bool),
            np.array([ex["group"] for ex in selected], dtype=np.int64),
            np.array([ex.get("position", -1) for ex in selected], dtype=np.int64),
        )

    train = [ex for ex in examples if ex["group"] not in test_groups]
    test = [ex for ex in examples if ex["group"] in test_groups]
    return build(train), build(test)


# --- name -> language ----------------------------------------------------------------------


def _clean_names(names):
    return sorted({n.strip().lower() for n in names if n.strip().isalpha()})


def name_language_data(
    languages: Sequence[str] | None = None,
    *,
    per_class: int = 300,
    test_fraction: float = 0.25,
    rng=0,
) -> ClassificationData:
    """Surnames -> language, from the surname lists of ``faker`` locales (see NAME_LOCALES).

    Each language keeps its lower-cased one-word surnames; a surname listed by two or
    more languages is removed from all of them. Then at most ``per_class`` names per
    language are drawn with ``rng`` and split into train/test (stratified by class).
    """
    languages = list(NAME_LOCALES) if languages is None else list(languages)
    if len(languages) < 2 or len(set(languages)) != len(languages):
        raise ValueError(f"languages: expected at least two different languages, got {languages}")
    for language in languages:
        check_choice(language, "languages", tuple(NAME_LOCALES))
    per_class = check_positive_int(per_class, "per_class", minimum=4)
    test_fraction = check_fraction(test_fraction, "test_fraction")
    rng = as_generator(rng)
    lists = {lang: _clean_names(person_names(NAME_LOCALES[lang], "last")) for lang in languages}
    seen: dict[str, int] = {}
    for names in lists.values():
        for name in names:
            seen[name] = seen.get(name, 0) + 1
    examples = []
    for lang in languages:
        unique = [n for n in lists[lang] if seen[n] == 1]
        chosen = [unique[i] for i in sorted(rng.permutation(len(unique))[:per_class])]
        for name in chosen:
            examples.append(
                dict(
                    text=name,
                    label=lang,
                    label_of_group=lang,
                    language=lang,
                    kind="plain",
                    order_dependent=False,
                    group=len(examples),
                )
            )
    train, test = _split(examples, languages, test_fraction, rng)
    shared = sum(1 for count in seen.values() if count > 1)
    source = (
        f"Surnames from the faker package's locales {[NAME_LOCALES[g] for g in languages]}; "
        f"{shared} surnames listed by more than one language were removed."
    )
    return ClassificationData(train, test, languages, "char", source)


# --- template corpora ----------------------------------------------------------------------

_SENTIMENT_WORDS = {
    "en": {
        "aspects": ["room", "staff", "food", "bed", "view", "breakfast", "service", "location"],
        "places": ["hotel", "room", "place", "stay"],
        "positive": ["good", "great", "nice", "lovely", "excellent", "amazing"],
        "negative": ["bad", "awful", "terrible", "poor", "horrible", "disappointing"],
        "intensifiers": ["really", "very", "so"],
    },
    "ko": {
        # aspects that every adjective below fits ("위치는 훌륭해요", "전망은 아쉬워요")
        "aspects": ["방은", "서비스는", "위치는", "시설은", "전망은", "분위기는"],
        "places": ["숙소", "호텔", "방", "식당"],
        # adjectives with two ways of negating them (see KOREAN_NEGATION); then words
        # that are only used plainly
        "positive": ["좋아요", "괜찮아요", "훌륭해요", "만족스러워요"],
        "negative": ["나빠요", "아쉬워요", "실망스러워요", "형편없어요"],
        "praise": ["짱입니다", "최고예요"],
        "complaint": ["최악이에요", "별로예요"],
        "intensifiers": ["정말", "너무", "아주"],
        # before a superlative ("최고예요") only "정말" is natural, not "아주"
        "superlative intensifiers": ["정말"],
        # before a negated adjective: "정말 안 좋아요", "전혀 나쁘지 않아요"
        "negation adverbs": ["정말", "전혀"],
        "but": ["하지만", "그런데", "근데"],
    },
}

#: Korean adjective (polite form) -> (stem of the long negation "-지 않아요", whether the
#: short negation "안 ..." is natural). Short negation sounds wrong with long, derived or
#: compound adjectives ("안 훌륭해요", "안 만족스러워요"): they take "-지 않아요" only
#: ("훌륭하지 않아요"). Where both are natural ("안 좋아요" / "좋지 않아요") the data use both.
KOREAN_NEGATION = {
    "좋아요": ("좋지", True),
    "괜찮아요": ("괜찮지", True),
    "훌륭해요": ("훌륭하지", False),
    "만족스러워요": ("만족스럽지", False),
    "나빠요": ("나쁘지", True),
    "아쉬워요": ("아쉽지", True),
    "실망스러워요": ("실망스럽지", False),
    "형편없어요": ("형편없지", False),
}


def _negate_korean(adjective, rng):
    """The words of a negated Korean adjective: ["안", adjective] or [stem, "않아요"]."""
    stem, short_ok = KOREAN_NEGATION[adjective]
    if short_ok and rng.random() < 0.5:
        return ["안", adjective]
    return [stem, "않아요"]


def _maybe(rng, words, p=0.5):
    """[] with probability 1 - p, else one random word as a list."""
    return [words[rng.integers(len(words))]] if rng.random() < p else []


def _pick(rng, words):
    return words[rng.integers(len(words))]


def _sentiment_example(kind, lang, rng):
    """One generated sentence as ``(tokens, label, twin_tokens or None, twin_label)``."""
    w = _SENTIMENT_WORDS[lang]
    polarity = "Positive" if rng.random() < 0.5 else "Negative"
    opposite = "Negative" if polarity == "Positive" else "Positive"
    adjectives = w["positive"] if polarity == "Positive" else w["negative"]
    if lang == "en":
        copula = _pick(rng, ["was", "is"])
        if kind == "plain":
            if rng.random() < 0.7:
                tokens = ["the", _pick(rng, w["aspects"]), copula]
                tokens += _maybe(rng, w["intensifiers"]) + [_pick(rng, adjectives)]
            else:
                # "what a really good hotel", never "what a so good hotel"
                intensifiers = [word for word in w["intensifiers"] if word != "so"]
                words = _maybe(rng, intensifiers) + [_pick(rng, adjectives)]
                article = "an" if words[0][0] in "aeiou" else "a"
                tokens = ["what", article] + words + [_pick(rng, w["places"])]
            return tokens, polarity, None, None
        if kind == "negation":  # the negated adjective has the opposite polarity
            adjective = _pick(rng, w["negative"] if polarity == "Positive" else w["positive"])
            if rng.random() < 0.7:
                tokens = ["the", _pick(rng, w["aspects"]), copula, "not"]
                tokens += _maybe(rng, w["intensifiers"], 0.3) + [adjective]
            else:
                tokens = ["not", adjective, "at", "all"]
                tokens = ["the", _pick(rng, w["places"]), copula] + tokens
            return tokens, polarity, None, None
        # contrast: "the A was x but the B was y" -> the polarity of y
        first, second = rng.choice(len(w["aspects"]), size=2, replace=False)
        last_adj = _pick(rng, adjectives)
        first_adj = _pick(rng, w["negative"] if polarity == "Positive" else w["positive"])

        def render(x, y):
            return [
                "the",
                w["aspects"][first],
                copula,
                x,
                "but",
                "the",
                w["aspects"][second],
                copula,
                y,
            ]

        return render(first_adj, last_adj), polarity, render(last_adj, first_adj), opposite
    # Korean
    if kind == "plain":
        word = _pick(rng, adjectives + (w["praise"] if polarity == "Positive" else w["complaint"]))
        intensifiers = w["intensifiers"] if word in adjectives else w["superlative intensifiers"]
        if rng.random() < 0.6:
            tokens = [_pick(rng, w["aspects"])] + _maybe(rng, intensifiers)
        else:
            tokens = ["이", _pick(rng, w["places"])] + _maybe(rng, intensifiers, 0.3)
        return tokens + [word], polarity, None, None
    if kind == "negation":
        adjective = _pick(rng, w["negative"] if polarity == "Positive" else w["positive"])
        if rng.random() < 0.6:
            tokens = [_pick(rng, w["aspects"])]
        else:
            tokens = ["이", _pick(rng, w["places"])]
        tokens += _maybe(rng, w["negation adverbs"])
        return tokens + _negate_korean(adjective, rng), polarity, None, None
    first, second = rng.choice(len(w["aspects"]), size=2, replace=False)
    last_adj = _pick(rng, adjectives)
    first_adj = _pick(rng, w["negative"] if polarity == "Positive" else w["positive"])
    but = _pick(rng, w["but"])

    def render(x, y):
        return [w["aspects"][first], x, but, w["aspects"][second], y]

    return render(first_adj, last_adj), polarity, render(last_adj, first_adj), opposite


def negation_form(text: str) -> str | None:
    """How a sentence negates: ``"word"`` ("not", "안": a word of its own before the
    adjective), ``"ending"`` (Korean "<stem>지 않아요": the adjective's ending changes too),
    or None."""
    tokens = tokenize(text, "word")
    if tokens and tokens[-1] == "않아요":
        return "ending"
    return "word" if "not" in tokens or "안" in tokens else None


def sentiment_lexicon() -> dict[str, tuple[str, str]]:
    """The sentiment templates' adjectives: ``{word: (language, "positive" | "negative")}``."""
    lexicon = {}
    for language, words in _SENTIMENT_WORDS.items():
        for polarity, keys in (
            ("positive", ("positive", "praise")),
            ("negative", ("negative", "complaint")),
        ):
            for key in keys:
                for word in words.get(key, []):
                    lexicon[word] = (language, polarity)
    return lexicon


def sentiment_word_groups() -> dict[str, list[str]]:
    """The sentiment templates' words grouped by the slot they fill, per language:
    ``{"en aspect": ["room", ...], "en adjective": [...], "en intensifier": [...],
    "ko aspect": [...], "ko adjective": [...], "ko intensifier": [...]}``.

    Words of one group are used in the same contexts ("the ___ was", "was ___"), whatever
    their meaning; adjectives of both polarities share a group.
    """
    groups = {}
    for language, words in _SENTIMENT_WORDS.items():
        adjectives = [
            w for key in ("positive", "negative", "praise", "complaint") for w in words.get(key, [])
        ]
        groups[f"{language} aspect"] = list(words["aspects"])
        groups[f"{language} adjective"] = adjectives
        groups[f"{language} intensifier"] = list(words["intensifiers"])
    return groups


_DEVICES = ["Alarm", "Lights", "Music"]
_STATES = ["On", "Off"]
_INTENT_WORDS = {
    "en": {
        "device": {"Alarm": "alarm", "Lights": "lights", "Music": "music"},
        "state": {"On": "on", "Off": "off"},
        "verbs": ["turn", "switch"],
        "before": [["please"], ["can", "you"], ["hey"]],
        "after": [["please"], ["now"]],
        "fix": [["no", "wait"], ["sorry", "i", "mean"], ["actually"]],
    },
    "ko": {
        "device": {"Alarm": "알람", "Lights": "불", "Music": "음악"},
        # verb stems for each device and state; the auxiliary verb 주다 follows, written
        # apart as the spelling rules prefer ("켜 줘", "켜 주세요")
        "verb": {
            ("Alarm", "On"): ["켜", "맞춰"],
            ("Lights", "On"): ["켜"],
            ("Music", "On"): ["틀어", "켜"],
            ("Alarm", "Off"): ["꺼", "해제해"],
            ("Lights", "Off"): ["꺼"],
            ("Music", "Off"): ["꺼", "멈춰"],
        },
        # one speech level per utterance: 반말 (plain) or 존댓말 (polite)
        "endings": {"반말": ["줘", "줄래"], "존댓말": ["주세요", "줄래요"]},
        "before": [["지금"], ["빨리"], ["얼른"], ["이제"]],
        "fix": {
            "반말": [["아니"], ["아니", "잠깐"], ["아", "아니다"]],
            "존댓말": [["아니요"], ["아니", "잠깐만요"], ["아", "죄송해요"]],
        },
    },
}

#: the speech levels of the Korean commands and the endings of each
KOREAN_SPEECH_LEVELS = {
    level: list(endings) for level, endings in _INTENT_WORDS["ko"]["endings"].items()
}


def _command(lang, device, state, style, elliptic=False):
    """The words of one command; ``style`` = (template, verb/prefix choices...)."""
    w = _INTENT_WORDS[lang]
    if lang == "en":
        template, verb, before, after = style
        d, s = w["device"][device], w["state"][state]
        if elliptic:
            body = ["the", d, s]
        elif template == 0:
            body = [verb, "the", d, s]
        else:
            body = [verb, s, "the", d]
        return before + body + after
    level, ending, please, choice, before = style
    stems = w["verb"][(device, state)]
    endings = w["endings"][level]
    middle = ["좀"] if please else []
    return before + [w["device"][device]] + middle + [stems[choice % len(stems)], endings[ending]]


def _command_style(lang, rng, allow_extras=True, level=None):
    """Random choices for one command; Korean commands take ``level`` if given."""
    w = _INTENT_WORDS[lang]
    if lang == "en":
        before = _pick(rng, w["before"]) if allow_extras and rng.random() < 0.4 else []
        after = _pick(rng, w["after"]) if allow_extras and rng.random() < 0.3 else []
        return (int(rng.integers(2)), _pick(rng, w["verbs"]), before, after)
    before = _pick(rng, w["before"]) if allow_extras and rng.random() < 0.3 else []
    level = _pick(rng, list(w["endings"])) if level is None else level
    ending = int(rng.integers(len(w["endings"][level])))
    return (level, ending, bool(rng.random() < 0.4), int(rng.integers(2)), before)


def _intent_example(kind, lang, rng):
    intents = [(d, s) for d in _DEVICES for s in _STATES]
    if kind == "plain":
        device, state = intents[rng.integers(len(intents))]
        tokens = _command(lang, device, state, _command_style(lang, rng))
        return tokens, f"{device}.{state}", None, None
    # correction: "<first command> no wait <last command>" -> the last command
    first, last = rng.choice(len(intents), size=2, replace=False)
    style_a = _command_style(lang, rng, False)
    # a Korean utterance keeps one speech level: the correction and the second command
    # take the first command's
    level = style_a[0] if lang == "ko" else None
    style_b = _command_style(lang, rng, False, level=level)
    elliptic = lang == "en" and rng.random() < 0.5
    fixes = _INTENT_WORDS[lang]["fix"]
    fix = _pick(rng, fixes[level] if lang == "ko" else fixes)

    def render(a, b):
        return (
            _command(lang, *intents[a], style_a)
            + fix
            + _command(lang, *intents[b], style_b, elliptic=elliptic)
        )

    label = "{}.{}".format(*intents[last])
    twin_label = "{}.{}".format(*intents[first])
    twin = render(last, first)
    if sorted(twin) != sorted(render(first, last)):  # the Korean verbs differ by device
        return None
    return render(first, last), label, twin, twin_label


def _generate(make, counts, languages, classes, test_fraction, rng, source):
    languages = tuple(languages)
    if not languages or any(lang not in ("en", "ko") for lang in languages):
        raise ValueError(f"languages: expected a non-empty subset of ('en', 'ko'), got {languages}")
    test_fraction = check_fraction(test_fraction, "test_fraction")
    rng = as_generator(rng)
    examples, seen = [], set()
    for lang in languages:
        for kind, count in counts.items():
            count = check_positive_int(count, f"{kind}", minimum=0)
            made, misses = 0, 0
            while made < count and misses < 2000:  # 2000 repeats in a row: templates exhausted
                result = make(kind, lang, rng)
                misses += 1
                if result is None:
                    continue
                tokens, label, twin, twin_label = result
                text = " ".join(tokens)
                if text in seen or (twin is not None and " ".join(twin) in seen):
                    continue
                misses = 0
                group = len(examples)
                pair = [(text, label)] + ([(" ".join(twin), twin_label)] if twin else [])
                for member_text, member_label in pair:
                    seen.add(member_text)
                    examples.append(
                        dict(
                            text=member_text,
                            label=member_label,
                            label_of_group=f"{lang}/{kind}",
                            language=lang,
                            kind=kind,
                            order_dependent=twin is not None,
                            group=group,
                        )
                    )
                made += 1
            if made < count:
                raise ValueError(
                    f"{kind}: the templates give only {made} different {lang} sentences, "
                    f"asked for {count}"
                )
    train, test = _split(examples, classes, test_fraction, rng)
    return ClassificationData(train, test, list(classes), "word", source)


def sentiment_data(
    *,
    plain: int = 240,
    negation: int = 100,
    contrast: int = 100,
    languages: Sequence[str] = ("en", "ko"),
    test_fraction: float = 0.3,
    rng=0,
) -> ClassificationData:
    """Template review snippets -> Positive / Negative, in English and Korean.

    ``plain``/``negation`` sentences and ``contrast`` *pairs* of twins per language
    (so ``2 * contrast`` contrast sentences). Twins are flagged ``order_dependent``.
    """
    source = (
        "Generated by rnnlib.data.classification from hotel-review templates (English, Korean)."
    )
    counts = {"plain": plain, "negation": negation, "contrast": contrast}
    return _generate(
        _sentiment_example, counts, languages, ["Negative", "Positive"], test_fraction, rng, source
    )


def intent_data(
    *,
    plain: int = 160,
    correction: int = 120,
    languages: Sequence[str] = ("en", "ko"),
    test_fraction: float = 0.3,
    rng=0,
) -> ClassificationData:
    """Template smart-home commands -> Alarm/Lights/Music . On/Off, in English and Korean.

    ``correction`` pairs of twins ("turn off the lights no wait the alarm on" ->
    Alarm.On / "turn on the alarm no wait the lights off" -> Lights.Off) per language.
    """
    source = "Generated by rnnlib.data.classification from smart-home command templates (English, Korean)."
    classes = [f"{d}.{s}" for d in _DEVICES for s in _STATES]
    counts = {"plain": plain, "correction": correction}
    return _generate(_intent_example, counts, languages, classes, test_fraction, rng, source)


_HOMONYM = {
    "subjects": ["나는", "그는", "민수는", "언니가", "우리는", "친구가"],
    "times": ["어제", "오늘", "아침에", "방금"],
    "fillers": ["결국", "다시", "조용히", "또", "빨리", "먼저"],
    "apple": ["먹었다", "샀다", "깎았다", "씻었다"],
    "apology": ["했다", "드렸다", "거절했다", "요구했다"],
}


def homonym_data(n: int = 400, *, test_fraction: float = 0.3, rng=0) -> ClassificationData:
    """Korean sentences with "사과를" = an apple or an apology, decided by a later verb.

    "나는 어제 사과를 결국 먹었다" (apple) / "나는 어제 사과를 결국 했다" (apology). The
    words before "사과를" are drawn independently of the sense, so a left-to-right reader
    is at chance when it reaches it. ``positions`` holds the index of "사과를".
    """
    n = check_positive_int(n, "n", minimum=2)
    test_fraction = check_fraction(test_fraction, "test_fraction")
    rng = as_generator(rng)
    w = _HOMONYM
    examples, seen, misses = [], set(), 0
    while len(examples) < n and misses < 2000:
        misses += 1
        sense = "apple" if rng.random() < 0.5 else "apology"
        before = [_pick(rng, w["subjects"])] + _maybe(rng, w["times"])
        # at most one adverb: two stacked ones ("또 결국", "먼저 또") read oddly
        fillers = _maybe(rng, w["fillers"], 0.7)
        tokens = before + ["사과를"] + fillers + [_pick(rng, w[sense])]
        text = " ".join(tokens)
        if text in seen:
            continue
        seen.add(text)
        misses = 0
        examples.append(
            dict(
                text=text,
                label=sense,
                label_of_group=sense,
                language="ko",
                kind="plain",
                order_dependent=False,
                group=len(examples),
                position=len(before),
            )
        )
    if len(examples) < n:
        raise ValueError(
            f"n: the templates give only {len(examples)} different sentences, asked for {n}"
        )
    source = "Generated by rnnlib.data.classification: 사과 (apple / apology) sentences."
    train, test = _split(examples, ["apple", "apology"], test_fraction, rng)
    return ClassificationData(train, test, ["apple", "apology"], "word", source)
