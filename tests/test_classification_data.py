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


def _negated_polarity(tokens):
    """The polarity of the adjective a negation flips: "not"/"안" + adjective, or a Korean
    long form "<stem> 않아요"."""
    stems = {stem: adjective for adjective, (stem, _) in cd.KOREAN_NEGATION.items()}
    if tokens[-1] == "않아요":
        return _polarity(stems[tokens[-2]])
    return _polarity([word for word in tokens if word in cd.sentiment_lexicon()][-1])


def test_sentiment_labels_follow_the_rules(sentiment):
    flip = {"positive": "Negative", "negative": "Positive"}
    keep = {"positive": "Positive", "negative": "Negative"}
    for split in (sentiment.train, sentiment.test):
        for text, label, kind in zip(split.texts, split.labels, split.kinds, strict=True):
            tokens = text.split()
            assert not text.startswith(("what a so ", "what an so ")), text
            if kind == "negation":
                assert {"not", "안", "않아요"} & set(tokens), text
                assert sentiment.classes[label] == flip[_negated_polarity(tokens)], text
            else:
                lexicon = cd.sentiment_lexicon()
                last = [word for word in tokens if word in lexicon][-1]
                assert sentiment.classes[label] == keep[_polarity(last)], text


def test_negation_form():
    assert cd.negation_form("the bed was not bad") == "word"
    assert cd.negation_form("방은 안 나빠요") == "word"
    assert cd.negation_form("위치는 나쁘지 않아요") == "ending"
    assert cd.negation_form("방은 나빠요") is None and cd.negation_form("the room was bad") is None


def _korean(data):
    return [
        text
        for split in (data.train, data.test)
        for text, language in zip(split.texts, split.languages, strict=True)
        if language == "ko"
    ]


@pytest.mark.parametrize("seed", [0, 1])
def test_korean_negation_takes_the_natural_form(seed):
    """ "안" only before adjectives where the short negation is natural ("안 좋아요", never
    "안 훌륭해요"); every long form "-지 않아요" follows its own adjective's stem; and where
    both forms are natural the data hold both."""
    texts = _korean(cd.sentiment_data(rng=seed))
    short_ok = {adj for adj, (_, ok) in cd.KOREAN_NEGATION.items() if ok}
    long_only = set(cd.KOREAN_NEGATION) - short_ok
    assert {"훌륭해요", "만족스러워요", "실망스러워요"} <= long_only
    assert {"좋아요", "나빠요"} <= short_ok
    stems = {stem for stem, _ in cd.KOREAN_NEGATION.values()}
    assert all(stem.endswith("지") for stem in stems)
    seen = set()
    for text in texts:
        tokens = text.split()
        for before, word in zip(tokens, tokens[1:], strict=False):
            if before == "안":
                assert word in short_ok, text
                seen.add(("short", word))
            if word == "않아요":
                assert before in stems, text
                seen.add(("long", before))
            assert not (before == "안" and word in stems), text  # no "안 좋지 않아요"
        assert "안" not in tokens or tokens.index("안") == len(tokens) - 2, text
    for adjective in short_ok:
        assert ("short", adjective) in seen and ("long", cd.KOREAN_NEGATION[adjective][0]) in seen
    for adjective in long_only:
        assert ("long", cd.KOREAN_NEGATION[adjective][0]) in seen


def test_korean_words_are_spaced_and_superlatives_not_intensified(sentiment, intent):
    """Whitespace is where the spelling rules put it: no auxiliary verb glued to its main
    verb ("켜줘", "해제해줘"), no particle or ending left alone; "아주"/"너무" never before
    "최고예요"/"최악이에요"/"짱입니다"/"별로예요"."""
    glued = ("줘", "줄래", "주세요", "줄래요")
    superlatives = {"짱입니다", "최고예요", "최악이에요", "별로예요"}
    korean = _korean(sentiment) + _korean(intent) + _korean(cd.homonym_data(rng=0))
    for text in korean:
        tokens = text.split()
        assert text == " ".join(tokens), text  # single spaces, nothing at the ends
        for before, word in zip(tokens, tokens[1:], strict=False):
            assert not (word in superlatives and before in ("아주", "너무")), text
        for token in tokens:
            assert token in glued or not token.endswith(glued), text
            assert token not in ("은", "는", "이가", "를", "을", "요", "지"), text
    assert "알람 꺼 줘" in _korean(intent) or "알람 꺼 줘" in _korean(cd.intent_data(rng=3))


