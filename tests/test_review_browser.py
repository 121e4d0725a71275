"""``redact review`` in a real browser: Playwright driving Debian's Chromium against uvicorn on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from redact.pipeline import Pipeline, RunOptions

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)"
)
FIXTURE = Path(__file__).parent.parent / "fixtures" / "handwritten" / "executive-summary-short.txt"
STEM = FIXTURE.stem
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
MISSED = "walk-in centre"  # not detected in the fixture; the reviewer adds it


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """uvicorn in a thread, serving the review app over a fresh run of the fixture."""
    draft = tmp_path / "drafts" / FIXTURE.name
    draft.parent.mkdir()
    shutil.copy(FIXTURE, draft)
    out = tmp_path / "out"
    Pipeline().run(draft, out, RunOptions(variants=("full-publication",)))
    yield from serving(out)


def serving(out: Path) -> Iterator[tuple[str, Path]]:
    """The review app over ``out``, in uvicorn in a thread, until the test is done."""
    import uvicorn

    from redact.review import create_app

    port = free_port()
    config = uvicorn.Config(create_app(out, port), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", out
    uv.should_exit = True
    thread.join(timeout=10)


def select_text(page, text: str) -> None:  # noqa: ANN001 - a Playwright Page
    """Drag the mouse across ``text`` in the draft pane, as a reviewer would."""
    box = page.evaluate(
        """(text) => {
          for (const pane of document.querySelectorAll('.orig')) {
            const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const at = node.textContent.indexOf(text);
              if (at < 0) continue;
              node.parentElement.scrollIntoView({block: 'center'});
              const rect = (a, b) => { const r = document.createRange(); r.setStart(node, a); r.setEnd(node, b);
                                       return r.getBoundingClientRect(); };
              const first = rect(at, at + 1), last = rect(at + text.length - 1, at + text.length);
              return {x1: first.left + 1, y1: first.top + first.height / 2,
                      x2: last.right - 1, y2: last.top + last.height / 2};
            }
          }
          return null;
        }""",
        text,
    )
    assert box, f"{text!r} not found in the draft pane"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()


def test_review_in_a_browser_reject_add_rerun(server: tuple[str, Path]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, out = server
    ARTIFACTS.mkdir(exist_ok=True)
    audit = [json.loads(line) for line in (out / "restricted" / f"{STEM}.audit.jsonl").read_text().splitlines()]
    changes = [e for e in audit if e["variant"] == "full-publication"]
    rejected = next(e for e in changes if e["action"] == "pseudonymise" and e["entity_type"] == "PERSON")
    published = out / "publish" / f"{STEM}.full-publication.md"
    before = published.read_text(encoding="utf-8")
    assert MISSED in before and rejected["original"] not in before

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{base}/run/{STEM}?variant=full-publication")
        expect(page.locator("h1")).to_have_text("Who is reviewing?")
        assert rejected["original"] not in page.content()  # nothing restricted before the name
        page.fill("#reviewer-name", "Browser Reviewer")
        page.click("button[type=submit]")
        expect(page.locator(".toolbar h1")).to_have_text(STEM)
        expect(page.locator(".who")).to_contain_text("Browser Reviewer")
        page.screenshot(path=str(ARTIFACTS / "review-1-run.png"), full_page=False)

        page.keyboard.press("n")
        expect(page.locator("#detail h2")).to_have_text(f"Change 1 of {len(changes)}")
        page.keyboard.press("l")
        expect(page.locator('#detail dd[data-field="score"]')).to_contain_text("(low)")

        index = changes.index(rejected)
        page.click(f'.orig mark[data-i="{index}"]')
        expect(page.locator('#detail dd[data-field="original"]')).to_have_text(rejected["original"])
        expect(page.locator("#detail .mentions")).to_contain_text("Other mentions")
        page.fill("#decision-reason", "the reviewer keeps this name")
        page.click("#reject-button")
        expect(page.locator('#decision-list li[data-action="reject"]')).to_contain_text(rejected["original"])
        expect(page.locator(f'.pub mark[data-i="{index}"]')).to_have_class("chg t-PERSON changed low selected rejected")

        select_text(page, MISSED)
        expect(page.locator("#add-form")).to_be_visible()
        expect(page.locator("#add-text")).to_have_text(MISSED)
        page.select_option("#add-label", "HOSPITAL")
        page.fill("#add-reason", "a local health centre")
        page.click("#add-button")
        expect(page.locator('#decision-list li[data-action="add"]')).to_contain_text(MISSED)
        expect(page.locator("#saved-at")).to_contain_text("Saved")
        expect(page.locator(".orig mark.pending-add")).to_have_text(MISSED)
        page.screenshot(path=str(ARTIFACTS / "review-2-decisions.png"), full_page=False)

        saved = json.loads((out / "restricted" / f"{STEM}.decisions.json").read_text(encoding="utf-8"))
        assert saved["reviewer"] == "Browser Reviewer"
        assert [(d["action"], d["text"]) for d in saved["decisions"]] == [
            ("reject", rejected["original"]), ("add", MISSED)
        ]  # fmt: skip

        page.click("#rerun")
        expect(page.locator("#rerun-result")).to_contain_text("verified", timeout=180_000)
        expect(page.locator("#rerun-result")).to_have_class("result ok")
        expect(page.locator("#saved-at")).to_contain_text("applied in the outputs shown")
        expect(page.locator(".orig mark.t-REVIEWER.kept")).to_have_text(rejected["original"])  # kept, as decided
        expect(page.locator(".orig mark.rejected")).to_have_count(0)
        page.screenshot(path=str(ARTIFACTS / "review-3-rerun.png"), full_page=False)
        added = page.locator(".orig mark.t-HOSPITAL", has_text=MISSED)
        added.click()
        expect(page.locator('#detail dd[data-field="recogniser"]')).to_have_text("reviewer")
        page.screenshot(path=str(ARTIFACTS / "review-3b-added-span.png"), full_page=False)

        after = published.read_text(encoding="utf-8")
        assert after.count(rejected["original"]) == 1  # the rejected mention is kept as written
        assert MISSED not in after  # the added span is redacted
        page.click("#signoff")
        expect(page.locator(".signoff-note")).to_contain_text("signed off by Browser Reviewer")
        page.goto(f"{base}/")
        expect(page.locator("table.runs")).to_contain_text("signed off")
        page.screenshot(path=str(ARTIFACTS / "review-4-index.png"), full_page=True)
        browser.close()


AUTHOR = "Siobhán Keyes"


@pytest.fixture
def refused_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The app over a run refused because its executive summary names no overview author."""
    from redact.errors import RedactError

    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace(f", and the overview report was written by {AUTHOR}, an independent social work consultant", "")
    text = text.replace(f"5.2 The author, {AUTHOR}, and the panel chair", "5.2 The panel chair")
    draft = tmp_path / "drafts" / "no-author.txt"
    draft.parent.mkdir()
    draft.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(RedactError, match="no overview report author"):
        Pipeline().run(draft, out)
    yield from serving(out)


