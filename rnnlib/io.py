"""Saving and loading parameters (and optimiser state) as ``.npz``, never with pickle.

``save`` writes every named parameter plus a JSON header (format version, parameter
names, shapes and dtypes, and any metadata you pass). With ``optimizer=`` it also writes
the optimiser's state (type, hyperparameters, step count and per-parameter moments), so
a long run resumes exactly: ``load(path, model, optimizer=opt)`` into a fresh model and
optimiser, and the next steps are bit-for-bit those the saved run would have taken.

``load`` reads the file with ``allow_pickle=False`` and checks all of it (header,
every array's name, shape, dtype and values, the optimiser state) against the model and
optimiser *before* touching either; only then are the values copied in. A corrupted,
truncated or mismatched file raises a ``ValueError`` saying what is wrong and leaves
model and optimiser unchanged. ``save`` writes a temporary file beside ``path`` and
renames it over ``path`` at the end, so a failed save leaves an existing file as it was.
"""

from __future__ import annotations

import json
import os

import numpy as np

from ._checks import check_module
from .module import Module
from .optim import Optimizer

__all__ = ["save", "load", "FORMAT"]

FORMAT = "rnnlib-params-v1"
_HEADER = "__rnnlib_header__"
_OPTIMIZER = "__optimizer__"  # optimiser arrays are stored as "__optimizer__:<param>:<key>"


def _check_path(path):
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"path: expected a file path (str or os.PathLike), got {type(path).__name__}"
        )
    return os.fspath(path)


def _check_optimizer(optimizer, module: Module):
    if optimizer is None:
        return None
    if not isinstance(optimizer, Optimizer):
        raise TypeError(
            f"optimizer: expected an rnnlib optimizer or None, got {type(optimizer).__name__}"
        )
    if optimizer.module is not module:
        raise ValueError(
            "optimizer: expected an optimiser built for this module (optimizer.module is "
            f"module), got one built for another {type(optimizer.module).__name__}"
        )
    return optimizer


