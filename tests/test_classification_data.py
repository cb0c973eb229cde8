"""Data sets of chapter 6: names -> language, sentiment, intent, homonyms; batching."""

import numpy as np
import pytest

from rnnlib import SequenceModel, analysis
from rnnlib.data import classification as cd
from rnnlib.data.names import person_names


@pytest.fixture(scope="module")
def names():
    return cd.name_language_data(rng=0)


@pytest.fixture(scope="module")
def sentiment():
    return cd.sentiment_data(rng=0)


@pytest.fixture(scope="module")
def intent():
    return cd.intent_data(rng=0)


def test_names_are_seeded_stratified_and_disjoint(names):
    again = cd.name_language_data(rng=0)
    assert again.train.texts == names.train.texts and again.test.texts == names.test.texts
    other = cd.name_language_data(rng=1)
    assert other.test.texts != names.test.texts
    assert not set(names.train.texts) & set(names.test.texts)
    assert np.all(np.bincount(names.train.labels) == 225)
    assert np.all(np.bincount(names.test.labels) == 75)
    assert all(t.isalpha() and t == t.lower() for t in names.train.texts + names.test.texts)


def test_names_shared_by_two_languages_are_removed(names):
    lists = {
        lang: {n.strip().lower() for n in person_names(locale, "last")}
        for lang, locale in cd.NAME_LOCALES.items()
    }
    for split in (names.train, names.test):
        for text, label in zip(split.texts, split.labels, strict=True):
            owners = [lang for lang, members in lists.items() if text in members]
            assert owners == [names.classes[label]], (text, owners)


def test_names_subset_of_languages():
    data = cd.name_language_data(["Finnish", "Italian"], per_class=40, test_fraction=0.5, rng=3)
    assert data.classes == ["Finnish", "Italian"]
    assert len(data.train) == len(data.test) == 40
    assert data.level == "char" and "fi_FI" in data.source


@pytest.mark.parametrize(
    "kwargs, error",
    [
        (dict(languages=["Finnish"]), ValueError),
        (dict(languages=["Finnish", "Klingon"]), ValueError),
        (dict(languages=["Finnish", "Finnish"]), ValueError),
        (dict(per_class=2), ValueError),
        (dict(per_class=2.5), TypeError),
        (dict(test_fraction=1.0), ValueError),
        (dict(rng="seed"), TypeError),
    ],
)
def test_names_bad_input(kwargs, error):
    with pytest.raises(error, match=next(iter(kwargs))):
        cd.name_language_data(**kwargs)


def _polarity(word):
    return cd.sentiment_lexicon()[word][1]


def test_sentiment_labels_follow_the_rules(sentiment):
    flip = {"positive": "Negative", "negative": "Positive"}
    keep = {"positive": "Positive", "negative": "Negative"}
    for split in (sentiment.train, sentiment.test):
        for text, label, kind in zip(split.texts, split.labels, split.kinds, strict=True):
            lexicon = cd.sentiment_lexicon()
            last = [word for word in text.split() if word in lexicon][-1]
            rule = flip if kind == "negation" else keep
            assert sentiment.classes[label] == rule[_polarity(last)], text
            if kind == "negation":
                assert "not" in text.split() or "안" in text.split()


_KO_ON = {"켜줘", "맞춰줘", "틀어줘", "켜", "맞춰", "틀어"}
_KO_OFF = {"꺼줘", "해제해줘", "멈춰줘", "꺼", "해제해", "멈춰"}
_DEVICE = {
    "alarm": "Alarm",
    "lights": "Lights",
    "music": "Music",
    "알람": "Alarm",
    "불": "Lights",
    "음악": "Music",
}


def _intent_rule(text):
    """The intent of the last command: the last device word and the last on/off word."""
    tokens = text.split()
    device = [_DEVICE[t] for t in tokens if t in _DEVICE][-1]
    states = [
        "On" if t in ("on",) or t in _KO_ON else "Off"
        for t in tokens
        if t in ("on", "off") or t in _KO_ON or t in _KO_OFF
    ]
    return f"{device}.{states[-1]}"


def test_intent_labels_follow_the_last_command(intent):
    for split in (intent.train, intent.test):
        for text, label in zip(split.texts, split.labels, strict=True):
            assert intent.classes[label] == _intent_rule(text), text


@pytest.mark.parametrize("which", ["sentiment", "intent"])
def test_twins_have_the_same_words_and_different_labels(which, sentiment, intent):
    data = {"sentiment": sentiment, "intent": intent}[which]
    test_groups, train_groups = set(data.test.group), set(data.train.group)
    assert not test_groups & train_groups  # twins never straddle the split
    for split in (data.train, data.test):
        kinds = np.array(split.kinds)
        assert np.array_equal(split.order_dependent, np.isin(kinds, ["contrast", "correction"]))
        for group in np.unique(split.group[split.order_dependent]):
            rows = np.flatnonzero(split.group == group)
            assert len(rows) == 2
            first, second = (split.texts[i] for i in rows)
            assert first != second and sorted(first.split()) == sorted(second.split())
            assert split.labels[rows[0]] != split.labels[rows[1]]
    texts = data.train.texts + data.test.texts
    assert len(set(texts)) == len(texts)  # no sentence twice
    assert {"en", "ko"} == set(data.train.languages)


def test_corpus_sizes_and_where(sentiment):
    everything = len(sentiment.train) + len(sentiment.test)
    assert everything == 2 * (240 + 100 + 2 * 100)
    korean = sentiment.test.where(language="ko", kind="negation")
    assert len(korean) > 0 and set(korean.languages) == {"ko"} and set(korean.kinds) == {"negation"}
    assert sentiment.test.subset(np.arange(3)).texts == sentiment.test.texts[:3]


