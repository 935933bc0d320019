"""URL inputs (summarizer.ingest.fetch) against a local HTTP server on 127.0.0.1, never the web."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES
from ingest_helpers import MORE, input_error
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

from summarizer.cli import app
from summarizer.errors import InputError
from summarizer.ingest.fetch import MAX_REDIRECTS, USER_AGENT, cache_dir, fetch
from summarizer.ingest.load import load_article

PAGE = (FIXTURES / "ingest" / "page.html").read_bytes()
TITLE = "Harbour Council Approves New Ferry Route"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver's one server for the session, on loopback."""
    return ("127.0.0.1", 0)


@pytest.fixture
def server(httpserver: HTTPServer) -> HTTPServer:
    """The shared local server, cleared after each test by pytest-httpserver."""
    return httpserver




def test_html_page(server: HTTPServer) -> None:
    server.expect_request("/news", headers={"User-Agent": USER_AGENT}).respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    url = server.url_for("/news")
    article = load_article(url)
    assert article.title == TITLE
    assert article.url == url and article.origin == url
    assert "Reader comment" not in article.text
    assert USER_AGENT.startswith("summarizer/") and "(+article brief tool)" in USER_AGENT


def test_plain_text_with_declared_charset(server: HTTPServer) -> None:
    body = f"Fête Cancelled\n\nThe village fête was cancelled because of the storm. {MORE}\n"
    server.expect_request("/t.txt").respond_with_data(
        body.encode("cp1252"), content_type="text/plain; charset=windows-1252"
    )
    article = load_article(server.url_for("/t.txt"))
    assert article.title == "Fête Cancelled"
    assert article.text == f"The village fête was cancelled because of the storm. {MORE}"


def test_redirect_is_followed_and_final_url_kept(server: HTTPServer) -> None:
    server.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": server.url_for("/new")})
    )
    server.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    article = load_article(server.url_for("/old"))
    assert article.title == TITLE
    assert article.url == server.url_for("/new")
    assert article.origin == server.url_for("/old")


def test_too_many_redirects(server: HTTPServer) -> None:
    def loop(request: Request) -> Response:
        n = int(request.args.get("n", "0"))
        return Response(status=302, headers={"Location": server.url_for(f"/loop?n={n + 1}")})

    server.expect_request("/loop").respond_with_handler(loop)
    assert "too many redirects" in input_error(server.url_for("/loop"))
    assert len(server.log) == MAX_REDIRECTS + 1


def test_redirect_to_non_http_is_refused(server: HTTPServer) -> None:
    server.expect_request("/ftp").respond_with_response(
        Response(status=302, headers={"Location": "ftp://127.0.0.1/secret.txt"})
    )
    assert "redirected to a non-http URL" in input_error(server.url_for("/ftp"))


def test_404(server: HTTPServer) -> None:
    server.expect_request("/gone").respond_with_data("nope", status=404)
    assert "HTTP 404" in input_error(server.url_for("/gone"))


def test_size_cap_from_content_length(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data(b"a" * 5000, content_type="text/plain")
    assert "too large (5,000 bytes > 1,000" in input_error(server.url_for("/big"), max_bytes=1000)


def test_size_cap_while_streaming(server: HTTPServer) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):  # no Content-Length: chunked transfer
            yield b"word " * 200

    server.expect_request("/stream").respond_with_response(
        Response(chunks(), content_type="text/plain")
    )
    message = input_error(server.url_for("/stream"), max_bytes=10_000)
    assert "too large (over 10,000 bytes)" in message


def test_timeout(server: HTTPServer) -> None:
    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(5)
        return Response("late", content_type="text/plain")

    server.expect_request("/slow").respond_with_handler(slow)
    try:
        assert "timed out after 0.2s" in input_error(server.url_for("/slow"), timeout=0.2)
    finally:
        release.set()


def test_unreachable_host() -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert "cannot fetch" in input_error(f"http://127.0.0.1:{port}/x")


def test_unsupported_content_type(server: HTTPServer) -> None:
    server.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    assert "unsupported content type application/pdf" in input_error(server.url_for("/doc.pdf"))


def test_non_http_schemes() -> None:
    for url in ("ftp://127.0.0.1/a", "file:///etc/hosts", "gopher://127.0.0.1/"):
        assert "only http and https" in input_error(url)


