"""Shared fixtures. No test reaches the network: non-loopback connections fail at once."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLES = SHARED / "articles"
FIXTURES = Path(__file__).parent / "fixtures"
_LOOPBACK = ("127.", "::1", "localhost")
_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> object:
    host = address[0] if isinstance(address, tuple) else str(address)
    if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(_LOOPBACK):
        raise OSError(f"tests may not reach the network ({host})")
    return _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def _empty_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty config file: no user settings (SUMMARIZER_CONFIG naming a missing file is an
    error)."""
    path = tmp_path_factory.mktemp("config") / "config.toml"
    path.write_text("", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, _empty_config: Path) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    for var in list(__import__("os").environ):
        if var.startswith("SUMMARIZER_"):
            monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(_empty_config))
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def shared_articles() -> Path:
    """The read-only real articles beside the checkout (skip when absent)."""
    if not ARTICLES.is_dir():
        pytest.skip(f"shared articles not found at {ARTICLES}")
    return ARTICLES


@pytest.fixture
def mongolia_text(shared_articles: Path) -> str:
    """The real article the project started from."""
    return (shared_articles / "mongolia-putin-icc.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def llama() -> Iterator[Any]:
    """The real llama.cpp server for the opt-in live tests (skipped when it cannot run here)."""
    from llama_server import LlamaServer, ServerUnavailable, find_python

    try:
        python = find_python()
    except ServerUnavailable as exc:
        pytest.skip(str(exc))
    with LlamaServer.start(python=python) as running:
        yield running