def test_a_refused_run_is_fixed_and_published_in_the_browser(refused_server: tuple[str, Path]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, out = refused_server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{base}/")
        page.fill("#reviewer-name", "Browser Reviewer")
        page.click("button[type=submit]")
        expect(page.locator("table.runs")).to_contain_text("refused (1)")
        page.goto(f"{base}/run/no-author?variant=executive-summary")
        expect(page.locator("#refusal li")).to_contain_text("no overview report author found")
        page.fill("#refusal input.role-name", AUTHOR)
        page.click("#refusal button.name-role")
        expect(page.locator("#refusal .fixed")).to_contain_text(f'name "{AUTHOR}" as the overview report author')
        expect(page.locator('#decision-list li[data-action="named_role"]')).to_contain_text(AUTHOR)
        page.screenshot(path=str(ARTIFACTS / "review-5-refusal-fixed.png"), full_page=False)
        page.click("#rerun")
        expect(page.locator("#rerun-result")).to_contain_text("verified", timeout=180_000)
        expect(page.locator("#refusal")).to_have_count(0)  # published: no reason left
        page.screenshot(path=str(ARTIFACTS / "review-6-refusal-published.png"), full_page=False)
        browser.close()
    assert AUTHOR in (out / "publish" / "no-author.executive-summary.md").read_text(encoding="utf-8")