@pytest.mark.parametrize("seed", [0, 1])
def test_each_korean_command_keeps_one_speech_level(seed):
    """No utterance mixes 반말 (-줘, -줄래) with 존댓말 (-주세요, -줄래요), and both levels occur."""
    levels = {
        ending: level for level, endings in cd.KOREAN_SPEECH_LEVELS.items() for ending in endings
    }
    assert levels == {"줘": "반말", "줄래": "반말", "주세요": "존댓말", "줄래요": "존댓말"}
    data = cd.intent_data(rng=seed)
    used = {}
    for text in _korean(data):
        found = {levels[t] for t in text.split() if t in levels}
        assert len(found) == 1, text
        if "아 아니다" in text:  # a plain-speech correction
            assert found == {"반말"}, text
        if "잠깐만요" in text or "죄송해요" in text or "아니요" in text.split():
            assert found == {"존댓말"}, text
        used.setdefault(found.pop(), set()).add(text)
    assert set(used) == {"반말", "존댓말"}


_KO_ON = {"켜", "맞춰", "틀어"}
_KO_OFF = {"꺼", "해제해", "멈춰"}
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
            assert len(tokens) - position <= 3, text  # at most one adverb before the verb
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


def test_jamo_tokens_and_vocabulary_coverage():
    assert cd.tokenize("좋지 않아", "jamo") == list(
        "\u110c\u1169\u11c2\u110c\u1175 \u110b\u1161\u11ad\u110b\u1161"
    )
    assert cd.tokenize("좋지 않아", "char") == ["좋", "지", " ", "않", "아"]
    assert "".join(cd.tokenize("방은 좋아요", "jamo")) != "방은 좋아요"
    import unicodedata

    assert (
        unicodedata.normalize("NFC", "".join(cd.tokenize("방은 좋아요", "jamo"))) == "방은 좋아요"
    )
    # train "좋아요 정말", test "좋지 않아요": the words 좋지, 않아요 are unknown (2 of 2);
    # syllables 지, 않 (2 of 6, the space included); jamo: only ㅣ and the final ㄶ (2 of
    # 13), the other letters occur in 좋아요 정말
    train, test = ["좋아요 정말"], ["좋지 않아요"]
    words = cd.vocabulary_coverage(train, test, "word")
    assert words == {"vocab_size": 2, "oov_rate": 1.0, "texts_with_oov": 1.0, "tokens_per_text": 2}
    chars = cd.vocabulary_coverage(train, test, "char")
    assert chars["vocab_size"] == 6 and chars["oov_rate"] == 2 / 6 and chars["tokens_per_text"] == 6
    jamo = cd.vocabulary_coverage(train, test, "jamo")
    assert jamo["oov_rate"] == 2 / 13 and jamo["tokens_per_text"] == 13
    assert cd.vocabulary_coverage(["a b", "c"], ["b a", "c c"], "word")["texts_with_oov"] == 0


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
    """The sentences the notebook quotes come out of the templates (seeds 0, 2, 3 and 28
    have them; "the room was bad but the food was good" is one of ~2000 possible twins)."""
    quoted = {
        "the room was great": "Positive",
        "이 숙소 짱입니다": "Positive",
        "the bed was not bad": "Positive",
        "방은 안 나빠요": "Positive",
        "위치는 나쁘지 않아요": "Positive",
        "the room was good but the food was bad": "Negative",
        "the room was bad but the food was good": "Positive",
        "turn the alarm off": "Alarm.Off",
        "알람 꺼 줘": "Alarm.Off",
        "turn off the lights no wait the alarm on": "Alarm.On",
        "turn on the alarm no wait the lights off": "Lights.Off",
    }
    found = {}
    corpora = [
        maker(rng=seed) for seed in (0, 2, 3, 28) for maker in (cd.sentiment_data, cd.intent_data)
    ]
    for data in corpora:
        for split in (data.train, data.test):
            for text, label in zip(split.texts, split.labels, strict=True):
                if text in quoted:
                    found[text] = data.classes[label]
    assert found == quoted
