"""Saving and loading parameters as ``.npz``, never with pickle.

``save`` writes every named parameter plus a JSON header (format version, parameter
names, shapes and dtypes, and any metadata you pass). ``load`` reads the file with
``allow_pickle=False``, checks the header against the model *before* touching it, and
only then copies the values in: a corrupted, truncated or mismatched file raises a
``ValueError`` saying what is wrong and leaves the model unchanged.
"""

from __future__ import annotations

import json
import os
import zipfile

import numpy as np

from .module import Module

__all__ = ["save", "load", "FORMAT"]

FORMAT = "rnnlib-params-v1"
_HEADER = "__rnnlib_header__"


def save(path, module: Module, metadata: dict | None = None) -> None:
    """Write ``module``'s parameters (and JSON-serialisable ``metadata``) to ``path``."""
    if not isinstance(module, Module):
        raise TypeError(f"module: expected an rnnlib Module, got {type(module).__name__}")
    params = {name: param for name, param, _ in module.named_parameters()}
    header = {
        "format": FORMAT,
        "params": {name: [list(p.shape), str(p.dtype)] for name, p in params.items()},
        "metadata": metadata or {},
    }
    try:
        text = json.dumps(header)
    except TypeError as error:
        raise TypeError(f"metadata: expected JSON-serialisable values ({error})") from None
    with open(os.fspath(path), "wb") as handle:
        np.savez(handle, **{_HEADER: np.array(text)}, **params)


def _read(path) -> tuple[dict, dict]:
    try:
        with np.load(os.fspath(path), allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except FileNotFoundError:
        raise
    except (OSError, ValueError, zipfile.BadZipFile, EOFError, KeyError) as error:
        raise ValueError(f"path: {path} is not a readable rnnlib .npz file ({error})") from None
    if _HEADER not in arrays:
        raise ValueError(f"path: {path} has no rnnlib header (not saved by rnnlib.io.save)")
    try:
        header = json.loads(str(arrays.pop(_HEADER)))
    except json.JSONDecodeError as error:
        raise ValueError(f"path: {path} has a corrupted header ({error})") from None
    if header.get("format") != FORMAT:
        raise ValueError(f"path: expected format {FORMAT!r}, got {header.get('format')!r}")
    return header, arrays


def load(path, module: Module) -> dict:
    """Fill ``module``'s parameters from ``path``; return the saved metadata."""
    if not isinstance(module, Module):
        raise TypeError(f"module: expected an rnnlib Module, got {type(module).__name__}")
    header, arrays = _read(path)
    expected = {name: param for name, param, _ in module.named_parameters()}
    missing = sorted(set(expected) - set(arrays))
    extra = sorted(set(arrays) - set(expected))
    if missing or extra:
        raise ValueError(
            f"path: parameters do not match the model (missing {missing[:5]}, unexpected {extra[:5]})"
        )
    for name, param in expected.items():
        value = arrays[name]
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
    for name, param in expected.items():
        param[...] = arrays[name]
    return header["metadata"]
