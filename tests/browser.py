"""Headless Chromium for the tests that check a standalone HTML document as a reader sees it."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="chromium not installed (apt-get install chromium)"
)


def inspect_page(page: Path, tmp_path: Path, report: str, size: str = "") -> str:
    """Load `page` in an iframe of headless Chromium and return what `report` says of it.

    Args:
        page: The HTML file (loaded from its own folder, as a reader opens it).
        tmp_path: A scratch folder for the browser profile.
        report: The body of a JavaScript function of `d`, the page's laid-out document,
            returning a string.
        size: Extra iframe attributes, e.g. `width="1400" height="900"`.
    """
    wrapper = page.parent / "wrapper.html"
    wrapper.write_text(
        '<!DOCTYPE html><html><body><pre id="out"></pre>'
        f'<iframe id="f" {size} src="{page.name}"></iframe><script>'
        f"function report(d) {{ {report} }}"
        "document.getElementById('f').addEventListener('load', function () {"
        "  var d = this.contentDocument;"
        "  document.getElementById('out').textContent = d ? report(d) : 'NO ACCESS'; });"
        "</script></body></html>",
        encoding="utf-8",
    )
    cmd = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
        "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
        wrapper.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    found = re.search(r'<pre id="out">(.*?)</pre>', done.stdout, re.S)
    assert found, done.stdout[:500]
    text = html.unescape(found.group(1))
    assert "NO ACCESS" not in text, f"Chromium refused file access to {page.name}"
    return text
