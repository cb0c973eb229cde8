"""The sweep: wrong inputs to every public entry point of rnnlib, one table.

Each row calls one entry point with one wrong input (wrong shape, ndim, dtype, NaN/inf,
empty, out-of-range ids, wrong types, mismatched companions) and names the exception
and a piece of its message: the argument's name, and where it matters what was expected
or given. Every row runs in a fresh ``World`` (models, caches, optimisers with state, a
saved file, fitted chapter models); after the failing call the whole World must be
exactly as it was: parameters, gradients, optimiser state, file bytes, fitted tables.
"""

import json
from pathlib import Path

import numpy as np
import pytest
from snapshots import assert_unchanged, snapshot

from rnnlib import functional, gradcheck, io, losses
from rnnlib.analysis import (
    accuracy,
    cosine_similarities,
    nearest_words,
    nrmse_by_context,
    predict_classes,
)
from rnnlib.baselines import BagOfWordsClassifier, CharBigramClassifier
from rnnlib.cells import GRUCell, LSTMCell, RNNCell, register_cell
from rnnlib.data import classification, encoding, names, pos, series, tasks, text
from rnnlib.embeddings import SkipGram, skipgram_loss, skipgram_pairs
from rnnlib.generate import (
    bits_per_char,
    free_run,
    generate,
    hidden_activations,
    next_char_distribution,
)
from rnnlib.hopfield import (
    HopfieldNetwork,
    capacity_theory,
    hebbian_weights,
    one_step_error_rate,
    retrieval_error_rate,
)
from rnnlib.layers import Dense, Embedding, init_uniform
from rnnlib.models import SequenceModel
from rnnlib.ngram import CharNGram
from rnnlib.optim import SGD, Adagrad, Adam, clip_grad_norm, clip_grad_value, global_grad_norm
from rnnlib.recurrent import Bidirectional, Recurrent, Stacked
from rnnlib.tagging import (
    HMM,
    MostFrequentTag,
    Transitions,
    count_emissions,
    count_transitions,
    hybrid_decode,
    path_score,
    rnn_log_posteriors,
    scaled_log_likelihoods,
    tag_prior,
    tag_word_counts,
    tagging_batches,
    viterbi,
    window_ids,
    window_log_posteriors,
)
from rnnlib.train import fit, train_step

T, B, D, H, V, C = 4, 2, 3, 4, 5, 5
NAN = float("nan")


class World:
    """Everything a row may touch, built fresh for every row."""

    def __init__(self, directory: Path):
        rng = np.random.default_rng(0)
        self.x = rng.normal(size=(T, B, D))
        self.ids = rng.integers(0, V, size=(T, B))
        self.targets = rng.integers(0, C, size=(T, B))
        self.mask = np.ones((T, B))
        self.mask[-1, 1] = 0.0
        # layers and cells, each with a cache from a forward pass
        self.dense, self.embedding = Dense(D, 2, rng=1), Embedding(V, 3, rng=2)
        self.dense_cache = self.dense.forward(self.x)[1]
        self.embedding_cache = self.embedding.forward(self.ids)[1]
        self.rnn_cell, self.lstm_cell = RNNCell(D, H, rng=3), LSTMCell(D, H, rng=4)
        self.lstm_step = self.lstm_cell.forward(self.x[0])[1]
        self.rnn = Recurrent(RNNCell(D, H, rng=5))
        self.rnn_cache = self.rnn.forward(self.x, mask=self.mask)[1]
        self.bi = Bidirectional(GRUCell(D, H, rng=6), GRUCell(D, 2, rng=7))
        self.bi_cache = self.bi.forward(self.x)[1]
        self.stack = Stacked([Recurrent(LSTMCell(D, H, rng=8)), Recurrent(RNNCell(H, 2, rng=9))])
        self.stack_cache = self.stack.forward(self.x)[1]
        # models with optimisers that have taken a step (so they have moments)
        self.model = SequenceModel(
            "lstm",
            hidden_size=H,
            output_size=C,
            vocab_size=V,
            embedding_dim=3,
            num_layers=2,
            rng=10,
        )
        self.adam = Adam(self.model, lr=0.01)
        train_step(self.model, self.adam, self.ids, self.targets, self.mask)
        self.model_cache = self.model.forward(self.ids)[1]
        self.clf = SequenceModel(
            "gru", hidden_size=3, output_size=2, input_size=D, bidirectional=True,
            many_to_one=True, rng=11,
        )  # fmt: skip
        self.sgd = SGD(self.clf, lr=0.1, momentum=0.9)
        train_step(self.clf, self.sgd, self.x, np.array([0, 1]))
        self.clf_cache = self.clf.forward(self.x)[1]
        self.trace = self.rnn_cache.trace
        # a saved model with its optimiser, and a file that is not a model
        self.path = directory / "model.npz"
        io.save(self.path, self.model, {"note": "saved"}, optimizer=self.adam)
        self.other_file = directory / "notes.txt"
        self.other_file.write_text("not a model")
        # chapter models, fitted
        self.vocab = encoding.Vocabulary("abcde")
        self.char_model = SequenceModel("rnn", hidden_size=3, output_size=V, vocab_size=V, rng=12)
        self.ngram = CharNGram(2, V).fit(np.array([0, 1, 2, 3, 4, 0, 1]))
        patterns = np.where(rng.random((2, 8)) < 0.5, -1.0, 1.0)
        self.hopfield = HopfieldNetwork.from_patterns(patterns)
        self.tags = [np.array([0, 1, 2]), np.array([1, 0])]
        self.words = [np.array([0, 3, 4]), np.array([2, 1])]
        self.transitions = count_transitions(self.tags, 3)
        self.hmm = HMM.fit(self.words, self.tags, V, 3)
        self.bigram = CharBigramClassifier().fit(["ab", "ba", "abba"], np.array([0, 1, 0]), 2)
        self.bow = BagOfWordsClassifier(steps=3).fit(["good", "bad"], np.array([0, 1]), 2)
        self.corpus = pos.generate_pos_corpus(6, rng=0)
        self.texts = classification.homonym_data(20, rng=0)
        self.skipgram = SkipGram(V, 3, rng=13)
        self.skipgram_cache = self.skipgram.forward(np.array([0, 1, 0]))[1]

    def things(self) -> dict:
        """What a failing call must leave alone."""
        kinds = (
            Dense, Embedding, RNNCell, LSTMCell, Recurrent, Bidirectional, Stacked,
            SequenceModel, Adam, SGD, Path, encoding.Vocabulary, CharNGram, HopfieldNetwork,
            HMM, CharBigramClassifier, BagOfWordsClassifier, Transitions, SkipGram,
        )  # fmt: skip
        return {name: v for name, v in vars(self).items() if isinstance(v, kinds)}


def bad_header(world, header):
    """A copy of the saved file with another JSON header."""
    return with_array(world, "__rnnlib_header__", np.array(header))


def edited_header(world, edit):
    """A copy of the saved file whose JSON header went through ``edit(header)``."""
    with np.load(world.path) as archive:
        header = json.loads(str(archive["__rnnlib_header__"]))
    edit(header)
    return bad_header(world, json.dumps(header))


def with_array(world, name, value):
    """A copy of the saved file with one array replaced (the header left as it was)."""
    with np.load(world.path) as archive:
        arrays = {n: archive[n] for n in archive.files}
    arrays[name] = value
    path = world.path.with_name("damaged.npz")
    np.savez(path, **arrays)
    return path


def model_copy(seed=10):
    return SequenceModel(
        "lstm", hidden_size=H, output_size=C, vocab_size=V, embedding_dim=3, num_layers=2, rng=seed
    )


def one_shot(w):
    return (batch for batch in [(w.ids, w.targets)])


