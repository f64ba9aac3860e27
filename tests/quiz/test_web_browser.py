"""A real browser through the browser quiz: Debian's Chromium driven by Playwright (on Windows,
Microsoft Edge), on a phone's viewport (360×640) and a desktop's. Join, wait, the proctor lets
the device in, answer (saved only once committed), reload mid-test and resume, lose the server
mid-test and recover without losing the choice, review, submit, result. Screenshots are taken
on every run; with ISODESK_SCREENSHOTS=1 they are kept in docs/screenshots/ (web-*.png).

A missing browser fails these tests with how to install one: they are never skipped.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from desktop.models.quiz import attempts, web

from .conftest import make_session
from .web_helpers import serving

DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
WAIT_MS = 20_000


def browser_path() -> str | None:
    """ISODESK_BROWSER, else Debian's Chromium (or Chrome), on Windows Microsoft Edge."""
    wanted = os.environ.get("ISODESK_BROWSER")
    if wanted:
        return wanted if Path(wanted).exists() else None
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
                     os.environ.get("PROGRAMFILES", r"C:\Program Files")):
            edge = Path(base) / "Microsoft" / "Edge" / "Application" / "msedge.exe"
            if edge.exists():
                return str(edge)
        return None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def playwright():
    path = browser_path()
    if path is None:
        pytest.fail("No browser for the browser tests. On Debian/Ubuntu: `apt-get install -y "
                    "chromium` (CI does it in .ci/run); on Windows the tests use Microsoft Edge; "
                    "or set ISODESK_BROWSER to a Chromium-based browser.", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: `pip install -e .[test]` (the test extra).",
                    pytrace=False)
    with sync_playwright() as p:
        yield p, path


@pytest.fixture
def device(playwright, tmp_path):
    """Open a fresh browser (its own profile) with a viewport; closed after the test."""
    p, path = playwright
    opened = []

    def open_device(viewport: dict, name: str = "device"):
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / f"profile-{name}"), executable_path=path, args=ARGS,
            viewport=viewport, locale="vi-VN")
        opened.append(ctx)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.set_default_timeout(WAIT_MS)
        page.shots_dir = tmp_path / "shots"
        return page

    yield open_device
    for ctx in opened:
        ctx.close()


def shot(page, name: str) -> None:
    folder = DOCS_SHOTS if os.environ.get("ISODESK_SCREENSHOTS") else page.shots_dir
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"web-{name}.png"), full_page=True)


def screen_is(page, name: str) -> None:
    page.wait_for_selector(f'body[data-screen="{name}"]', timeout=WAIT_MS)


def save_note(page, text: str) -> None:
    """Wait until the page's saving note says `text` (the page's strict CSP forbids evaluated
    scripts, so this waits on the element itself)."""
    from playwright.sync_api import expect

    expect(page.locator("#save")).to_contain_text(text, timeout=WAIT_MS)


def choose(page, index: int) -> None:
    page.locator("button.opt").nth(index).click()
    save_note(page, "Đã lưu")


