"""End to end in a real browser: the explorer served by `partygraph explore`, driven by headless
Chromium (Debian's package) through Playwright, from the overview to a gap and into the network view.

Screenshots are saved under test-artifacts/ for a person to look at.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from graph.backend import open_backend
from graph.config import Settings
from loaders.load import load_path

ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def explorer_url(tmp_path_factory, fixture_dir_module):
    home = tmp_path_factory.mktemp("browser-home")
    with open_backend(Settings(backend="embedded", home=home)) as db:
        load_path(db, fixture_dir_module)
        port = _free_port()
        env = {**os.environ, "PARTYGRAPH_HOME": str(home), "PARTYGRAPH_BACKEND": "embedded"}
        server = subprocess.Popen([sys.executable, "-m", "graph.cli", "explore", "--port", str(port),
                                   "--as-of", "2021-12-31"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as reply:
                        if reply.status == 200:
                            break
                except OSError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode(errors="replace") if server.stdout else ""
                    pytest.fail(f"the explorer did not start: {output[-2000:]}")
                time.sleep(0.5)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.fixture(scope="module")
def fixture_dir_module():
    return Path(__file__).parent / "fixtures" / "dongfeng"


@pytest.fixture(scope="module")
def page(explorer_url):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is needed at {CHROMIUM} (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        yield context.new_page()
        browser.close()


def test_overview_to_a_gap_to_the_network(page, explorer_url):
    page.goto(explorer_url + "/", timeout=60_000)
    page.get_by_role("heading", name="概览").wait_for(timeout=60_000)
    page.get_by_text("规则 R1–R12 达标情况").wait_for(timeout=60_000)
    # `explore --as-of 2021-12-31` opens the sidebar's date at the day the data describe
    assert [page.get_by_role("spinbutton", name=f"{part}, 截至日期").inner_text()
            for part in ("year", "month", "day")] == ["2021", "12", "31"]
    page.screenshot(path=str(ARTIFACTS / "1-overview.png"), full_page=True)

    page.get_by_role("link", name="覆盖缺口").click()
    page.get_by_role("heading", name="覆盖缺口").wait_for(timeout=60_000)
    page.get_by_text("未被党支部覆盖的居民小区").first.wait_for(timeout=60_000)
    # The R1 gap list is drawn on a canvas grid; its row count is plain text.
    page.get_by_text("5 条").first.wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "2-gaps-r1.png"), full_page=True)
    # Only the open tab is computed: opening R4 runs its query and shows its one pocket member.
    page.get_by_role("tab", name="R4").click()
    page.get_by_text("组织关系不唯一的党员").first.wait_for(timeout=60_000)
    page.get_by_text("1 条", exact=True).first.wait_for(timeout=60_000)

    page.get_by_role("link", name="关系网络").click()
    page.get_by_role("heading", name="关系网络").wait_for(timeout=60_000)
    search = page.get_by_role("textbox").first
    search.fill("锦绣")
    search.press("Enter")
    # The search picks 锦绣小区 and draws its neighbourhood; the caption counts what is drawn.
    page.get_by_text(re.compile(r"\d+ 个节点,\d+ 条关系")).wait_for(timeout=60_000)
    page.wait_for_timeout(3000)  # let the graph component draw
    page.screenshot(path=str(ARTIFACTS / "3-network.png"), full_page=True)
    assert "Traceback" not in page.content()