# (entry point, what is wrong, call, exception, part of the message)
CASES = [
    # ---------------------------------------------------------------- functional
    ("functional.sigmoid", "string", lambda w: functional.sigmoid("x"), TypeError, "x: expected"),
    ("functional.sigmoid", "object", lambda w: functional.sigmoid([None]), TypeError, "x: expected a real"),
    ("functional.tanh", "complex", lambda w: functional.tanh(np.array([1j])), TypeError, "x: expected a real"),
    ("functional.relu", "None", lambda w: functional.relu(None), TypeError, "x: expected a float array"),
    ("functional.sigmoid_grad", "string", lambda w: functional.sigmoid_grad("s"), TypeError, "s: expected"),
    ("functional.tanh_grad", "object", lambda w: functional.tanh_grad([None]), TypeError, "t: expected"),
    ("functional.relu_grad", "string", lambda w: functional.relu_grad("r"), TypeError, "r: expected"),
    ("functional.softmax", "temperature string", lambda w: functional.softmax(np.zeros(3), temperature="1"), TypeError, "temperature: expected a positive number, got str"),
    ("functional.softmax", "temperature 0", lambda w: functional.softmax(np.zeros(3), temperature=0), ValueError, "temperature: expected a positive number, got 0"),
    ("functional.softmax", "temperature NaN", lambda w: functional.softmax(np.zeros(3), temperature=NAN), ValueError, "temperature"),
    ("functional.softmax", "NaN logits", lambda w: functional.softmax(np.array([0.0, NAN])), ValueError, "x: expected no NaN"),
    ("functional.softmax", "empty axis", lambda w: functional.softmax(np.zeros((2, 0))), ValueError, "x: expected at least one entry along axis -1"),
    ("functional.softmax", "axis out of range", lambda w: functional.softmax(np.zeros(3), axis=1), ValueError, "axis: expected an axis of an array of shape (3,), got 1"),
    ("functional.softmax", "axis float", lambda w: functional.softmax(np.zeros(3), axis=0.5), TypeError, "axis: expected an integer"),
    ("functional.softmax", "scalar", lambda w: functional.softmax(1.0), ValueError, "axis"),
    ("functional.log_softmax", "string", lambda w: functional.log_softmax("abc"), TypeError, "x: expected"),
    ("functional.log_softmax", "+inf", lambda w: functional.log_softmax(np.array([0.0, np.inf])), ValueError, "x: expected no NaN or +inf"),
    # ---------------------------------------------------------------- losses
    ("losses.softmax_cross_entropy", "logits string", lambda w: losses.softmax_cross_entropy("a", np.array([0])), TypeError, "logits: expected"),
    ("losses.softmax_cross_entropy", "logits NaN", lambda w: losses.softmax_cross_entropy(np.full((2, 3), NAN), np.array([0, 1])), ValueError, "logits: expected finite"),
    ("losses.softmax_cross_entropy", "logits 0-d", lambda w: losses.softmax_cross_entropy(np.float64(1.0), np.array(0)), ValueError, "logits: expected an array with 1 or 2 or 3 or 4 dimensions"),
    ("losses.softmax_cross_entropy", "empty batch", lambda w: losses.softmax_cross_entropy(np.zeros((0, 3)), np.zeros(0, int)), ValueError, "logits: expected at least one position and one class, got shape (0, 3)"),
    ("losses.softmax_cross_entropy", "no classes", lambda w: losses.softmax_cross_entropy(np.zeros((2, 0)), np.zeros(2, int)), ValueError, "logits: expected at least one position"),
    ("losses.softmax_cross_entropy", "targets shape", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1, 2])), ValueError, "targets: expected class indices of shape (2,)"),
    ("losses.softmax_cross_entropy", "target class too big", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3])), ValueError, "targets: expected indices in [0, 3), got 3"),
    ("losses.softmax_cross_entropy", "target class negative", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([-1, 0])), ValueError, "targets: expected indices in [0, 3), got -1"),
    ("losses.softmax_cross_entropy", "distribution not summing to 1", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.full((2, 3), 0.5)), ValueError, "targets: expected rows of non-negative numbers summing to 1"),
    ("losses.softmax_cross_entropy", "distribution NaN", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.full((2, 3), NAN)), ValueError, "targets: expected finite"),
    ("losses.softmax_cross_entropy", "string targets", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array(["a", "b"])), TypeError, "targets: expected a real-valued array"),
    ("losses.softmax_cross_entropy", "mask shape", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1]), np.ones(3)), ValueError, "mask: expected shape (2,), got shape (3,)"),
    ("losses.softmax_cross_entropy", "mask 0.5", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1]), np.array([1.0, 0.5])), ValueError, "mask: expected only 0/1 (or False/True) values, got 0.5 at index (1,)"),
    ("losses.softmax_cross_entropy", "mask all 0", lambda w: losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1]), np.zeros(2)), ValueError, "mask: expected at least one unmasked position"),
    ("losses.mse", "empty", lambda w: losses.mse(np.zeros(0), np.zeros(0)), ValueError, "pred: expected at least one element, got shape (0,)"),
    ("losses.mse", "NaN pred", lambda w: losses.mse(np.array([NAN]), np.zeros(1)), ValueError, "pred: expected finite"),
    ("losses.mse", "inf target", lambda w: losses.mse(np.zeros(1), np.array([np.inf])), ValueError, "target: expected finite"),
    ("losses.mse", "shapes", lambda w: losses.mse(np.zeros((2, 1)), np.zeros((2, 2))), ValueError, "target: expected shape (2, 1)"),
    ("losses.mse", "mask NaN", lambda w: losses.mse(np.zeros(2), np.zeros(2), np.array([1.0, NAN])), ValueError, "mask: expected only 0/1 (or False/True) values, got nan"),
    ("losses.mse", "mask 2", lambda w: losses.mse(np.zeros(2), np.zeros(2), np.array([1, 2])), ValueError, "got 2 at index (1,)"),
    ("losses.mse", "mask string", lambda w: losses.mse(np.zeros(2), np.zeros(2), "11"), TypeError, "mask: expected a boolean or 0/1 array"),
    ("losses.mae", "target string", lambda w: losses.mae(np.zeros(2), "ab"), TypeError, "target: expected a float array"),
    ("losses.mae", "mask all 0", lambda w: losses.mae(np.zeros(2), np.zeros(2), np.zeros(2)), ValueError, "mask: expected at least one unmasked element"),
    # ---------------------------------------------------------------- module
    ("Module.add_param", "int array", lambda w: w.dense.add_param("extra", np.zeros(2, int)), TypeError, "value: expected a float32 or float64 numpy array, got ndarray of dtype int64"),
    ("Module.add_param", "a list", lambda w: w.dense.add_param("extra", [0.0]), TypeError, "value: expected a float32 or float64 numpy array, got list"),
    ("Module.add_param", "dotted name", lambda w: w.dense.add_param("a.b", np.zeros(2)), ValueError, "name: expected an identifier such as 'W_hh', got 'a.b'"),
    ("Module.add_child", "not a module", lambda w: w.dense.add_child("child", "layer"), TypeError, "module: expected an rnnlib Module, got str"),
    ("Module.add_child", "empty name", lambda w: w.dense.add_child("", w.embedding), ValueError, "name: expected a non-empty string"),
    # ---------------------------------------------------------------- layers
    ("Dense", "int dtype", lambda w: Dense(2, 3, rng=0, dtype=int), TypeError, "dtype: expected float32 or float64, got dtype int64"),
    ("Dense", "float16", lambda w: Dense(2, 3, rng=0, dtype=np.float16), TypeError, "dtype: expected float32 or float64, got dtype float16"),
    ("Dense", "longdouble", lambda w: Dense(2, 3, rng=0, dtype=np.longdouble), TypeError, "dtype: expected float32 or float64"),
    ("Dense", "dtype nonsense", lambda w: Dense(2, 3, rng=0, dtype="banana"), TypeError, "dtype: expected float32 or float64, got str 'banana'"),
    ("Dense", "zero features", lambda w: Dense(0, 3, rng=0), ValueError, "in_features: expected an integer >= 1, got 0"),
    ("Dense", "float features", lambda w: Dense(2, 3.0, rng=0), TypeError, "out_features: expected an integer >= 1, got float 3.0"),
    ("Dense", "rng string", lambda w: Dense(2, 3, rng="0"), TypeError, "rng: expected a numpy.random.Generator or an integer seed"),
    ("Dense", "negative seed", lambda w: Dense(2, 3, rng=-1), ValueError, "rng: expected a non-negative integer seed"),
    ("init_uniform", "fan_in 0", lambda w: init_uniform(np.random.default_rng(0), (2, 2), 0, np.float64), ValueError, "fan_in: expected an integer >= 1, got 0"),
    ("Dense.forward", "features", lambda w: w.dense.forward(np.zeros((4, 2))), ValueError, "x: expected size 3 on axis -1"),
    ("Dense.forward", "scalar", lambda w: w.dense.forward(1.0), ValueError, "x: expected size 3 on axis -1"),
    ("Dense.forward", "inf", lambda w: w.dense.forward(np.full((1, 3), np.inf)), ValueError, "x: expected finite values, got 3 NaN or infinite entries"),
    ("Dense.backward", "dy shape", lambda w: w.dense.backward(np.zeros((T, B, 3)), w.dense_cache), ValueError, "dy: expected shape (4, 2, 2)"),
    ("Dense.backward", "dy NaN", lambda w: w.dense.backward(np.full((T, B, 2), NAN), w.dense_cache), ValueError, "dy: expected finite"),
    ("Dense.backward", "cache", lambda w: w.dense.backward(np.zeros((T, B, 2)), None), TypeError, "cache: expected the cache from this Dense's forward"),
    ("Embedding", "int dtype", lambda w: Embedding(5, 2, rng=0, dtype=int), TypeError, "dtype: expected float32 or float64"),
    ("Embedding", "dim 0", lambda w: Embedding(5, 0, rng=0), ValueError, "dim: expected an integer >= 1, got 0"),
    ("Embedding.forward", "id too big", lambda w: w.embedding.forward(np.array([1, 5])), ValueError, "ids: expected indices in [0, 5), got 5"),
    ("Embedding.forward", "float ids", lambda w: w.embedding.forward(np.array([1.0])), TypeError, "ids: expected an integer array"),
    ("Embedding.forward", "string ids", lambda w: w.embedding.forward("abc"), TypeError, "ids: expected an integer array"),
    ("Embedding.backward", "dvectors shape", lambda w: w.embedding.backward(np.zeros((T, B, 2)), w.embedding_cache), ValueError, "dvectors: expected shape (4, 2, 3)"),
    ("Embedding.backward", "dvectors NaN", lambda w: w.embedding.backward(np.full((T, B, 3), NAN), w.embedding_cache), ValueError, "dvectors: expected finite"),
    # ---------------------------------------------------------------- cells
    ("RNNCell", "hidden 0", lambda w: RNNCell(3, 0, rng=0), ValueError, "hidden_size: expected an integer >= 1, got 0"),
    ("RNNCell", "bool size", lambda w: RNNCell(True, 3, rng=0), TypeError, "input_size: expected an integer >= 1, got bool True"),
    ("RNNCell", "activation", lambda w: RNNCell(2, 3, rng=0, activation="sigmoid"), ValueError, "activation: expected one of 'tanh', 'relu', got 'sigmoid'"),
    ("RNNCell", "dtype int", lambda w: RNNCell(2, 3, rng=0, dtype=np.int32), TypeError, "dtype: expected float32 or float64, got dtype int32"),
    ("RNNCell", "rng None", lambda w: RNNCell(2, 3, rng=None), TypeError, "rng: expected a numpy.random.Generator"),
    ("LSTMCell", "forget_bias NaN", lambda w: LSTMCell(2, 3, rng=0, forget_bias=NAN), ValueError, "forget_bias: expected a finite number, got nan"),
    ("LSTMCell", "forget_bias string", lambda w: LSTMCell(2, 3, rng=0, forget_bias="1"), TypeError, "forget_bias: expected a finite number, got str"),
    ("GRUCell", "dtype float16", lambda w: GRUCell(2, 3, rng=0, dtype=np.float16), TypeError, "dtype: expected float32 or float64"),
    ("Cell.forward", "x rank", lambda w: w.rnn_cell.forward(np.zeros(3)), ValueError, "x: expected an array with 2 dimensions (B, D)"),
    ("Cell.forward", "x features", lambda w: w.rnn_cell.forward(np.zeros((2, 4))), ValueError, "x: expected size 3 on axis 1"),
    ("Cell.forward", "x NaN", lambda w: w.rnn_cell.forward(np.full((2, 3), NAN)), ValueError, "x: expected finite"),
    ("Cell.forward", "state batch", lambda w: w.rnn_cell.forward(np.zeros((2, 3)), np.zeros((3, H))), ValueError, "state[0] (hidden): expected size 2 on axis 0"),
    ("Cell.forward", "LSTM state one array", lambda w: w.lstm_cell.forward(np.zeros((2, 3)), np.zeros((2, H))), ValueError, "state: expected a tuple (hidden, cell_state)"),
    ("Cell.forward", "state NaN", lambda w: w.lstm_cell.forward(np.zeros((2, 3)), (np.zeros((2, H)), np.full((2, H), NAN))), ValueError, "state[1] (cell_state): expected finite"),
    ("Cell.backward", "dstate shape", lambda w: w.lstm_cell.backward((np.zeros((B, H)), np.zeros((B, 3))), w.lstm_step), ValueError, "dstate[1] (cell_state): expected size 4 on axis 1"),
    ("Cell.backward", "dstate wrong parts", lambda w: w.lstm_cell.backward((np.zeros((B, H)),), w.lstm_step), ValueError, "dstate: expected a tuple (hidden, cell_state)"),
    ("Cell.zero_state", "batch 0", lambda w: w.rnn_cell.zero_state(0), ValueError, "batch_size: expected an integer >= 1, got 0"),
    ("Cell.zero_state", "batch float", lambda w: w.rnn_cell.zero_state(2.0), TypeError, "batch_size: expected an integer"),
    ("register_cell", "name", lambda w: register_cell("My Cell", RNNCell), ValueError, "name: expected a lower-case identifier"),
    ("register_cell", "class", lambda w: register_cell("mine", Dense), TypeError, "cell_class: expected a subclass of rnnlib.cells.Cell"),
    ("register_cell", "taken", lambda w: register_cell("rnn", GRUCell), ValueError, "name: 'rnn' is already registered"),
    # ---------------------------------------------------------------- recurrent
    ("Recurrent", "not a cell", lambda w: Recurrent(w.dense), TypeError, "cell: expected an rnnlib cell, got Dense"),
    ("Recurrent.forward", "rank", lambda w: w.rnn.forward(np.zeros((5, 3))), ValueError, "inputs: expected an array with 3 dimensions (T, B, D) time-major, got shape (5, 3)"),
    ("Recurrent.forward", "features", lambda w: w.rnn.forward(np.zeros((5, 2, 4))), ValueError, "inputs: expected size 3 on axis 2"),
    ("Recurrent.forward", "no steps", lambda w: w.rnn.forward(np.zeros((0, 2, 3))), ValueError, "inputs: expected at least one step and one sequence"),
    ("Recurrent.forward", "NaN", lambda w: w.rnn.forward(np.full((5, 2, 3), NAN)), ValueError, "inputs: expected finite values, got 30 NaN"),
    ("Recurrent.forward", "ids instead of floats", lambda w: w.rnn.forward(w.ids), ValueError, "inputs: expected an array with 3 dimensions"),
    ("Recurrent.forward", "mask shape", lambda w: w.rnn.forward(w.x, mask=np.ones((T, 3))), ValueError, "mask: expected shape (4, 2), got shape (4, 3)"),
    ("Recurrent.forward", "mask 0.5", lambda w: w.rnn.forward(w.x, mask=np.full((T, B), 0.5)), ValueError, "mask: expected only 0/1 (or False/True) values, got 0.5 at index (0, 0) (8 such entries)"),
    ("Recurrent.forward", "mask NaN", lambda w: w.rnn.forward(w.x, mask=np.full((T, B), NAN)), ValueError, "got nan at index (0, 0)"),
    ("Recurrent.forward", "mask strings", lambda w: w.rnn.forward(w.x, mask=np.full((T, B), "1")), TypeError, "mask: expected a boolean or 0/1 array, got dtype <U1"),
    ("Recurrent.forward", "initial state batch", lambda w: w.rnn.forward(w.x, initial_state=np.zeros((3, H))), ValueError, "initial_state[0] (hidden): expected size 2 on axis 0"),
    ("Recurrent.forward", "initial state string", lambda w: w.rnn.forward(w.x, initial_state="zeros"), ValueError, "initial_state: expected a tuple (hidden)"),
    ("Recurrent.backward", "dhidden shape", lambda w: w.rnn.backward(np.zeros((T, B, 5)), w.rnn_cache), ValueError, "dhidden: expected shape (4, 2, 4)"),
    ("Recurrent.backward", "dhidden NaN", lambda w: w.rnn.backward(np.full((T, B, H), NAN), w.rnn_cache), ValueError, "dhidden: expected finite"),
    ("Recurrent.backward", "dfinal_state shape", lambda w: w.rnn.backward(None, w.rnn_cache, (np.zeros((B, 5)),)), ValueError, "dfinal_state[0] (hidden): expected size 4 on axis 1"),
    ("Recurrent.backward", "truncate 0", lambda w: w.rnn.backward(None, w.rnn_cache, truncate=0), ValueError, "truncate: expected an integer >= 1, got 0"),
    ("Recurrent.backward", "truncate float", lambda w: w.rnn.backward(None, w.rnn_cache, truncate=2.0), TypeError, "truncate: expected an integer >= 1, got float 2.0"),
    ("Recurrent.backward", "cache of another layer", lambda w: w.rnn.backward(None, w.bi_cache), ValueError, "cache: expected the cache returned by this Recurrent's forward, got one from another layer"),
    ("Recurrent.backward", "cache None", lambda w: w.rnn.backward(None, None), ValueError, "cache: expected the cache returned by this Recurrent's forward, got NoneType"),
    ("Bidirectional", "same cell twice is fine, different input sizes are not", lambda w: Bidirectional(RNNCell(3, 2, rng=0), RNNCell(4, 2, rng=0)), ValueError, "backward_cell: expected input_size 3"),
    ("Bidirectional", "dtypes differ", lambda w: Bidirectional(RNNCell(3, 2, rng=0), RNNCell(3, 2, rng=0, dtype=np.float32)), ValueError, "backward_cell: expected dtype float64"),
    ("Bidirectional", "not a cell", lambda w: Bidirectional(RNNCell(3, 2, rng=0), "rnn"), TypeError, "cell: expected an rnnlib cell, got str"),
    ("Bidirectional.forward", "initial state array", lambda w: w.bi.forward(w.x, initial_state=np.zeros((2, H))), ValueError, "initial_state: expected a pair (forward_state, backward_state), got ndarray"),
    ("Bidirectional.forward", "initial state of one direction", lambda w: w.bi.forward(w.x, initial_state=(np.zeros((B, H)), np.zeros((B, H)))), ValueError, "initial_state[1][0] (hidden): expected size 2 on axis 1"),
    ("Bidirectional.forward", "mask", lambda w: w.bi.forward(w.x, mask=np.ones(T)), ValueError, "mask: expected shape (4, 2)"),
    ("Bidirectional.backward", "dhidden shape", lambda w: w.bi.backward(np.zeros((T, B, H)), w.bi_cache), ValueError, "dhidden: expected shape (4, 2, 6) (T, B, 2H)"),
    ("Bidirectional.backward", "dhidden NaN", lambda w: w.bi.backward(np.full((T, B, 6), NAN), w.bi_cache), ValueError, "dhidden: expected finite"),
    ("Bidirectional.backward", "dfinal_state of the backward direction", lambda w: w.bi.backward(None, w.bi_cache, (None, (np.zeros((B, H)),))), ValueError, "dfinal_state[1][0] (hidden): expected size 2 on axis 1"),
    ("Bidirectional.backward", "dfinal_state not a pair", lambda w: w.bi.backward(None, w.bi_cache, [None, None, None]), ValueError, "dfinal_state: expected a pair (forward_state, backward_state), got list of length 3"),
    ("Bidirectional.backward", "truncate", lambda w: w.bi.backward(None, w.bi_cache, truncate=-1), ValueError, "truncate: expected an integer >= 1"),
    ("Bidirectional.backward", "cache of a Recurrent", lambda w: w.bi.backward(None, w.rnn_cache), ValueError, "cache: expected the cache returned by this Bidirectional's forward"),
    ("Stacked", "empty", lambda w: Stacked([]), TypeError, "layers: expected a non-empty list"),
    ("Stacked", "sizes", lambda w: Stacked([Recurrent(RNNCell(3, 4, rng=0)), Recurrent(RNNCell(3, 2, rng=0))]), ValueError, "layers[1]: expected input_size 4"),
    ("Stacked", "not layers", lambda w: Stacked([w.dense]), TypeError, "layers: expected a non-empty list of Recurrent/Bidirectional"),
    ("Stacked.forward", "initial state array with B == layers", lambda w: w.stack.forward(w.x, initial_state=np.zeros((2, H))), ValueError, "initial_state: expected a list of 2 states (one per layer), got ndarray"),
    ("Stacked.forward", "initial state count", lambda w: w.stack.forward(w.x, initial_state=[None]), ValueError, "initial_state: expected a list of 2 states (one per layer), got list of length 1"),
    ("Stacked.forward", "initial state of layer 1", lambda w: w.stack.forward(w.x, initial_state=[None, np.zeros((B, H))]), ValueError, "initial_state[1][0] (hidden): expected size 2 on axis 1"),
    ("Stacked.forward", "inputs", lambda w: w.stack.forward(np.zeros((T, B, 5))), ValueError, "inputs: expected size 3 on axis 2"),
    ("Stacked.backward", "dfinal_state of layer 0 (checked before layer 1 runs)", lambda w: w.stack.backward(np.zeros((T, B, 2)), w.stack_cache, [(np.zeros((B, H)),), None]), ValueError, "dfinal_state[0]: expected a tuple (hidden, cell_state)"),
    ("Stacked.backward", "dfinal_state array", lambda w: w.stack.backward(None, w.stack_cache, np.zeros((2, 2))), ValueError, "dfinal_state: expected a list of 2 states"),
    ("Stacked.backward", "dhidden", lambda w: w.stack.backward(np.zeros((T, B, H)), w.stack_cache), ValueError, "dhidden: expected shape (4, 2, 2)"),
    ("Stacked.backward", "truncate 0 (checked before any layer runs)", lambda w: w.stack.backward(np.zeros((T, B, 2)), w.stack_cache, truncate=0), ValueError, "truncate: expected an integer >= 1, got 0"),
    ("Stacked.backward", "cache of another stack", lambda w: w.stack.backward(None, w.model_cache.recurrent), ValueError, "cache: expected the cache returned by this Stacked's forward"),
    # ---------------------------------------------------------------- trace
    ("Trace.grad_norm", "which", lambda w: w.trace.grad_norm("memory"), ValueError, "which: expected 'hidden' or 'cell_state', got 'memory'"),
    ("Trace.grad_norm", "before backward", lambda w: w.trace.grad_norm("hidden"), ValueError, "which: no gradient recorded for 'hidden' (run backward first)"),
    ("Trace.sequence", "b too big", lambda w: w.trace.sequence(2), ValueError, "b: expected an index in [0, 2), got 2"),
    ("Trace.sequence", "b negative", lambda w: w.trace.sequence(-1), ValueError, "b: expected an integer >= 0, got -1"),
    ("Trace.sequence", "b string", lambda w: w.trace.sequence("0"), TypeError, "b: expected an integer >= 0, got str '0'"),
    # ---------------------------------------------------------------- models
    ("SequenceModel", "cell", lambda w: SequenceModel("transformer", hidden_size=2, output_size=2, input_size=2, rng=0), ValueError, "cell: expected one of 'rnn', 'lstm', 'gru'"),
    ("SequenceModel", "input_size and vocab_size", lambda w: SequenceModel(hidden_size=2, output_size=2, input_size=2, vocab_size=3, rng=0), ValueError, "input_size, vocab_size: expected exactly one of them"),
    ("SequenceModel", "neither input_size nor vocab_size", lambda w: SequenceModel(hidden_size=2, output_size=2, rng=0), ValueError, "input_size, vocab_size: expected exactly one"),
    ("SequenceModel", "embedding_dim 0", lambda w: SequenceModel(hidden_size=2, output_size=2, vocab_size=3, embedding_dim=0, rng=0), ValueError, "embedding_dim: expected an integer >= 1, got 0"),
    ("SequenceModel", "embedding_dim without vocab", lambda w: SequenceModel(hidden_size=2, output_size=2, input_size=3, embedding_dim=2, rng=0), ValueError, "embedding_dim: only meaningful with vocab_size"),
    ("SequenceModel", "bidirectional 'no'", lambda w: SequenceModel(hidden_size=2, output_size=2, input_size=2, bidirectional="no", rng=0), TypeError, "bidirectional: expected True or False, got str 'no'"),
    ("SequenceModel", "many_to_one 1", lambda w: SequenceModel(hidden_size=2, output_size=2, input_size=2, many_to_one=1, rng=0), TypeError, "many_to_one: expected True or False, got int 1"),
    ("SequenceModel", "num_layers 0", lambda w: SequenceModel(hidden_size=2, output_size=2, input_size=2, num_layers=0, rng=0), ValueError, "num_layers: expected an integer >= 1, got 0"),
    ("SequenceModel", "dtype int", lambda w: SequenceModel(hidden_size=2, output_size=2, input_size=2, dtype=int, rng=0), TypeError, "dtype: expected float32 or float64"),
    ("SequenceModel", "output_size float", lambda w: SequenceModel(hidden_size=2, output_size=2.0, input_size=2, rng=0), TypeError, "output_size: expected an integer >= 1"),
    ("SequenceModel", "unknown cell option", lambda w: SequenceModel(hidden_size=2, output_size=2, input_size=2, rng=0, forget_bias=1.0), TypeError, "forget_bias"),
    ("SequenceModel.forward", "ids rank", lambda w: w.model.forward(np.zeros((2, 2, 1), int)), ValueError, "inputs: expected an array with 2 dimensions (T, B)"),
    ("SequenceModel.forward", "id out of range", lambda w: w.model.forward(np.full((T, B), V)), ValueError, "inputs: expected indices in [0, 5), got 5"),
    ("SequenceModel.forward", "float ids", lambda w: w.model.forward(w.x[..., 0]), TypeError, "inputs: expected an integer array"),
    ("SequenceModel.forward", "mask shape", lambda w: w.model.forward(w.ids, mask=np.ones((T, 3))), ValueError, "mask: expected shape (4, 2)"),
    ("SequenceModel.forward", "initial state array, B == num_layers", lambda w: w.model.forward(w.ids, initial_state=np.zeros((2, H))), ValueError, "initial_state: expected a list of 2 states (one per layer), got ndarray"),
    ("SequenceModel.forward", "float inputs NaN", lambda w: w.clf.forward(np.full((T, B, D), NAN)), ValueError, "inputs: expected finite"),
    ("SequenceModel.forward", "float inputs features", lambda w: w.clf.forward(np.zeros((T, B, 2))), ValueError, "inputs: expected size 3 on axis 2"),
    ("SequenceModel.predict", "ids", lambda w: w.model.predict(np.array([[-1]])), ValueError, "inputs: expected indices in [0, 5), got -1"),
    ("SequenceModel.backward", "doutputs shape", lambda w: w.model.backward(np.zeros((T, B, 3)), w.model_cache), ValueError, "doutputs: expected shape (4, 2, 5) (T, B, C) like the forward output, got shape (4, 2, 3)"),
    ("SequenceModel.backward", "doutputs shape many-to-one", lambda w: w.clf.backward(np.zeros((T, B, 2)), w.clf_cache), ValueError, "doutputs: expected shape (2, 2) (B, C)"),
    ("SequenceModel.backward", "doutputs NaN", lambda w: w.model.backward(np.full((T, B, C), NAN), w.model_cache), ValueError, "doutputs: expected finite"),
    ("SequenceModel.backward", "doutputs string", lambda w: w.model.backward("grad", w.model_cache), TypeError, "doutputs: expected a float array"),
    ("SequenceModel.backward", "cache of another model", lambda w: w.model.backward(np.zeros((B, 2)), w.clf_cache), ValueError, "cache: expected the cache returned by this model's forward, got one from another model"),
    ("SequenceModel.backward", "cache of a layer", lambda w: w.model.backward(np.zeros((T, B, C)), w.rnn_cache), ValueError, "cache: expected the cache returned by this model's forward, got RecurrentCache"),
    ("SequenceModel.backward", "truncate 0", lambda w: w.model.backward(np.zeros((T, B, C)), w.model_cache, truncate=0), ValueError, "truncate: expected an integer >= 1, got 0"),
    # ---------------------------------------------------------------- optim
    ("SGD", "not a module", lambda w: SGD([np.zeros(2)], lr=0.1), TypeError, "module: expected an rnnlib Module, got list"),
    ("SGD", "lr 0", lambda w: SGD(w.model, lr=0), ValueError, "lr: expected a positive number, got 0"),
    ("SGD", "lr string", lambda w: SGD(w.model, lr="0.1"), TypeError, "lr: expected a positive number, got str"),
    ("SGD", "momentum 1", lambda w: SGD(w.model, lr=0.1, momentum=1.0), ValueError, "momentum: expected a number in [0, 1), got 1.0"),
    ("Adagrad", "eps 0", lambda w: Adagrad(w.model, lr=0.1, eps=0), ValueError, "eps: expected a positive number, got 0"),
    ("Adam", "beta1 NaN", lambda w: Adam(w.model, beta1=NAN), ValueError, "beta1: expected a number in [0, 1)"),
    ("Adam", "beta2 -0.1", lambda w: Adam(w.model, beta2=-0.1), ValueError, "beta2: expected a number in [0, 1), got -0.1"),
    ("Optimizer.load_state_dict", "another optimiser's state", lambda w: w.adam.load_state_dict(w.sgd.state_dict()), ValueError, "state: expected the state of a Adam, got one of a SGD"),
    ("Optimizer.load_state_dict", "another model's moments", lambda w: w.adam.load_state_dict({**w.adam.state_dict(), "arrays": {("head.W", "mean"): np.zeros((9, 9))}}), ValueError, "state: array ('head.W', 'mean') should have shape (5, 4)"),
    ("Optimizer.load_state_dict", "unknown array", lambda w: w.adam.load_state_dict({**w.adam.state_dict(), "arrays": {("head.W", "velocity"): np.zeros((5, 4))}}), ValueError, "state: unexpected array ('head.W', 'velocity')"),
    ("Optimizer.load_state_dict", "NaN moment", lambda w: w.adam.load_state_dict({**w.adam.state_dict(), "arrays": {("head.W", "mean"): np.full((5, 4), NAN)}}), ValueError, "state: array ('head.W', 'mean') holds NaN"),
    ("Optimizer.load_state_dict", "steps -1", lambda w: w.adam.load_state_dict({**w.adam.state_dict(), "steps": -1}), ValueError, "state: expected a step count >= 0, got -1"),
    ("Optimizer.load_state_dict", "lr string", lambda w: w.adam.load_state_dict({**w.adam.state_dict(), "hyperparameters": {"lr": "x", "beta1": 0.9, "beta2": 0.99, "eps": 1e-8}}), ValueError, "state: hyperparameter lr: expected a positive number, got str"),
    ("Optimizer.load_state_dict", "not a dict", lambda w: w.adam.load_state_dict([1, 2]), ValueError, "state: expected a dict with type, steps, hyperparameters and arrays, got list"),
    ("global_grad_norm", "not a module", lambda w: global_grad_norm("model"), TypeError, "module: expected an rnnlib Module, got str"),
    ("clip_grad_norm", "max_norm 0", lambda w: clip_grad_norm(w.model, 0), ValueError, "max_norm: expected a positive number, got 0"),
    ("clip_grad_norm", "max_norm inf", lambda w: clip_grad_norm(w.model, np.inf), ValueError, "max_norm: expected a positive number, got inf"),
    ("clip_grad_norm", "not a module", lambda w: clip_grad_norm(w.adam, 1.0), TypeError, "module: expected an rnnlib Module, got Adam"),
    ("clip_grad_value", "max_value 0 (would zero every gradient)", lambda w: clip_grad_value(w.model, 0), ValueError, "max_value: expected a positive number, got 0"),
    ("clip_grad_value", "max_value negative", lambda w: clip_grad_value(w.model, -1.0), ValueError, "max_value: expected a positive number, got -1.0"),
    # ---------------------------------------------------------------- train
    ("train_step", "optimiser of another model", lambda w: train_step(w.model, Adam(model_copy()), w.ids, w.targets), ValueError, "optimizer: expected an optimiser built for this model (optimizer.module is model), got one built for another SequenceModel"),
    ("train_step", "not an optimiser", lambda w: train_step(w.model, "adam", w.ids, w.targets), TypeError, "optimizer: expected an rnnlib optimizer, got str"),
    ("train_step", "not a model", lambda w: train_step(None, w.adam, w.ids, w.targets), TypeError, "model: expected an rnnlib Module, got NoneType"),
    ("train_step", "targets out of range", lambda w: train_step(w.model, w.adam, w.ids, np.full((T, B), C)), ValueError, "targets: expected indices in [0, 5), got 5"),
    ("train_step", "targets shape", lambda w: train_step(w.model, w.adam, w.ids, w.targets[:, :1]), ValueError, "targets: expected class indices of shape (4, 2)"),
    ("train_step", "mask 2", lambda w: train_step(w.model, w.adam, w.ids, w.targets, np.full((T, B), 2)), ValueError, "mask: expected only 0/1 (or False/True) values, got 2"),
    ("train_step", "loss name", lambda w: train_step(w.model, w.adam, w.ids, w.targets, loss="hinge"), ValueError, "loss: expected one of ['cross_entropy', 'mae', 'mse'] or a callable, got 'hinge'"),
    ("train_step", "loss function returning a float", lambda w: train_step(w.model, w.adam, w.ids, w.targets, loss=lambda o, t, m: 1.0), TypeError, "loss: expected a function returning (value, dL/doutputs), got one returning float"),
    ("train_step", "loss function returning NaN", lambda w: train_step(w.model, w.adam, w.ids, w.targets, loss=lambda o, t, m: (NAN, np.zeros_like(o))), ValueError, "loss (the value it returned): expected a finite number, got nan"),
    ("train_step", "loss gradient shape", lambda w: train_step(w.model, w.adam, w.ids, w.targets, loss=lambda o, t, m: (1.0, np.zeros(3))), ValueError, "loss (the gradient it returned): expected shape (4, 2, 5)"),
    ("train_step", "clip_norm 0", lambda w: train_step(w.model, w.adam, w.ids, w.targets, clip_norm=0), ValueError, "clip_norm: expected a positive number, got 0"),
    ("train_step", "truncate 0", lambda w: train_step(w.model, w.adam, w.ids, w.targets, truncate=0), ValueError, "truncate: expected an integer >= 1, got 0"),
    ("train_step", "initial state", lambda w: train_step(w.model, w.adam, w.ids, w.targets, initial_state=[None]), ValueError, "initial_state: expected a list of 2 states"),
    ("fit", "optimiser of another model", lambda w: fit(w.model, Adam(model_copy()), [(w.ids, w.targets)], progress=False), ValueError, "optimizer: expected an optimiser built for this model"),
    ("fit", "one-shot generator, 3 epochs", lambda w: fit(w.model, w.adam, one_shot(w), epochs=3, progress=False), ValueError, "batches: expected a list or a callable returning fresh batches each epoch (epochs=3), got a one-pass generator"),
    ("fit", "no batches", lambda w: fit(w.model, w.adam, [], progress=False), ValueError, "batches: expected at least one batch, got an empty list"),
    ("fit", "callable giving no batches", lambda w: fit(w.model, w.adam, lambda: [], progress=False), ValueError, "batches: expected at least one batch in every epoch, got none in epoch 0"),
    ("fit", "batch of 4 items (checked before training)", lambda w: fit(w.model, w.adam, [(w.ids, w.targets), (w.ids, w.targets, w.mask, 1)], progress=False), ValueError, "batches: expected (inputs, targets) or (inputs, targets, mask) for batch 1, got 4 items"),
    ("fit", "batch not a tuple", lambda w: fit(w.model, w.adam, [w.ids], progress=False), ValueError, "batches: expected (inputs, targets) or (inputs, targets, mask) for batch 0, got ndarray"),
    ("fit", "batches a number", lambda w: fit(w.model, w.adam, 3, progress=False), TypeError, "batches: expected a list of batches or a callable returning them, got int"),
    ("fit", "batches a string", lambda w: fit(w.model, w.adam, "batches", progress=False), TypeError, "batches: expected a list of batches"),
    ("fit", "first batch wrong (nothing trained)", lambda w: fit(w.model, w.adam, [(w.ids, w.targets[:1])], progress=False), ValueError, "targets: expected class indices of shape (4, 2)"),
    ("fit", "epochs 0", lambda w: fit(w.model, w.adam, [(w.ids, w.targets)], epochs=0), ValueError, "epochs: expected an integer >= 1, got 0"),
    ("fit", "epochs float", lambda w: fit(w.model, w.adam, [(w.ids, w.targets)], epochs=2.0), TypeError, "epochs: expected an integer >= 1, got float 2.0"),
    ("fit", "stateful 'yes'", lambda w: fit(w.model, w.adam, [(w.ids, w.targets)], stateful="yes"), TypeError, "stateful: expected True or False, got str 'yes'"),
    ("fit", "progress None", lambda w: fit(w.model, w.adam, [(w.ids, w.targets)], progress=None), TypeError, "progress: expected True or False, got NoneType"),
    ("fit", "clip_norm negative", lambda w: fit(w.model, w.adam, [(w.ids, w.targets)], clip_norm=-1.0), ValueError, "clip_norm: expected a positive number, got -1.0"),
    ("fit", "loss name", lambda w: fit(w.model, w.adam, [(w.ids, w.targets)], loss="ce"), ValueError, "loss: expected one of"),
    ("fit", "history not a History", lambda w: fit(w.model, w.adam, [(w.ids, w.targets)], progress=False, history=[]), TypeError, "history: expected a History or None, got list"),
    # ---------------------------------------------------------------- gradcheck
    ("gradcheck.numerical_gradient", "f not callable", lambda w: gradcheck.numerical_gradient(1.0, np.zeros(2)), TypeError, "f: expected a function of no arguments"),
    ("gradcheck.numerical_gradient", "array float32", lambda w: gradcheck.numerical_gradient(lambda: 0.0, np.zeros(2, np.float32)), TypeError, "array: expected float64 for a gradient check, got float32"),
    ("gradcheck.numerical_gradient", "array a list", lambda w: gradcheck.numerical_gradient(lambda: 0.0, [0.0, 1.0]), TypeError, "array: expected a numpy array to perturb in place, got list"),
    ("gradcheck.numerical_gradient", "eps 0", lambda w: gradcheck.numerical_gradient(lambda: 0.0, np.zeros(2), eps=0), ValueError, "eps: expected a positive number, got 0"),
    ("gradcheck.relative_error", "shapes", lambda w: gradcheck.relative_error(np.zeros(2), np.zeros(3)), ValueError, "numeric: expected shape (2,), got (3,)"),
    ("gradcheck.relative_error", "string", lambda w: gradcheck.relative_error("a", np.zeros(1)), TypeError, "analytic: expected a float array"),
    ("gradcheck.relative_error", "floor 0", lambda w: gradcheck.relative_error(np.zeros(1), np.zeros(1), floor=0), ValueError, "floor: expected a positive number, got 0"),
    ("gradcheck.gradcheck", "not a module", lambda w: gradcheck.gradcheck("m", lambda: 0.0), TypeError, "module: expected an rnnlib Module, got str"),
    ("gradcheck.gradcheck", "loss_fn not callable", lambda w: gradcheck.gradcheck(w.dense, 0.0), TypeError, "loss_fn: expected a function of no arguments"),
    ("gradcheck.gradcheck", "inputs a list", lambda w: gradcheck.gradcheck(w.dense, lambda: 0.0, [w.x]), TypeError, "inputs: expected a dict name -> (array, grad_fn) or None, got list"),
    ("gradcheck.gradcheck", "inputs entry", lambda w: gradcheck.gradcheck(w.dense, lambda: 0.0, {"x": w.x}), TypeError, "inputs['x']: expected a pair (array, grad_fn)"),
    # ---------------------------------------------------------------- io
    ("io.save", "not a module", lambda w: io.save(w.path, w.adam), TypeError, "module: expected an rnnlib Module, got Adam"),
    ("io.save", "path a number", lambda w: io.save(3, w.model), TypeError, "path: expected a file path (str or os.PathLike), got int"),
    ("io.save", "metadata not JSON", lambda w: io.save(w.path, w.model, {"rng": np.random.default_rng(0)}), TypeError, "metadata: expected JSON-serialisable finite values"),
    ("io.save", "metadata NaN", lambda w: io.save(w.path, w.model, {"loss": NAN}), TypeError, "metadata: expected JSON-serialisable finite values"),
    ("io.save", "metadata a list", lambda w: io.save(w.path, w.model, ["a"]), TypeError, "metadata: expected a dict or None, got list"),
    ("io.save", "optimiser of another model", lambda w: io.save(w.path, w.model, optimizer=w.sgd), ValueError, "optimizer: expected an optimiser built for this module (optimizer.module is module), got one built for another SequenceModel"),
    ("io.save", "optimizer not an optimiser", lambda w: io.save(w.path, w.model, optimizer="adam"), TypeError, "optimizer: expected an rnnlib optimizer or None, got str"),
    ("io.load", "missing file", lambda w: io.load(w.path.with_name("missing.npz"), w.model), FileNotFoundError, "missing.npz"),
    ("io.load", "not an npz", lambda w: io.load(w.other_file, w.model), ValueError, "path: "),
    ("io.load", "model of another shape", lambda w: io.load(w.path, SequenceModel("lstm", hidden_size=3, output_size=C, vocab_size=V, embedding_dim=3, num_layers=2, rng=0)), ValueError, "path: parameter 'recurrent.0.cell.W_xh' has shape (16, 3) and dtype float64, the model expects (12, 3)"),
    ("io.load", "model of another kind", lambda w: io.load(w.path, w.clf), ValueError, "path: parameters do not match the model (missing"),
    ("io.load", "header a JSON list", lambda w: io.load(bad_header(w, "[1, 2]"), w.model), ValueError, "path: expected a JSON object as header, got list"),
    ("io.load", "header without params", lambda w: io.load(bad_header(w, '{"format": "rnnlib-params-v1", "metadata": {}}'), w.model), ValueError, "path: expected the header's 'params' to be a JSON object, got NoneType"),
    ("io.load", "header without metadata", lambda w: io.load(bad_header(w, '{"format": "rnnlib-params-v1", "params": {}}'), w.model), ValueError, "path: expected the header's 'metadata' to be a JSON object"),
    ("io.load", "another format", lambda w: io.load(bad_header(w, '{"format": "v0"}'), w.model), ValueError, "path: expected format 'rnnlib-params-v1', got 'v0'"),
    ("io.load", "a parameter NaN", lambda w: io.load(with_array(w, "head.b", np.full(C, NAN)), w.model), ValueError, "path: parameter 'head.b' holds NaN"),
    ("io.load", "a parameter of another dtype than declared", lambda w: io.load(with_array(w, "head.b", np.zeros(C, np.float32)), w.model), ValueError, "path: parameter 'head.b' does not match the header"),
    ("io.load", "an object array", lambda w: io.load(with_array(w, "head.b", np.array([None] * C)), w.model), ValueError, "path: "),
    ("io.load", "not a module", lambda w: io.load(w.path, None), TypeError, "module: expected an rnnlib Module, got NoneType"),
    ("io.load", "optimiser of another model", lambda w: io.load(w.path, w.model, optimizer=Adam(model_copy())), ValueError, "optimizer: expected an optimiser built for this module"),
    ("io.load", "optimiser of another type", lambda w: io.load(w.path, w.model, optimizer=SGD(w.model, lr=0.1)), ValueError, "path: optimiser state: expected the state of a SGD, got one of a Adam"),
    ("io.load", "optimiser moment NaN", lambda w: io.load(with_array(w, "__optimizer__:head.W:mean", np.full((C, H), NAN)), w.model, optimizer=w.adam), ValueError, "path: optimiser state: array ('head.W', 'mean') holds NaN"),
    ("io.load", "optimiser moment not as declared", lambda w: io.load(with_array(w, "__optimizer__:head.W:mean", np.zeros((2, 2))), w.model, optimizer=w.adam), ValueError, "path: optimiser array '__optimizer__:head.W:mean' does not match the header"),
    ("io.load", "optimiser arrays missing from the header", lambda w: io.load(edited_header(w, lambda h: h["optimizer"]["arrays"].clear()), w.model, optimizer=w.adam), ValueError, "path: the optimiser arrays do not match the header (corrupted file)"),
    ("io.load", "optimiser array declared under a list", lambda w: io.load(edited_header(w, lambda h: h["optimizer"]["arrays"]["__optimizer__:head.W:mean"].__setitem__(0, ["head.W"])), w.model, optimizer=w.adam), ValueError, "path: optimiser array '__optimizer__:head.W:mean' does not match the header"),
    ("io.load", "optimiser steps negative", lambda w: io.load(edited_header(w, lambda h: h["optimizer"].__setitem__("steps", -3)), w.model, optimizer=w.adam), ValueError, "path: optimiser state: expected a step count >= 0, got -3"),
    ("io.load", "optimiser hyperparameter missing", lambda w: io.load(edited_header(w, lambda h: h["optimizer"]["hyperparameters"].pop("beta2")), w.model, optimizer=w.adam), ValueError, "path: optimiser state: expected hyperparameters ['beta1', 'beta2', 'eps', 'lr']"),
    ("io.load", "optimiser section incomplete", lambda w: io.load(edited_header(w, lambda h: h["optimizer"].pop("steps")), w.model, optimizer=w.adam), ValueError, "path: the header's optimiser state is incomplete"),
    ("io.load", "file without optimiser state", lambda w: (io.save(w.path.with_name("plain.npz"), w.model), io.load(w.path.with_name("plain.npz"), w.model, optimizer=w.adam)), ValueError, "path: holds no optimiser state (it was saved without optimizer=)"),
    # ---------------------------------------------------------------- data.encoding
    ("Vocabulary", "a number", lambda w: encoding.Vocabulary(5), TypeError, "tokens: expected an iterable of tokens, got int"),
    ("Vocabulary", "empty", lambda w: encoding.Vocabulary([]), ValueError, "tokens: expected at least one token, got none"),
    ("Vocabulary", "unhashable", lambda w: encoding.Vocabulary([["a"], ["b"]]), TypeError, "tokens: expected hashable tokens"),
    ("Vocabulary.from_text", "empty", lambda w: encoding.Vocabulary.from_text(""), ValueError, "text: expected a non-empty string"),
    ("Vocabulary.from_text", "list", lambda w: encoding.Vocabulary.from_text(["a"]), ValueError, "text: expected a non-empty string"),
    ("Vocabulary.encode", "a number", lambda w: w.vocab.encode(123), TypeError, "sequence: expected a string or a list of tokens, got int 123"),
    ("Vocabulary.encode", "an array", lambda w: w.vocab.encode(np.array([1, 2])), TypeError, "sequence: expected a string or a list of tokens, got ndarray"),
    ("Vocabulary.encode", "unknown tokens", lambda w: w.vocab.encode("abz"), ValueError, "sequence: tokens not in the vocabulary: 'z'"),
    ("Vocabulary.decode", "id too big", lambda w: w.vocab.decode(np.array([5])), ValueError, "ids: expected indices in [0, 5), got 5"),
    ("Vocabulary.decode", "2-D ids", lambda w: w.vocab.decode(np.zeros((2, 2), int)), ValueError, "ids: expected an array with 1 dimensions"),
    ("Vocabulary.decode", "float ids", lambda w: w.vocab.decode(np.array([1.5])), TypeError, "ids: expected an integer array"),
    ("one_hot", "size 0", lambda w: encoding.one_hot(np.array([0]), 0), ValueError, "size: expected an integer >= 1, got 0"),
    ("one_hot", "id negative", lambda w: encoding.one_hot(np.array([-1]), 3), ValueError, "ids: expected indices in [0, 3), got -1"),
    ("one_hot", "dtype int", lambda w: encoding.one_hot(np.array([0]), 3, dtype=int), TypeError, "dtype: expected float32 or float64"),
    ("one_hot", "ids a string", lambda w: encoding.one_hot("abc", 3), TypeError, "ids: expected an integer array"),
    ("pad_batch", "pad_id -1", lambda w: encoding.pad_batch([np.array([1])], pad_id=-1), ValueError, "pad_id: expected an integer >= 0, got -1"),
    ("pad_batch", "pad_id float", lambda w: encoding.pad_batch([np.array([1])], pad_id=0.5), TypeError, "pad_id: expected an integer >= 0, got float 0.5"),
    ("pad_batch", "no sequences", lambda w: encoding.pad_batch([]), ValueError, "sequences: expected at least one sequence"),
    ("pad_batch", "a number", lambda w: encoding.pad_batch(3), TypeError, "sequences: expected a list of 1-D integer id sequences, got int"),
    ("pad_batch", "floats", lambda w: encoding.pad_batch([np.array([1.5])]), ValueError, "sequences[0]: expected a non-empty 1-D integer sequence"),
    ("pad_batch", "empty sequence", lambda w: encoding.pad_batch([np.array([1]), np.array([], int)]), ValueError, "sequences[1]: expected a non-empty 1-D integer sequence"),
    # ---------------------------------------------------------------- data.tasks, series, names, text
    ("adding_problem", "length 1", lambda w: tasks.adding_problem(3, 1, rng=0), ValueError, "length: expected an integer >= 2, got 1"),
    ("adding_problem", "n 0", lambda w: tasks.adding_problem(0, 5, rng=0), ValueError, "n: expected an integer >= 1, got 0"),
    ("adding_problem", "rng", lambda w: tasks.adding_problem(2, 5, rng="a"), TypeError, "rng: expected"),
    ("copy_task", "delay negative", lambda w: tasks.copy_task(2, -1, rng=0), ValueError, "delay: expected an integer >= 0, got -1"),
    ("copy_task", "alphabet 1", lambda w: tasks.copy_task(2, 3, rng=0, alphabet=1), ValueError, "alphabet: expected an integer >= 2, got 1"),
    ("sine_mixture", "length 0", lambda w: series.sine_mixture(0, rng=0), ValueError, "length: expected an integer >= 1, got 0"),
    ("sine_mixture", "noise negative", lambda w: series.sine_mixture(5, rng=0, noise=-0.1), ValueError, "noise: expected a number >= 0, got -0.1"),
    ("sine_mixture", "period 0", lambda w: series.sine_mixture(5, rng=0, periods=(0.0,)), ValueError, "periods: expected a positive number, got 0.0"),
    ("sine_mixture", "periods a number", lambda w: series.sine_mixture(5, rng=0, periods=20.0), TypeError, "periods: expected a list of positive numbers, got float"),
    ("sine_mixture", "no periods", lambda w: series.sine_mixture(5, rng=0, periods=[]), ValueError, "periods: expected at least one period, got none"),
    ("mackey_glass", "beta NaN", lambda w: series.mackey_glass(5, beta=NAN), ValueError, "beta: expected a positive number, got nan"),
    ("mackey_glass", "power string", lambda w: series.mackey_glass(5, power="10"), TypeError, "power: expected a positive number, got str"),
    ("mackey_glass", "x0 inf", lambda w: series.mackey_glass(5, x0=np.inf), ValueError, "x0: expected a finite number, got inf"),
    ("mackey_glass", "transient negative", lambda w: series.mackey_glass(5, transient=-1.0), ValueError, "transient: expected a number >= 0, got -1.0"),
    ("mackey_glass", "dt not dividing tau", lambda w: series.mackey_glass(5, dt=0.3), ValueError, "dt: expected a step that divides sample_every and tau"),
    ("mackey_glass", "tau 0", lambda w: series.mackey_glass(5, tau=0), ValueError, "tau: expected a positive number, got 0"),
    ("person_names", "kind", lambda w: names.person_names("en_US", kind="middle"), ValueError, "kind: expected 'first' or 'last', got 'middle'"),
    ("person_names", "locale", lambda w: names.person_names("xx_XX"), ValueError, "locale: expected one of faker's person locales"),
    ("clean_text", "bytes", lambda w: text.clean_text(b"abc"), TypeError, "text: expected a str, got bytes"),
    ("TextCorpus.encode", "part", lambda w: text.TextCorpus("ab", "ba", w.vocab, "test").encode("test"), ValueError, "part: expected 'train' or 'validation', got 'test'"),
    ("load_python_docs", "validation_fraction 0", lambda w: text.load_python_docs(0.0, rng=0), ValueError, "validation_fraction: expected a number in (0, 1), got 0.0"),
    ("load_python_docs", "validation_fraction 1", lambda w: text.load_python_docs(1.0, rng=0), ValueError, "validation_fraction: expected a number in [0, 1), got 1.0"),
    ("names_text", "empty name", lambda w: text.names_text(["Ann", ""], rng=0), ValueError, "names: expected a non-empty list of non-empty one-line strings"),
    ("names_text", "a string", lambda w: text.names_text("Ann", rng=0), TypeError, "names: expected a list of names, got str"),
    ("names_text", "a number", lambda w: text.names_text(3, rng=0), TypeError, "names: expected a list of names, got int"),
    ("load_names", "locales a number", lambda w: text.load_names(3, rng=0), TypeError, "locales: expected a locale such as 'en_US' or a list of them, got 3"),
    ("load_names", "too few names", lambda w: text.load_names("en_US", validation_fraction=1.5, rng=0), ValueError, "validation_fraction: expected a number in [0, 1)"),
    ("stream_batches", "float ids", lambda w: text.stream_batches(np.zeros(10), 2, 3), TypeError, "ids: expected an integer array of token ids, got dtype float64"),
    ("stream_batches", "2-D ids", lambda w: text.stream_batches(np.zeros((2, 5), int), 2, 3), ValueError, "ids: expected a 1-D array (N,) of token ids"),
    ("stream_batches", "negative ids", lambda w: text.stream_batches(np.array([1, -1, 2]), 1, 3), ValueError, "ids: expected non-negative token ids, got -1"),
    ("stream_batches", "too short", lambda w: text.stream_batches(np.array([1, 2]), 2, 3), ValueError, "ids: expected at least batch_size + 1 = 3 ids, got 2"),
    ("stream_batches", "steps 0", lambda w: text.stream_batches(np.arange(10), 2, 0), ValueError, "steps: expected an integer >= 1, got 0"),
    ("char_features", "empty", lambda w: text.char_features(""), ValueError, "text: expected a non-empty string"),
    ("feature_correlations", "hidden 1-D", lambda w: text.feature_correlations(np.zeros(3), {}), ValueError, "hidden: expected an array with 2 dimensions (N, H), got shape (3,)"),
    ("feature_correlations", "feature length", lambda w: text.feature_correlations(np.zeros((3, 2)), {"a": np.zeros(4)}), ValueError, "features['a']: expected shape (3,)"),
    ("feature_correlations", "hidden NaN", lambda w: text.feature_correlations(np.full((3, 2), NAN), {}), ValueError, "hidden: expected finite"),
    ("feature_correlations", "features a list", lambda w: text.feature_correlations(np.zeros((3, 2)), [np.zeros(3)]), TypeError, "features: expected a dict name -> (N,) values, got list"),
    # ---------------------------------------------------------------- data.classification, data.pos
    ("tokenize", "level", lambda w: classification.tokenize("a b", "sentence"), ValueError, "level: expected one of 'char', 'word', 'jamo', got 'sentence'"),
    ("vocabulary_coverage", "a string", lambda w: classification.vocabulary_coverage("ab", ["ab"], "char"), TypeError, "train_texts: expected a list of strings, got str"),
    ("vocabulary_coverage", "no test text", lambda w: classification.vocabulary_coverage(["ab"], [], "char"), ValueError, "test_texts: expected at least one text, got none"),
    ("tokenize", "not a string", lambda w: classification.tokenize(3, "char"), TypeError, "text: expected a string, got int"),
    ("build_vocabulary", "a string", lambda w: classification.build_vocabulary("abc", "char"), TypeError, "texts: expected a list of strings, got str"),
    ("encode_batch", "empty list", lambda w: classification.encode_batch([], classification.build_vocabulary(["ab"], "char"), "char"), ValueError, "texts: expected at least one text, got none"),
    ("encode_batch", "vocab", lambda w: classification.encode_batch(["ab"], "abc", "char"), TypeError, "vocab: expected a Vocabulary, got str"),
    ("batches", "batch_size 0", lambda w: classification.batches(w.texts.train, w.vocab, "char", 0, rng=0), ValueError, "batch_size: expected an integer >= 1, got 0"),
    ("LabelledTexts.subset", "index out of range", lambda w: w.texts.train.subset([10_000]), ValueError, "selection: expected indices in [0, "),
    ("LabelledTexts.where", "kind", lambda w: w.texts.train.where(kind="nonsense"), ValueError, "kind: expected one of"),
    ("name_language_data", "language", lambda w: classification.name_language_data(["Klingon"]), ValueError, "languages: expected"),
    ("sentiment_data", "test_fraction 1", lambda w: classification.sentiment_data(test_fraction=1.0), ValueError, "test_fraction: expected a number in [0, 1)"),
    ("intent_data", "languages", lambda w: classification.intent_data(languages=("fr",)), ValueError, "languages: expected"),
    ("homonym_data", "n 0", lambda w: classification.homonym_data(0), ValueError, "n: expected an integer >= 2, got 0"),
    ("generate_pos_corpus", "n 0", lambda w: pos.generate_pos_corpus(0, rng=0), ValueError, "num_sentences: expected an integer >= 1, got 0"),
    ("TaggedCorpus.split", "test_fraction 1", lambda w: w.corpus.split(1.0, rng=0), ValueError, "test_fraction: expected a number in [0, 1), got 1.0"),
    ("TaggedCorpus.subset", "index out of range", lambda w: w.corpus.subset([100]), ValueError, "indices: expected indices in [0, 6), got 100"),
    ("ambiguity_stats", "not a corpus", lambda w: pos.ambiguity_stats([("a",)]), TypeError, "train: expected a TaggedCorpus, got list"),
    ("analysis.predict_classes", "float-input model for token ids", lambda w: predict_classes(w.clf, w.texts.test, classification.build_vocabulary(w.texts.train.texts, "word"), "word"), ValueError, "inputs: expected an array with 3 dimensions"),
    ("batches", "per_token without marked positions", lambda w: classification.batches(classification.sentiment_data(plain=10, negation=4, contrast=4).train, w.vocab, "word", rng=0, per_token=True), ValueError, "per_token: every example needs a marked position"),
    ("LabelledTexts", "labels count", lambda w: classification.LabelledTexts(["a", "b"], np.array([0]), ["x"], ["en", "en"], ["plain", "plain"], np.zeros(2, bool), np.arange(2)), ValueError, "labels: expected 2 entries (one per text), got 1"),
    ("LabelledTexts.subset", "boolean of another length", lambda w: w.texts.train.subset(np.ones(3, bool)), ValueError, "selection: expected a boolean array of shape"),
    ("LabelledTexts.where", "language", lambda w: w.texts.train.where(language="fr"), ValueError, "language: expected one of"),
    ("TaggedCorpus", "tags per sentence", lambda w: pos.TaggedCorpus((("a", "dog"),), (("DET",),)), ValueError, "tags: sentence 0 has 2 words but 1 tags"),
    ("TaggedCorpus", "sentence count", lambda w: pos.TaggedCorpus((("a",),), ()), ValueError, "tags: expected one tag sequence per sentence (1), got 0"),
    ("load_names", "kind", lambda w: text.load_names("en_US", kind="nick", rng=0), ValueError, "kind: expected 'first' or 'last', got 'nick'"),
    # ---------------------------------------------------------------- hopfield
    ("hebbian_weights", "not bipolar", lambda w: hebbian_weights(np.array([[0.5, 1.0]])), ValueError, "patterns: expected"),
    ("hebbian_weights", "1-D", lambda w: hebbian_weights(np.ones(4)), ValueError, "patterns: expected"),
    ("hebbian_weights", "too many patterns", lambda w: hebbian_weights(np.ones((3, 2))), ValueError, "patterns: expected at most N = 2 patterns"),
    ("HopfieldNetwork", "asymmetric", lambda w: HopfieldNetwork(np.array([[0.0, 1.0], [0.0, 0.0]])), ValueError, "weights: expected a symmetric matrix"),
    ("HopfieldNetwork", "diagonal", lambda w: HopfieldNetwork(np.eye(2)), ValueError, "weights: expected a zero diagonal"),
    ("HopfieldNetwork", "NaN", lambda w: HopfieldNetwork(np.full((2, 2), NAN)), ValueError, "weights: expected finite"),
    ("HopfieldNetwork", "patterns size", lambda w: HopfieldNetwork(np.zeros((3, 3)), np.ones((1, 2))), ValueError, "patterns: expected 3 units per pattern"),
    ("HopfieldNetwork.local_field", "NaN", lambda w: w.hopfield.local_field(np.full(8, NAN)), ValueError, "states: expected"),
    ("HopfieldNetwork.energy", "units", lambda w: w.hopfield.energy(np.ones(3)), ValueError, "states: expected"),
    ("HopfieldNetwork.update_unit", "unit too big", lambda w: w.hopfield.update_unit(np.ones(8), 8), ValueError, "unit: expected an index in [0, 8), got 8"),
    ("HopfieldNetwork.step", "mode", lambda w: w.hopfield.step(np.ones(8), mode="parallel", rng=0), ValueError, "mode: expected one of"),
    ("HopfieldNetwork.recall", "cue batch", lambda w: w.hopfield.recall(np.ones((2, 8)), rng=0), ValueError, "cue: expected one state of shape (N,)"),
    ("HopfieldNetwork.recall", "asynchronous without rng", lambda w: w.hopfield.recall(np.ones(8)), TypeError, "rng: expected"),
    ("HopfieldNetwork.recall_many", "max_sweeps 0", lambda w: w.hopfield.recall_many(np.ones((2, 8)), rng=0, max_sweeps=0), ValueError, "max_sweeps: expected an integer >= 1, got 0"),
    ("HopfieldNetwork.overlaps", "zeros", lambda w: w.hopfield.overlaps(np.zeros(8)), ValueError, "states: expected"),
    ("one_step_error_rate", "negative load", lambda w: one_step_error_rate(-0.1), ValueError, "load: expected"),
    ("retrieval_error_rate", "string load", lambda w: retrieval_error_rate("0.1"), TypeError, "load: expected"),
    ("capacity_theory", "max_load NaN", lambda w: capacity_theory(NAN), ValueError, "max_load: expected a positive number, got nan"),
    ("capacity_theory", "points 1", lambda w: capacity_theory(0.2, points=1), ValueError, "points: expected an integer >= 2, got 1"),
    # ---------------------------------------------------------------- ngram
    ("CharNGram", "order 0", lambda w: CharNGram(0, 5), ValueError, "order: expected an integer >= 1, got 0"),
    ("CharNGram", "k 0", lambda w: CharNGram(2, 5, k=0), ValueError, "k: expected a positive number, got 0"),
    ("CharNGram.fit", "id too big (nothing refitted)", lambda w: w.ngram.fit(np.array([0, 5])), ValueError, "ids: expected indices in [0, 5), got 5"),
    ("CharNGram.fit", "empty", lambda w: w.ngram.fit(np.array([], int)), ValueError, "ids: expected at least one id, got none"),
    ("CharNGram.probabilities", "2-D", lambda w: w.ngram.probabilities(np.zeros((2, 2), int)), ValueError, "ids: expected an array with 1 dimensions (N,)"),
    ("CharNGram.probabilities", "before fit", lambda w: CharNGram(2, 5).probabilities(np.array([0])), ValueError, "model: call fit(train_ids) before"),
    ("CharNGram.bits_per_char", "empty", lambda w: w.ngram.bits_per_char(np.array([], int)), ValueError, "ids: expected at least one id, got none"),
    ("CharNGram.next_distribution", "floats", lambda w: w.ngram.next_distribution(np.array([0.5])), TypeError, "context: expected an integer array"),
    ("CharNGram.sample", "length 0", lambda w: w.ngram.sample(np.array([0]), 0, rng=0), ValueError, "length: expected an integer >= 1, got 0"),
    ("CharNGram.sample", "temperature negative", lambda w: w.ngram.sample(np.array([0]), 3, rng=0, temperature=-1.0), ValueError, "temperature: expected a number >= 0, got -1.0"),
    # ---------------------------------------------------------------- tagging
    ("count_transitions", "tag too big", lambda w: count_transitions([np.array([0, 3])], 3), ValueError, "tag_ids[0]: expected indices in [0, 3), got 3"),
    ("count_transitions", "a single array", lambda w: count_transitions(np.array([0, 1]), 3), TypeError, "tag_ids: expected a list of sequences, got a single 1-D array"),
    ("count_transitions", "smoothing negative", lambda w: count_transitions(w.tags, 3, smoothing=-1.0), ValueError, "smoothing"),
    ("tag_prior", "empty", lambda w: tag_prior([], 3), ValueError, "tag_ids: expected a non-empty list"),
    ("count_emissions", "lengths differ", lambda w: count_emissions(w.words, [np.array([0, 1]), np.array([1, 0])], V, 3), ValueError, "tag_ids[0]: expected length 3"),
    ("tag_word_counts", "word too big", lambda w: tag_word_counts([np.array([V])], [np.array([0])], V, 3), ValueError, "word_ids[0]: expected indices in [0, 5), got 5"),
    ("Transitions", "NaN", lambda w: Transitions(np.full(2, NAN), np.zeros((2, 2)), np.zeros(2)), ValueError, "log_start: expected log scores (finite or -inf), got NaN or +inf"),
    ("Transitions", "shapes", lambda w: Transitions(np.zeros(2), np.zeros((2, 3)), np.zeros(2)), ValueError, "log_transition: expected size 2 on axis 1 (K, K)"),
    ("Transitions", "strings", lambda w: Transitions(np.zeros(2), np.zeros((2, 2)), "end"), TypeError, "log_end: expected a float array"),
    ("Transitions", "no tags", lambda w: Transitions(np.zeros(0), np.zeros((0, 0)), np.zeros(0)), ValueError, "log_start: expected at least one tag"),
    ("Transitions.neutral", "num_tags 0", lambda w: Transitions.neutral(0), ValueError, "num_tags: expected an integer >= 1, got 0"),
    ("HMM", "emission rows", lambda w: HMM(w.transitions, np.zeros((2, V))), ValueError, "log_emission: expected size 3 on axis 0"),
    ("HMM", "transitions", lambda w: HMM(None, np.zeros((3, V))), TypeError, "transitions: expected a Transitions, got NoneType"),
    ("HMM.fit", "num_tags 0", lambda w: HMM.fit(w.words, w.tags, V, 0), ValueError, "num_tags: expected an integer >= 1, got 0"),
    ("MostFrequentTag", "lengths differ", lambda w: MostFrequentTag(w.words, w.tags[::-1], V, 3), ValueError, "tag_ids[0]: expected length 3"),
    ("viterbi", "transitions", lambda w: viterbi(np.zeros((2, 3)), "transitions"), TypeError, "transitions: expected a Transitions, got str"),
    ("viterbi", "tags", lambda w: viterbi(np.zeros((2, 4)), w.transitions), ValueError, "emission_scores: expected 3 tags (columns)"),
    ("viterbi", "NaN", lambda w: viterbi(np.full((2, 3), NAN), w.transitions), ValueError, "emission_scores: expected log scores (finite or -inf), got NaN or +inf"),
    ("viterbi", "empty", lambda w: viterbi(np.zeros((0, 3)), w.transitions), ValueError, "emission_scores: expected at least one time step"),
    ("path_score", "path length", lambda w: path_score(np.array([0]), np.zeros((2, 3)), w.transitions), ValueError, "path: expected"),
    ("HMM.decode", "word too big", lambda w: w.hmm.decode(np.array([V])), ValueError, "word_ids: expected indices in [0, 5), got 5"),
    ("HMM.emission_scores", "2-D", lambda w: w.hmm.emission_scores(np.zeros((2, 2), int)), ValueError, "word_ids: expected an array with 1 dimensions"),
    ("MostFrequentTag.predict", "float words", lambda w: MostFrequentTag(w.words, w.tags, V, 3).predict(np.array([0.0])), TypeError, "word_ids: expected an integer array"),
    ("scaled_log_likelihoods", "prior not summing to 1", lambda w: scaled_log_likelihoods(np.zeros((2, 3)), np.ones(3)), ValueError, "prior: expected positive probabilities summing to 1"),
    ("scaled_log_likelihoods", "prior size", lambda w: scaled_log_likelihoods(np.zeros((2, 3)), np.ones(2) / 2), ValueError, "prior: expected 3 tag probabilities"),
    ("hybrid_decode", "transitions", lambda w: hybrid_decode(np.zeros((2, 3)), np.ones(3) / 3, None), TypeError, "transitions: expected a Transitions"),
    ("tagging_batches", "lengths differ", lambda w: tagging_batches(w.words, w.tags[::-1], 2, rng=0), ValueError, "tag_ids[0]: expected length 3"),
    ("rnn_log_posteriors", "float model", lambda w: rnn_log_posteriors(w.clf, w.words), TypeError, "model: expected a model with token-id inputs"),
    ("analysis.accuracy", "predicted a number", lambda w: accuracy(3, w.tags), TypeError, "predicted: expected a list of tag sequences, got int"),
    ("analysis.accuracy", "counts differ", lambda w: accuracy(w.tags, w.tags[:1]), ValueError, "predicted: expected 1 sequences like gold, got 2"),
    ("analysis.accuracy", "shape", lambda w: accuracy([np.array([0])], [np.array([0, 1])]), ValueError, "predicted[0]: expected shape (2,)"),
    ("analysis.accuracy", "nothing selected", lambda w: accuracy(w.tags, w.tags, [np.zeros(3), np.zeros(2)]), ValueError, "masks: expected at least one selected token"),
    ("analysis.cosine_similarities", "an all-zero row", lambda w: cosine_similarities(np.zeros((2, 3))), ValueError, "vectors: expected no all-zero row"),
    ("analysis.cosine_similarities", "1-D", lambda w: cosine_similarities(np.ones(3)), ValueError, "vectors: expected an array with 2 dimensions"),
    ("analysis.nearest_words", "unknown word", lambda w: nearest_words(np.eye(2), ["a", "b"], "c"), ValueError, "word: expected one of the 2 words, got 'c'"),
    ("analysis.nrmse_by_context", "context longer than the past", lambda w: nrmse_by_context(lambda x: x[-1], np.arange(10.0), 4, (5,)), ValueError, "contexts: expected lengths up to first_target = 4, got 5"),
    ("analysis.nrmse_by_context", "series 2-D", lambda w: nrmse_by_context(lambda x: x[-1], np.zeros((10, 1)), 4, (2,)), ValueError, "series: expected an array with 1 dimension"),
    ("embeddings.skipgram_pairs", "a single sentence array", lambda w: skipgram_pairs(np.array([1, 2, 3])), TypeError, "sentences: expected a list of id sequences"),
    ("embeddings.skipgram_pairs", "window 0", lambda w: skipgram_pairs([np.array([1, 2])], window=0), ValueError, "window"),
    ("embeddings.skipgram_pairs", "no sentence", lambda w: skipgram_pairs([]), ValueError, "sentences: expected at least one sentence"),
    ("SkipGram", "dim 0", lambda w: SkipGram(V, 0, rng=0), ValueError, "dim"),
    ("SkipGram.forward", "id out of range", lambda w: w.skipgram.forward(np.array([V])), ValueError, f"centres: expected indices in [0, {V}), got {V}"),
    ("SkipGram.backward", "dscores of the wrong width", lambda w: w.skipgram.backward(np.zeros((3, V + 1)), w.skipgram_cache), ValueError, "dscores: expected size"),
    ("embeddings.skipgram_loss", "one context short", lambda w: skipgram_loss(w.skipgram, np.array([0, 1]), np.array([0])), ValueError, "contexts: expected one context per centre"),
    ("tagging.window_ids", "negative width", lambda w: window_ids(w.words, -1), ValueError, "width"),
    ("tagging.window_log_posteriors", "a single array", lambda w: window_log_posteriors(w.clf, np.array([1, 2]), 1), TypeError, "word_ids: expected a list of sequences"),
    # ---------------------------------------------------------------- generate
    ("next_char_distribution", "float model", lambda w: next_char_distribution(w.clf, w.vocab, "ab"), ValueError, "model: expected a model reading token ids with vocab_size=5 (= len(vocab)), got vocab_size=None"),
    ("next_char_distribution", "unknown character", lambda w: next_char_distribution(w.char_model, w.vocab, "az"), ValueError, "prime: expected characters of the vocabulary, got 'z'"),
    ("next_char_distribution", "temperature negative", lambda w: next_char_distribution(w.char_model, w.vocab, "ab", temperature=-1), ValueError, "temperature: expected a number >= 0, got -1.0"),
    ("next_char_distribution", "vocab size", lambda w: next_char_distribution(w.char_model, encoding.Vocabulary("abc"), "ab"), ValueError, "model: expected a model reading token ids with vocab_size=3 (= len(vocab)), got vocab_size=5"),
    ("generate", "length 0", lambda w: generate(w.char_model, w.vocab, "a", 0, rng=0), ValueError, "length: expected an integer >= 1, got 0"),
    ("generate", "prime a number", lambda w: generate(w.char_model, w.vocab, 3, 5, rng=0), ValueError, "prime: expected a non-empty string, got 3"),
    ("bits_per_char", "id too big", lambda w: bits_per_char(w.char_model, np.array([0, V, 1])), ValueError, "ids: expected indices in [0, 5), got 5"),
    ("bits_per_char", "steps 0", lambda w: bits_per_char(w.char_model, np.array([0, 1, 2]), steps=0), ValueError, "steps: expected an integer >= 1, got 0"),
    ("hidden_activations", "layer", lambda w: hidden_activations(w.char_model, w.vocab, "abc", layer=1), ValueError, "layer: expected"),
    ("hidden_activations", "empty text", lambda w: hidden_activations(w.char_model, w.vocab, ""), ValueError, "text: expected"),
    ("free_run", "predict not callable", lambda w: free_run(None, np.zeros((3, 2, 1)), 2), TypeError, "predict: expected a function (T, N, 1) -> (N, 1)"),
    ("free_run", "inputs 2-D", lambda w: free_run(lambda x: x[-1], np.zeros((3, 2)), 2), ValueError, "inputs: expected an array with 3 dimensions (T, N, 1)"),
    ("free_run", "inputs NaN", lambda w: free_run(lambda x: x[-1], np.full((3, 2, 1), NAN), 2), ValueError, "inputs: expected finite"),
    ("free_run", "horizon 0", lambda w: free_run(lambda x: x[-1], np.zeros((3, 2, 1)), 0), ValueError, "horizon: expected an integer >= 1, got 0"),
    # ---------------------------------------------------------------- baselines
    ("CharBigramClassifier", "alpha 0", lambda w: CharBigramClassifier(alpha=0), ValueError, "alpha: expected a positive number, got 0"),
    ("CharBigramClassifier.fit", "labels out of range (nothing refitted)", lambda w: w.bigram.fit(["ab"], np.array([2]), 2), ValueError, "labels"),
    ("CharBigramClassifier.fit", "names a string", lambda w: w.bigram.fit("ab", np.array([0]), 2), TypeError, "names: expected a list of strings, got str"),
    ("CharBigramClassifier.predict", "empty name", lambda w: w.bigram.predict(["ab", ""]), ValueError, "names[1]: expected a non-empty string"),
    ("CharBigramClassifier.log_scores", "not a string", lambda w: w.bigram.log_scores(3), TypeError, "name: expected a non-empty string, got 3"),
    ("CharBigramClassifier.predict_proba", "before fit", lambda w: CharBigramClassifier().predict_proba(["ab"]), ValueError, "call fit(names, labels, num_classes) first"),
    ("CharBigramClassifier.prefix_proba", "empty name", lambda w: w.bigram.prefix_proba(""), ValueError, "name[0]: expected a non-empty string"),
    ("BagOfWordsClassifier", "steps 0", lambda w: BagOfWordsClassifier(steps=0), ValueError, "steps: expected an integer >= 1, got 0"),
    ("BagOfWordsClassifier.fit", "labels count (nothing refitted)", lambda w: w.bow.fit(["good", "bad"], np.array([0]), 2), ValueError, "labels"),
    ("BagOfWordsClassifier.fit", "only white space (nothing refitted)", lambda w: w.bow.fit(["  ", " "], np.array([0, 1]), 2), ValueError, "sentences: expected at least one word, got only white space"),
    ("BagOfWordsClassifier.counts", "a number", lambda w: w.bow.counts(3), TypeError, "sentences: expected a list of strings, got int"),
    ("BagOfWordsClassifier.loss_and_gradients", "counts of another width", lambda w: w.bow.loss_and_gradients(np.zeros((2, 7)), np.array([0, 1])), ValueError, "x: expected size 2 on axis -1"),
    ("BagOfWordsClassifier.predict_proba", "a string", lambda w: w.bow.predict_proba("good"), TypeError, "sentences: expected a list of strings, got str"),
]  # fmt: skip


