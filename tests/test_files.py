"""Atomic writes: readable permissions, and a failure leaves the previous file untouched with no temp files."""

from __future__ import annotations

import os

import pytest

from kg.files import write_atomic


def test_written_file_has_umask_permissions_not_private(tmp_path):
    umask = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "g.ttl", b"data")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "g.ttl"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]