def test_cache_hit_makes_no_request(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_ordered_request("/cached").respond_with_data(PAGE, content_type="text/html")
    url = server.url_for("/cached")
    first = load_article(url)
    assert len(server.log) == 1
    assert cache_dir() == tmp_path / "cache" / "pages" and any(cache_dir().iterdir())
    second = load_article(url)
    assert len(server.log) == 1  # served from the cache
    assert second.model_dump() == first.model_dump()
    page = fetch(url, max_bytes=1_000_000)
    assert page.from_cache and page.body == PAGE


def test_no_cache_fetches_again(server: HTTPServer) -> None:
    server.expect_request("/fresh").respond_with_data(PAGE, content_type="text/html")
    url = server.url_for("/fresh")
    load_article(url, cache=False)
    load_article(url, cache=False)
    assert len(server.log) == 2
    assert not cache_dir().exists() or not any(cache_dir().iterdir())


def test_errors_are_not_cached(server: HTTPServer) -> None:
    server.expect_request("/flaky").respond_with_data("down", status=503)
    input_error(server.url_for("/flaky"))
    server.clear()
    server.expect_request("/flaky").respond_with_data(PAGE, content_type="text/html")
    assert load_article(server.url_for("/flaky")).title == TITLE


def test_extract_url_errors_exit_4(server: HTTPServer) -> None:
    server.expect_request("/missing").respond_with_data("nope", status=404)
    url = server.url_for("/missing")
    result = CliRunner().invoke(app, ["extract", url])
    assert result.exit_code == 4
    assert result.stderr == f"summarizer: error: {url}: HTTP 404 NOT FOUND\n"


def test_extract_url_json(server: HTTPServer) -> None:
    server.expect_request("/news").respond_with_data(PAGE, content_type="text/html")
    result = CliRunner().invoke(app, ["extract", server.url_for("/news"), "--format", "json"])
    assert result.exit_code == 0 and f'"title": "{TITLE}"' in result.stdout


def test_gzip_body_sent_unasked(server: HTTPServer) -> None:
    import gzip

    server.expect_request("/gz").respond_with_data(
        gzip.compress(PAGE), content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert load_article(server.url_for("/gz")).title == TITLE
    server.expect_request("/bomb").respond_with_data(
        gzip.compress(b"a" * 50_000),
        content_type="text/plain",
        headers={"Content-Encoding": "gzip"},
    )
    assert "too large" in input_error(server.url_for("/bomb"), max_bytes=10_000)


@pytest.fixture
def raw_server() -> Iterator[Callable[[bytes], str]]:
    """A loopback server that answers every connection with the same raw bytes, then closes."""
    import socket

    sockets: list[socket.socket] = []

    def start(answer: bytes) -> str:
        sock = socket.create_server(("127.0.0.1", 0))
        sockets.append(sock)

        def serve() -> None:
            while True:
                try:
                    conn, _ = sock.accept()
                except OSError:
                    return
                with conn:
                    conn.recv(65_536)
                    conn.sendall(answer)

        threading.Thread(target=serve, daemon=True).start()
        return f"http://127.0.0.1:{sock.getsockname()[1]}/page"

    yield start
    for sock in sockets:
        sock.close()


def test_answer_that_is_not_http_is_bad_input(raw_server: Callable[[bytes], str]) -> None:
    url = raw_server(b"garbage, not http\r\n\r\n")
    assert "not a valid HTTP response: garbage, not http" in input_error(url)


@pytest.mark.parametrize(
    "answer",
    [
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nshort body",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"40\r\nshort body",
    ],
    ids=["content-length", "chunked"],
)
def test_body_cut_short_is_refused_and_not_cached(
    raw_server: Callable[[bytes], str], answer: bytes
) -> None:
    url = raw_server(answer)
    assert "the connection closed early" in input_error(url)
    assert not cache_dir().exists() or not any(cache_dir().iterdir())


@pytest.mark.parametrize("url", ["http://[::1/x", "http://127.0.0.1:port/"])
def test_malformed_urls_are_bad_input(url: str) -> None:
    assert "not a valid URL" in input_error(url)


@pytest.mark.parametrize("url", ["http://exa mple.org/", "http://127.0.0.1/a\nb", "http://a/\x7f"])
def test_urls_with_spaces_or_controls_are_one_line_bad_input(url: str) -> None:
    with pytest.raises(InputError) as info:
        load_article(url)
    message = str(info.value)
    assert message.startswith(repr(url)) and "\n" not in message and "not a valid URL" in message
