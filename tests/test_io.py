import json

import numpy as np
import pytest

from rnnlib import SequenceModel, io


def make(seed, hidden=4):
    return SequenceModel(
        "lstm",
        hidden_size=hidden,
        output_size=3,
        vocab_size=5,
        embedding_dim=2,
        bidirectional=True,
        rng=seed,
    )


def params(model):
    return {n: p.copy() for n, p, _ in model.named_parameters()}


def test_round_trip_is_bit_exact_with_metadata(tmp_path):
    path = tmp_path / "model.npz"
    source, target = make(0), make(1)
    io.save(path, source, metadata={"vocab": "abcde", "steps": 10})
    assert io.load(path, target) == {"vocab": "abcde", "steps": 10}
    for name, value in params(source).items():
        assert np.array_equal(value, params(target)[name]), name
        assert value.dtype == params(target)[name].dtype


def test_file_never_holds_pickles(tmp_path):
    path = tmp_path / "model.npz"
    io.save(path, make(0))
    with np.load(path, allow_pickle=False) as archive:  # would raise on an object array
        assert all(archive[name].dtype != object for name in archive.files)


def corrupt_truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def corrupt_flip(path):
    data = bytearray(path.read_bytes())
    for k in range(200, len(data), 97):
        data[k] ^= 0xFF
    path.write_bytes(bytes(data))


def corrupt_not_npz(path):
    path.write_bytes(b"hello, I am not a model")


def corrupt_nan(path):
    model = make(0)
    model.head.params["W"][0, 0] = np.nan
    io.save(path, model)


def corrupt_pickled(path):
    np.savez(path, **{"head.W": np.array([object()], dtype=object)})


def corrupt_header(path):
    with np.load(path) as archive:
        arrays = {n: archive[n] for n in archive.files}
    arrays["__rnnlib_header__"] = np.array("{not json")
    np.savez(path, **arrays)


def rewrite(path, header=None, compressed=False):
    """The same arrays written again, optionally with another JSON header or compressed."""
    with np.load(path) as archive:
        arrays = {n: archive[n] for n in archive.files}
    if header is not None:
        arrays["__rnnlib_header__"] = np.array(header)
    (np.savez_compressed if compressed else np.savez)(path, **arrays)


def corrupt_header_list(path):
    rewrite(path, "[1, 2]")


def corrupt_header_without_params(path):
    rewrite(path, '{"format": "rnnlib-params-v1", "metadata": {}}')


def corrupt_header_without_metadata(path):
    """Before the fix this raised KeyError after the parameters had been overwritten."""
    with np.load(path) as archive:
        header = json.loads(str(archive["__rnnlib_header__"]))
    del header["metadata"]
    rewrite(path, json.dumps(header))


def corrupt_compression_method(path):
    """A zip whose members claim a compression method zipfile does not know (99)."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = data.find(signature)
        while start != -1:
            data[start + offset : start + offset + 2] = (99).to_bytes(2, "little")
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


def corrupt_deflate_stream(path):
    """A compressed archive whose deflate data is damaged (zlib.error when read)."""
    rewrite(path, compressed=True)
    data = bytearray(path.read_bytes())
    for k in range(60, len(data) // 2, 7):
        data[k] ^= 0x55
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "corrupt",
    [
        corrupt_truncate,
        corrupt_flip,
        corrupt_not_npz,
        corrupt_nan,
        corrupt_pickled,
        corrupt_header,
        corrupt_header_list,
        corrupt_header_without_params,
        corrupt_header_without_metadata,
        corrupt_compression_method,
        corrupt_deflate_stream,
    ],
)
def test_bad_files_raise_and_load_nothing(tmp_path, corrupt):
    path = tmp_path / "model.npz"
    io.save(path, make(0))
    corrupt(path)
    target = make(1)
    before = params(target)
    with pytest.raises(ValueError, match="path"):
        io.load(path, target)
    for name, value in before.items():
        assert np.array_equal(value, params(target)[name])


def test_mismatched_model_raises_and_loads_nothing(tmp_path):
    path = tmp_path / "model.npz"
    io.save(path, make(0, hidden=4))
    target = make(1, hidden=5)
    before = params(target)
    with pytest.raises(ValueError, match="shape"):
        io.load(path, target)
    assert all(np.array_equal(v, params(target)[n]) for n, v in before.items())
    other = SequenceModel("gru", hidden_size=4, output_size=3, vocab_size=5, rng=0)
    with pytest.raises(ValueError, match="missing"):
        io.load(path, other)


def test_a_save_that_fails_midway_leaves_the_old_file_and_no_partial_file(tmp_path, monkeypatch):
    path = tmp_path / "model.npz"
    io.save(path, make(0))
    before = path.read_bytes()

    def broken_savez(handle, **arrays):
        handle.write(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez", broken_savez)
    with pytest.raises(OSError, match="disk full"):
        io.save(path, make(1))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.npz"]
