"""Download a page over http(s), with limits, a clear user agent and an on-disk cache.

Only `http` and `https` (also after a redirect); at most `MAX_REDIRECTS` redirects;
`timeout` seconds for the connection and for each read, and four times that for the whole
download; the body is refused as soon as it passes `max_bytes` (from `Content-Length`
before reading, else while streaming). Successful pages are cached under
`$SUMMARIZER_CACHE_DIR/pages/` (else the platform user cache dir), keyed by the requested
URL, so a rerun does not fetch again. Every failure is an `InputError` (exit code 4).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import asdict, dataclass
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from summarizer import __version__
from summarizer.errors import InputError
from summarizer.files import write_atomic

USER_AGENT = f"summarizer/{__version__} (+article brief tool)"
DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
_CHUNK = 65_536
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8,*/*;q=0.1"


@dataclass
class Page:
    """A downloaded page: its final URL, body and declared type."""

    url: str
    body: bytes
    content_type: str = ""
    charset: str | None = None
    from_cache: bool = False


def is_url(ref: str) -> bool:
    """Whether an input reference is a URL of any scheme (`x://...`)."""
    scheme, sep, _ = ref.partition("://")
    return bool(sep) and scheme.replace("+", "").replace(".", "").replace("-", "").isalnum()


def check_scheme(url: str) -> None:
    """Raise InputError unless the URL is http(s) with a host, and no spaces or controls."""
    if not url.isprintable() or any(ch.isspace() for ch in url):
        raise InputError(f"{url!r}: not a valid URL: it holds spaces or control characters")
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise InputError(f"{url}: not a valid URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs are supported")
    if not parts.hostname:
        raise InputError(f"{url}: the URL has no host")


def cache_dir() -> Path:
    """Where fetched pages are kept: `$SUMMARIZER_CACHE_DIR/pages` or the user cache dir."""
    from summarizer.config import cache_folder

    return cache_folder(os.environ.get("SUMMARIZER_CACHE_DIR")) / "pages"


def default_timeout() -> float:
    """Seconds per connection or read: `$SUMMARIZER_FETCH_TIMEOUT`, else 20."""
    try:
        return float(os.environ.get("SUMMARIZER_FETCH_TIMEOUT") or DEFAULT_TIMEOUT)
    except ValueError:
        return DEFAULT_TIMEOUT


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise InputError(f"{req.full_url}: redirected to a non-http URL ({newurl})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(url: str) -> urllib.request.OpenerDirector:
    host = urlsplit(url).hostname or ""
    local = host in ("localhost", "::1") or host.startswith("127.")
    proxies = urllib.request.ProxyHandler({} if local else None)
    return urllib.request.build_opener(proxies, _Redirects())


def _decompress(body: bytes, encoding: str | None, url: str, max_bytes: int) -> bytes:
    """Undo a gzip/deflate Content-Encoding a server sent unasked, within the size cap."""
    encoding = (encoding or "").strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    wbits = 47 if encoding != "deflate" else 15  # 47: gzip or zlib header, auto-detected
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error:
        raise InputError(f"{url}: cannot decode its {encoding} body") from None
    if len(out) > max_bytes:
        raise InputError(f"{url}: too large (over {max_bytes:,} bytes)")
    return out


def _declared_length(headers: Message) -> int | None:
    """The body's Content-Length, when the server gives one and does not chunk."""
    length = (headers.get("Content-Length") or "").strip()
    chunked = "chunked" in (headers.get("Transfer-Encoding") or "").lower()
    return int(length) if length.isdigit() and not chunked else None


def _read_body(response: Any, url: str, max_bytes: int, timeout: float, started: float) -> bytes:
    """The (still encoded) body; refused past `max_bytes`, past 4 x `timeout` since `started`,
    or when the connection closes before the declared Content-Length."""
    length = _declared_length(response.headers)
    if length is not None and length > max_bytes:
        raise InputError(f"{url}: too large ({length:,} bytes > {max_bytes:,})")
    deadline = started + 4 * timeout
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: too large (over {max_bytes:,} bytes)")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: download took longer than {4 * timeout:g}s")
        chunks.append(chunk)
    if length is not None and size < length:
        raise InputError(f"{url}: the connection closed early ({size:,} of {length:,} bytes)")
    return b"".join(chunks)


def _download(url: str, max_bytes: int, timeout: float) -> Page:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    started = time.monotonic()
    try:
        with _opener(url).open(request, timeout=timeout) as response:
            headers: Message = response.headers
            body = _read_body(response, url, max_bytes, timeout, started)
            return Page(
                url=response.geturl(),
                body=_decompress(body, headers.get("Content-Encoding"), url, max_bytes),
                content_type=headers.get_content_type(),
                charset=headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"{url}: too many redirects (limit {MAX_REDIRECTS})") from None
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(f"{url}: timed out after {timeout:g}s") from None
        raise InputError(f"{url}: cannot fetch: {exc.reason}") from None
    except TimeoutError:
        raise InputError(f"{url}: timed out after {timeout:g}s") from None
    except http.client.IncompleteRead:
        raise InputError(f"{url}: the connection closed early (chunked body cut short)") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch: {_one_line(exc)}") from None
    except http.client.InvalidURL as exc:
        raise InputError(f"{url}: not a valid URL: {_one_line(exc)}") from None
    except http.client.HTTPException as exc:  # the server's answer is not HTTP
        raise InputError(f"{url}: not a valid HTTP response: {_one_line(exc)}") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _cache_paths(url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    base = cache_dir()
    return base / f"{key}.json", base / f"{key}.body"


def _from_cache(url: str) -> Page | None:
    meta_path, body_path = _cache_paths(url)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        body = body_path.read_bytes()
    except (OSError, ValueError):
        return None
    if meta.get("size") != len(body):
        return None
    return Page(
        url=meta.get("url") or url,
        body=body,
        content_type=meta.get("content_type", ""),
        charset=meta.get("charset"),
        from_cache=True,
    )


def _to_cache(url: str, page: Page) -> None:
    meta_path, body_path = _cache_paths(url)
    meta = {k: v for k, v in asdict(page).items() if k not in ("body", "from_cache")}
    meta.update(requested=url, size=len(page.body), fetched_at=time.time())
    try:
        write_atomic(body_path, page.body)
        write_atomic(meta_path, json.dumps(meta).encode())
    except OSError:
        pass  # a cache that cannot be written only costs a refetch


def fetch(url: str, *, max_bytes: int, timeout: float | None = None, cache: bool = True) -> Page:
    """Download a page (or read it from the cache).

    Args:
        url: An http(s) URL.
        max_bytes: Refuse a body larger than this.
        timeout: Seconds for the connection and each read (default `default_timeout()`);
            the whole download gets four times that.
        cache: Read and write the page cache.

    Returns:
        The page, with the URL it ended at after redirects.

    Raises:
        InputError: Non-http scheme, unreachable host, HTTP error status, too many
            redirects, timeout, or a body over `max_bytes`.
    """
    check_scheme(url)
    if cache and (page := _from_cache(url)) is not None:
        if len(page.body) > max_bytes:
            raise InputError(f"{url}: too large ({len(page.body):,} bytes > {max_bytes:,})")
        return page
    page = _download(url, max_bytes, default_timeout() if timeout is None else timeout)
    if cache:
        _to_cache(url, page)
    return page