def test_english_only_and_bad_languages():
    data = cd.intent_data(plain=20, correction=10, languages=("en",), rng=2)
    assert set(data.train.languages) == {"en"}
    with pytest.raises(ValueError, match="languages"):
        cd.sentiment_data(languages=("fr",))
    with pytest.raises(ValueError, match="plain"):
        cd.intent_data(plain=100000, languages=("ko",))


def test_homonym_sense_is_decided_after_the_word():
    data = cd.homonym_data(200, rng=1)
    apple_verbs = {"먹었다", "샀다", "깎았다", "씻었다"}
    for split in (data.train, data.test):
        for text, label, position in zip(split.texts, split.labels, split.positions, strict=True):
            tokens = text.split()
            assert tokens[position] == "사과를"
            assert data.classes[label] == ("apple" if tokens[-1] in apple_verbs else "apology")
    # the words before 사과를 come with both senses
    prefixes = {}
    for text, label, position in zip(
        data.train.texts, data.train.labels, data.train.positions, strict=True
    ):
        prefixes.setdefault(" ".join(text.split()[:position]), set()).add(int(label))
    assert np.mean([len(v) == 2 for v in prefixes.values()]) > 0.5


def test_encode_batch_pads_and_maps_unknown_tokens():
    vocab = cd.build_vocabulary(["ab", "abc"], "char")
    assert vocab.tokens[:2] == [cd.PAD, cd.UNKNOWN]
    ids, mask = cd.encode_batch(["abc", "z"], vocab, "char")
    assert ids.shape == (3, 2) and mask.tolist() == [[1, 1], [1, 0], [1, 0]]
    assert ids[0, 1] == vocab.index[cd.UNKNOWN] and ids[1, 1] == vocab.index[cd.PAD]
    words = cd.build_vocabulary(["the room"], "word")
    assert words.decode(cd.encode_batch(["room the"], words, "word")[0][:, 0]) == ["room", "the"]


@pytest.mark.parametrize(
    "texts, error, match",
    [
        ("abc", TypeError, "texts"),
        (["ab", ""], ValueError, r"texts\[1\]"),
        ([3], TypeError, "text"),
    ],
)
def test_encode_batch_bad_input(texts, error, match):
    vocab = cd.build_vocabulary(["ab"], "char")
    with pytest.raises(error, match=match):
        cd.encode_batch(texts, vocab, "char")


def test_encode_batch_needs_pad_and_unknown():
    from rnnlib.data.encoding import Vocabulary

    with pytest.raises(ValueError, match="vocab"):
        cd.encode_batch(["ab"], Vocabulary("ab"), "char")
    with pytest.raises(ValueError, match="level"):
        cd.tokenize("ab", "sentence")


def test_batches_cover_every_example_once_and_reshuffle(sentiment):
    vocab = cd.build_vocabulary(sentiment.train.texts, "word")
    epoch = cd.batches(sentiment.train, vocab, "word", 50, rng=0)
    first = [labels for _, labels, _ in epoch()]
    assert sum(len(labels) for labels in first) == len(sentiment.train)
    assert np.array_equal(np.sort(np.concatenate(first)), np.sort(sentiment.train.labels))
    second = [labels for _, labels, _ in epoch()]
    assert not all(np.array_equal(a, b) for a, b in zip(first, second, strict=True))
    ids, labels, mask = next(epoch())
    assert ids.shape == mask.shape and ids.shape[1] == len(labels)


def test_per_token_batches_and_predict():
    data = cd.homonym_data(40, rng=0)
    vocab = cd.build_vocabulary(data.train.texts, "word")
    ids, targets, mask = next(cd.batches(data.train, vocab, "word", 8, rng=0, per_token=True)())
    assert targets.shape == ids.shape
    assert np.all((targets >= 0).sum(axis=0) == 1)
    model = SequenceModel("gru", vocab_size=len(vocab), hidden_size=4, output_size=2, rng=0)
    assert analysis.predict_classes(model, data.test, vocab, "word").shape == (len(data.test),)
    sentiment = cd.sentiment_data(plain=10, negation=5, contrast=5, rng=0)
    with pytest.raises(ValueError, match="per_token"):
        cd.batches(sentiment.train, vocab, "word", rng=0, per_token=True)
    with pytest.raises(ValueError, match="split"):
        analysis.predict_classes(model, sentiment.test, vocab, "word")


def test_homonym_bad_input():
    with pytest.raises(ValueError, match="n"):
        cd.homonym_data(1)
    with pytest.raises(TypeError, match="n"):
        cd.homonym_data(10.5)


def test_the_chapter_examples_are_generated():
    """The sentences the notebook quotes come out of the templates (seeds 0 and 3 have them)."""
    quoted = {
        "the room was great": "Positive",
        "이 숙소 짱입니다": "Positive",
        "the bed was not bad": "Positive",
        "방은 안 나빠요": "Positive",
        "the room was good but the food was bad": "Negative",
        "the room was bad but the food was good": "Positive",
        "turn the alarm off": "Alarm.Off",
        "알람 꺼줘": "Alarm.Off",
        "turn off the lights no wait the alarm on": "Alarm.On",
        "turn on the alarm no wait the lights off": "Lights.Off",
    }
    found = {}
    corpora = [maker(rng=seed) for seed in (0, 3) for maker in (cd.sentiment_data, cd.intent_data)]
    for data in corpora:
        for split in (data.train, data.test):
            for text, label in zip(split.texts, split.labels, strict=True):
                if text in quoted:
                    found[text] = data.classes[label]
    assert found == quoted
