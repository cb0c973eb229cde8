"""Chapter 7's comparison of taggers: the accuracy table and the claims made about it.

The notebook builds the six taggers one at a time; the tests build them with
:func:`rnnlib.tagging.compare_taggers` and other seeds. Both score them with
:func:`accuracy_table` and check the same :func:`tagging_claims`.
"""

from __future__ import annotations

import numpy as np

from ..tagging import accuracy


def accuracy_table(predictions, sentences, gold, ambiguous) -> dict[str, dict[str, float]]:
    """Accuracy of each tagger on all tokens, the ambiguous ones and the word *like*.

    predictions: ``{name: [predicted tag ids (T_i,) per sentence]}``; sentences: the test
    sentences as lists of words; gold: their tag ids; ambiguous: boolean masks ``(T_i,)``.
    Returns ``{name: {"all": ..., "ambiguous": ..., "like": ...}}``.
    """
    like = [np.array([w == "like" for w in s]) for s in sentences]
    return {
        name: {
            "all": accuracy(p, gold),
            "ambiguous": accuracy(p, gold, ambiguous),
            "like": accuracy(p, gold, like),
        }
        for name, p in predictions.items()
    }


def tagging_claims(table) -> dict[str, bool]:
    """The chapter's claims about an :func:`accuracy_table` of the six taggers.

    Returns ``{claim, in words: whether it holds}``; the margins are in the words.
    """
    amb = {name: row["ambiguous"] for name, row in table.items()}
    on_like = {name: row["like"] for name, row in table.items()}
    others = [name for name in table if name != "most frequent tag"]
    return {
        "ambiguous tokens: baseline below 0.72, every other tagger above 0.9": (
            amb["most frequent tag"] < 0.72 and min(amb[n] for n in others) > 0.9
        ),
        "ambiguous tokens: RNN + Viterbi beats the RNN by more than 0.02": (
            amb["RNN + Viterbi (hybrid)"] > amb["RNN (argmax)"] + 0.02
        ),
        "ambiguous tokens: the BiRNN beats the RNN by more than 0.02": (
            amb["BiRNN (argmax)"] > amb["RNN (argmax)"] + 0.02
        ),
        "ambiguous tokens: Viterbi costs the BiRNN less than 0.005": (
            amb["BiRNN + Viterbi (hybrid)"] > amb["BiRNN (argmax)"] - 0.005
        ),
        "'like': the BiRNN beats the HMM by more than 0.02": (
            on_like["BiRNN (argmax)"] > on_like["HMM (counts + Viterbi)"] + 0.02
        ),
    }