def test_phone_join_admit_answer_reload_lose_the_server_submit(device, qstore, qdata_dir):
    s = make_session(qstore, questions=4, feedback="answers", time_limit_min=20)
    web.open_test(qstore, s.id)
    sizes: dict[str, int] = {}
    with serving(qdata_dir, s.id) as server:
        port = server.port
        url = f"http://127.0.0.1:{port}/"
        page = device(PHONE, "phone")
        page.on("response", lambda r: sizes.__setitem__(r.url, int(r.headers.get(
            "content-length", "0"))) if r.request.method == "GET" and r.status == 200 else None)
        page.goto(url)
        screen_is(page, "join")
        shot(page, "1-join-phone")
        page.fill("#q", "tran thi binh")
        page.click("text=Tìm")
        page.click("button.person")
        screen_is(page, "confirm")
        assert "Trần Thị Bình" in page.inner_text("main")
        shot(page, "2-confirm-phone")
        page.click("text=Đúng, là tôi")
        screen_is(page, "waiting")
        shot(page, "3-waiting-phone")
        waiting = next(r for r in web.live_roster(qstore, s.id) if r.state == "waiting")
        web.admit(qstore, waiting.device)                 # the proctor lets the phone in
        screen_is(page, "question")                       # the page goes on by itself
        assert "Câu 1/4" in page.inner_text(".top")
        choose(page, 1)
        attempt_id = web.device(qstore, waiting.device)["attempt_id"]
        a = attempts.load_attempt(qstore, attempt_id)
        assert a.item(1).selected == [a.item(1).option_order[1]]   # committed, then "saved"
        shot(page, "4-question-phone")
        page.reload()                                     # reload mid-test: same question
        screen_is(page, "question")
        assert "Câu 1/4" in page.inner_text(".top")
        assert page.locator("button.opt").nth(1).get_attribute("aria-pressed") == "true"
    # the server is gone: the choice is kept on the page and retried
    page.locator("button.opt").nth(0).click()
    save_note(page, "Mất kết nối")
    shot(page, "5-lost-connection-phone")
    assert page.locator("button.opt").nth(0).get_attribute("aria-pressed") == "true"
    with serving(qdata_dir, s.id, port):                  # back on the same address
        save_note(page, "Đã lưu")
        item = attempts.load_attempt(qstore, attempt_id).item(1)
        # the second choice replaced the first; a "tick all that apply" question (the bank has
        # one, and the draw is random) keeps both ticks
        kept = {item.option_order[0]} | ({item.option_order[1]} if item.multiple else set())
        assert sorted(item.selected) == sorted(kept)
        for position in (2, 3, 4):
            page.click("text=Câu sau →" if position > 1 else "text=Xem lại →")
            screen_is(page, "question")
            assert f"Câu {position}/4" in page.inner_text(".top")
            choose(page, 0)
        page.click("text=Xem lại →")
        screen_is(page, "review")
        shot(page, "6-review-phone")
        page.click("text=Nộp bài")
        screen_is(page, "submit_check")
        page.click("form[action='/submit'] button")
        screen_is(page, "result")
        shot(page, "7-result-phone")
        text = page.inner_text("main")
        assert "câu đúng" in text and ("ĐẠT" in text or "CHƯA ĐẠT" in text)
        assert attempts.load_attempt(qstore, attempt_id).submitted
    assert sizes and max(sizes.values()) < 100_000
    pages = [u for u in sizes if not u.endswith((".css", ".js"))]
    assert all(sizes[u] + sum(v for k, v in sizes.items() if k.endswith((".css", ".js")))
               < 100_000 for u in pages)


def test_desktop_whole_test_with_everyone_let_in(device, qstore, qdata_dir):
    s = make_session(qstore, questions=3, feedback="score")
    web.open_test(qstore, s.id)
    web.set_auto_admit(qstore, s.id, True)
    with serving(qdata_dir, s.id) as server:
        page = device(DESKTOP, "desktop")
        page.goto(f"http://127.0.0.1:{server.port}/")
        page.fill("#q", "CB005")
        page.click("text=Tìm")
        page.click("button.person")
        page.click("text=Đúng, là tôi")
        screen_is(page, "question")                       # let in at once: on the list
        shot(page, "8-question-desktop")
        page.click("text=Đánh dấu để xem lại")
        screen_is(page, "question")
        assert "Đã đánh dấu" in page.inner_text(".top")
        for position in (1, 2, 3):
            choose(page, 0)
            page.click("text=Câu sau →" if position < 3 else "text=Xem lại →")
        screen_is(page, "review")
        assert "Đã trả lời 3/3" in page.inner_text("main")
        page.click("text=Nộp bài")
        page.click("form[action='/submit'] button")
        screen_is(page, "result")
        shot(page, "9-result-desktop")
        assert "Đáp án đúng" not in page.inner_text("main")    # score only in this session
        page.click("text=Xong")
        screen_is(page, "join")