@pytest.fixture
def world(tmp_path):
    return World(tmp_path)


@pytest.mark.parametrize(
    "entry, what, call, error, message",
    CASES,
    ids=[f"{entry}: {what}" for entry, what, *_ in CASES],
)
def test_wrong_input_is_named_and_changes_nothing(world, entry, what, call, error, message):
    things = world.things()
    before = {name: snapshot(thing) for name, thing in things.items()}
    with pytest.raises(error) as raised:
        call(world)
    assert message in str(raised.value), f"{entry} ({what}): message {str(raised.value)!r}"
    assert_unchanged(before, things)


def test_the_table_covers_every_core_entry_point():
    """Every public class and function of the core modules has a row (the report counts)."""
    covered = {entry for entry, *_ in CASES}
    core = {
        "functional.sigmoid", "functional.tanh", "functional.relu", "functional.softmax",
        "functional.log_softmax", "losses.softmax_cross_entropy", "losses.mse", "losses.mae",
        "Dense", "Dense.forward", "Dense.backward", "Embedding", "Embedding.forward",
        "Embedding.backward", "RNNCell", "LSTMCell", "GRUCell", "Cell.forward", "Cell.backward",
        "Recurrent", "Recurrent.forward", "Recurrent.backward", "Bidirectional",
        "Bidirectional.forward", "Bidirectional.backward", "Stacked", "Stacked.forward",
        "Stacked.backward", "Trace.grad_norm", "Trace.sequence", "SequenceModel",
        "SequenceModel.forward", "SequenceModel.backward", "SequenceModel.predict", "SGD",
        "Adagrad", "Adam", "Optimizer.load_state_dict", "global_grad_norm", "clip_grad_norm",
        "clip_grad_value", "train_step", "fit", "gradcheck.numerical_gradient",
        "gradcheck.relative_error", "gradcheck.gradcheck", "io.save", "io.load",
    }  # fmt: skip
    assert core <= covered, sorted(core - covered)
