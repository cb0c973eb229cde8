"""rnnlib: recurrent neural networks in numpy, with every backward pass written out.

The library behind the course. Shapes are time-major ``(T, B, D)``; every layer has a
``forward`` returning ``(output, cache)`` and a ``backward`` taking the upstream
gradient and the cache. See CONTRIBUTING.md for the full contract.
"""

from . import functional, gradcheck, io, losses, optim
from .cells import GRUCell, LSTMCell, RNNCell
from .layers import Dense, Embedding
from .models import SequenceModel
from .module import Module
from .recurrent import Bidirectional, Recurrent, Stacked
from .trace import Trace
from .train import History, fit, train_step

__version__ = "0.1.0"

__all__ = [
    "Bidirectional",
    "Dense",
    "Embedding",
    "GRUCell",
    "History",
    "LSTMCell",
    "Module",
    "RNNCell",
    "Recurrent",
    "SequenceModel",
    "Stacked",
    "Trace",
    "fit",
    "functional",
    "gradcheck",
    "io",
    "losses",
    "optim",
    "train_step",
]