def save(path, module: Module, metadata: dict | None = None, optimizer=None) -> None:
    """Write ``module``'s parameters (and JSON-serialisable ``metadata``, and the state of
    ``optimizer`` when given: it must have been built for ``module``) to ``path``."""
    path = _check_path(path)
    check_module(module)
    optimizer = _check_optimizer(optimizer, module)
    if metadata is not None and not isinstance(metadata, dict):
        raise TypeError(f"metadata: expected a dict or None, got {type(metadata).__name__}")
    params = {name: param for name, param, _ in module.named_parameters()}
    arrays = dict(params)
    header = {
        "format": FORMAT,
        "params": {name: [list(p.shape), str(p.dtype)] for name, p in params.items()},
        "metadata": metadata or {},
    }
    if optimizer is not None:
        state = optimizer.state_dict()
        declared = {}
        for (name, key), value in state["arrays"].items():
            stored = f"{_OPTIMIZER}:{name}:{key}"
            arrays[stored] = value
            declared[stored] = [name, key, list(value.shape), str(value.dtype)]
        header["optimizer"] = {
            "type": state["type"],
            "steps": state["steps"],
            "hyperparameters": state["hyperparameters"],
            "arrays": declared,
        }
    try:
        text = json.dumps(header, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise TypeError(f"metadata: expected JSON-serialisable finite values ({error})") from None
    partial = f"{path}.{os.getpid()}.partial"  # beside path, so the rename is atomic
    try:
        with open(partial, "wb") as handle:
            np.savez(handle, **{_HEADER: np.array(text)}, **arrays)
        os.replace(partial, path)
    except BaseException:
        if os.path.exists(partial):
            os.unlink(partial)
        raise


def _read(path) -> tuple[dict, dict]:
    """The header and the arrays of ``path``, any damage reported as a ValueError."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            if not hasattr(archive, "files"):
                raise ValueError("a single .npy array, not an .npz archive")
            arrays = {name: archive[name] for name in archive.files}
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise
    except Exception as error:  # any damage inside the archive: zip, zlib, npy format
        raise ValueError(
            f"path: {path} is not a readable rnnlib .npz file ({type(error).__name__}: {error})"
        ) from None
    if _HEADER not in arrays:
        raise ValueError(f"path: {path} has no rnnlib header (not saved by rnnlib.io.save)")
    try:
        header = json.loads(str(arrays.pop(_HEADER)))
    except json.JSONDecodeError as error:
        raise ValueError(f"path: {path} has a corrupted header ({error})") from None
    if not isinstance(header, dict):
        raise ValueError(f"path: expected a JSON object as header, got {type(header).__name__}")
    if header.get("format") != FORMAT:
        raise ValueError(f"path: expected format {FORMAT!r}, got {header.get('format')!r}")
    for key in ("params", "metadata"):
        if not isinstance(header.get(key), dict):
            raise ValueError(
                f"path: expected the header's {key!r} to be a JSON object, got "
                f"{type(header.get(key)).__name__} (corrupted file)"
            )
    if not isinstance(header.get("optimizer", {}), dict):
        raise ValueError("path: expected the header's 'optimizer' to be a JSON object")
    return header, arrays


def _check_params(header, arrays, module) -> dict:
    expected = {name: param for name, param, _ in module.named_parameters()}
    stored = {name: value for name, value in arrays.items() if not name.startswith(_OPTIMIZER)}
    missing = sorted(set(expected) - set(stored))
    extra = sorted(set(stored) - set(expected))
    if missing or extra:
        raise ValueError(
            f"path: parameters do not match the model (missing {missing[:5]}, unexpected {extra[:5]})"
        )
    for name, param in expected.items():
        value = stored[name]
        declared = header["params"].get(name)
        if declared != [list(value.shape), str(value.dtype)]:
            raise ValueError(f"path: parameter {name!r} does not match the header (corrupted file)")
        if value.shape != param.shape or value.dtype != param.dtype:
            raise ValueError(
                f"path: parameter {name!r} has shape {value.shape} and dtype {value.dtype}, "
                f"the model expects {param.shape} and {param.dtype}"
            )
        if not np.all(np.isfinite(value)):
            raise ValueError(f"path: parameter {name!r} holds NaN or infinite values")
    return stored


def _optimizer_state(header, arrays) -> dict:
    """Rebuild ``Optimizer.state_dict()`` from the file (each array checked against the
    header); the optimiser itself then checks it against its type and module."""
    section = header.get("optimizer")
    if section is None:
        raise ValueError("path: holds no optimiser state (it was saved without optimizer=)")
    if set(section) != {"type", "steps", "hyperparameters", "arrays"} or not isinstance(
        section["arrays"], dict
    ):
        raise ValueError("path: the header's optimiser state is incomplete (corrupted file)")
    stored = {name for name in arrays if name.startswith(_OPTIMIZER)}
    if stored != set(section["arrays"]):
        raise ValueError("path: the optimiser arrays do not match the header (corrupted file)")
    state_arrays = {}
    for stored_name, declared in section["arrays"].items():
        value = arrays[stored_name]
        if not (
            isinstance(declared, list)
            and len(declared) == 4
            and all(isinstance(part, str) for part in declared[:2])
        ) or declared[2:] != [
            list(value.shape),
            str(value.dtype),
        ]:
            raise ValueError(
                f"path: optimiser array {stored_name!r} does not match the header (corrupted file)"
            )
        state_arrays[(declared[0], declared[1])] = value
    return {
        "type": section["type"],
        "steps": section["steps"],
        "hyperparameters": section["hyperparameters"],
        "arrays": state_arrays,
    }


def load(path, module: Module, optimizer=None) -> dict:
    """Fill ``module``'s parameters (and ``optimizer``'s state, when given: the file must
    hold one of the same type) from ``path``; return the saved metadata.

    Everything is checked before anything is written; on any error the module and the
    optimiser are left exactly as they were.
    """
    path = _check_path(path)
    check_module(module)
    optimizer = _check_optimizer(optimizer, module)
    header, arrays = _read(path)
    params = _check_params(header, arrays, module)
    state = None
    if optimizer is not None:
        state = _optimizer_state(header, arrays)
        optimizer.check_state_dict(state, "path: optimiser state")
    for name, param, _ in module.named_parameters():
        param[...] = params[name]
    if optimizer is not None:
        optimizer.load_state_dict(state)
    return header["metadata"]
