"""The HTML report: structure, highlighting, self-containedness, and rendering in Chromium."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from rolematch import Matcher, load_roles
from rolematch.batch import score_paths
from rolematch.html_report import HTML_TOP_K, highlighter, write_html
from rolematch.tokenize import load_synonyms
from tests._encoders import HashingEncoder
from tests.conftest import OFF_AND_PARTIAL_CVS, example_files

ROLES = load_roles()


class _Rows(HTMLParser):
    """Collects shortlist rows (role, rank, file), unreadable rows, and external references."""

    def __init__(self) -> None:
        super().__init__()
        self.role: str | None = None
        self.rows: list[tuple[str, int, str]] = []
        self.unreadable = 0
        self.external: list[str] = []
        self.marks = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "data-role" in a:
            self.role = a["data-role"]
        if tag == "tr" and a.get("class") == "shortlist-row":
            self.rows.append((self.role, int(a["data-rank"]), a["data-file"]))
        if tag == "tr" and a.get("class") == "unreadable-row":
            self.unreadable += 1
        if tag == "mark":
            self.marks += 1
        for k in ("src", "href"):
            if a.get(k) and not a[k].startswith("#"):
                self.external.append(a[k])
        if tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("cvs")
    for f in example_files():
        shutil.copy(f, d / f.name)
    (d / "broken.pdf").write_bytes(b"%PDF-1.4\n<<garbage")
    (d / "aml.txt").write_text(
        "王六 女 1990年\n2015.07-至今 某银行 合规部 反洗钱岗\n"
        "负责AML交易监测和可疑交易报告，组织反洗钱自查与内控检查。\n",
        "utf-8",
    )
    with score_paths(d, matcher=Matcher(encoder=HashingEncoder()).fit(ROLES)) as results:
        yield results


def test_highlighter_marks_terms_and_synonym_variants():
    mark = highlighter(["反洗钱", "app", "呼叫中心"], load_synonyms())
    out = mark("熟悉AML和anti-money laundering，管理Contact Centre与手机APP<b>")
    assert out == (
        "熟悉<mark>AML</mark>和<mark>anti-money laundering</mark>，管理"
        "<mark>Contact Centre</mark>与手机<mark>APP</mark>&lt;b&gt;"
    )
    assert mark("精通HTML与MAPP") == "精通HTML与MAPP"  # ASCII only as whole words
    assert highlighter([])("<x>") == "&lt;x&gt;"


def test_report_has_each_roles_shortlist_in_rank_order(store):
    buf = io.StringIO()
    n = write_html(store, buf, top_k=3)
    p = _Rows()
    p.feed(buf.getvalue())
    assert n == len(p.rows) == 3 * len(ROLES)
    for r, role in enumerate(ROLES):
        rows = [x for x in p.rows if x[0] == role.id]
        assert [x[1] for x in rows] == [1, 2, 3]
        best = store.files[int(np.flatnonzero(store.resume_rank[:, r] == 1)[0])]
        assert rows[0][2] == best
    assert p.unreadable == 1
    assert p.external == []  # self-contained


def test_report_default_size_and_min_score(store):
    buf = io.StringIO()
    write_html(store, buf)
    p = _Rows()
    p.feed(buf.getvalue())
    assert len(p.rows) == min(HTML_TOP_K, len(store) - 1) * len(ROLES)
    buf = io.StringIO()
    write_html(store, buf, min_score=0.99)
    assert "No résumé passes the filters" in buf.getvalue()


def test_report_highlights_variants_in_evidence(store):
    buf = io.StringIO()
    write_html(store, buf, variants=load_synonyms())
    page = buf.getvalue()
    assert "<mark>AML</mark>" in page  # the résumé says AML; the keyword is 反洗钱
    # a component's weight is its share of a logistic model, no multiplier of a sum
    assert " × w " not in page and re.search(r">0\.\d\d · weight 0\.\d\d<", page)
    assert "broken.pdf" in page and "corrupt" in page


def test_the_cli_report_marks_traditional_evidence_as_its_simplified_twin(tmp_path, capsys):
    # `rolematch score DIR -o out.html`: 監測, 報送, 機構, 遠端銀行 were left unmarked
    import html
    from collections import Counter

    import opencc

    from rolematch.cli import main
    from rolematch.language import highlight_variants, to_simplified

    text = (
        "2016.07-至今 某银行 信息科技部 系统运维工程师\n"
        "负责远程银行坐席系统和呼叫中心软件的运维与版本升级，参与项目管理和信息安全检查。\n"
        "负责反洗钱可疑交易监测，按时向人民银行报送大额和可疑交易报告，组织分支机构开展内控检查。"
    )
    (tmp_path / "tw.txt").write_text(opencc.OpenCC("s2twp").convert(text), "utf-8")
    out = tmp_path / "out" / "report.html"
    assert main(["score", str(tmp_path / "tw.txt"), "--model", "static-zh", "-q",
                 "-o", str(out)]) == 0  # fmt: skip
    cards = re.findall(r'<details class="candidate".*?</details>', out.read_text("utf-8"))
    assert len(cards) == len(ROLES)
    for card in cards:
        terms = [html.unescape(t) for t in re.findall(r'<span class="chip">([^<×]+)', card)]
        mark = highlighter(terms, highlight_variants())  # in the Simplified twin: as before
        for cell in re.findall(r'<td class="duty">.*?</td><td>(.*?)</td>', card):
            sentence = html.unescape(re.sub(r"</?mark>", "", cell))
            marked = Counter(map(to_simplified, re.findall(r"<mark>(.*?)</mark>", cell)))
            twin = re.findall(r"<mark>(.*?)</mark>", mark(to_simplified(sentence)))
            assert marked == Counter(twin), sentence


def test_report_written_atomically(store, tmp_path):
    out = tmp_path / "r.html"
    write_html(store, out)
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def _run_chromium(exe: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           f"--user-data-dir={tmp / 'profile'}", *args]  # fmt: skip
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    except (OSError, subprocess.TimeoutExpired) as e:
        pytest.skip(f"chromium cannot start here: {e}")


def test_report_renders_in_headless_chromium(store, tmp_path):
    exe = _chromium()
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    out = tmp_path / "report.html"
    write_html(store, out, top_k=5, variants=load_synonyms())
    url = out.as_uri()
    dom = _run_chromium(exe, tmp_path, "--dump-dom", url)
    if dom.returncode != 0 or "<html" not in dom.stdout:
        pytest.skip(f"chromium cannot start here: {dom.stderr[-300:]}")
    # the DOM Chromium built has every shortlist row, in order, and the failed file
    p = _Rows()
    p.feed(dom.stdout)
    assert len(p.rows) == 5 * len(ROLES) and p.unreadable == 1 and p.marks > 0
    shot = tmp_path / "shot.png"
    _run_chromium(exe, tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", url)
    assert shot.exists() and shot.stat().st_size > 10_000
    Image = pytest.importorskip("PIL.Image")
    img = np.asarray(Image.open(shot).convert("L"), dtype=float)
    assert img.shape == (1600, 1280)
    # a rendered page, not a blank one: dark text on a light background, many rows of it
    dark_rows = (img < 120).any(axis=1).sum()
    assert img.mean() > 180 and dark_rows > 300
    # the shortlist table is drawn: the first role's title is in the DOM text near the top
    assert re.search(r"<h2>" + re.escape(ROLES[0].title), dom.stdout)


@pytest.mark.semantic
def test_the_report_lists_only_supported_duties_as_evidence(shared_dir, tmp_path):
    # an off-role CV's evidence table listed duty ↔ sentence pairs at support 0.00
    import html

    from rolematch.cli import main

    cvs = [shared_dir / "realworld" / n for n in OFF_AND_PARTIAL_CVS]
    out = tmp_path / "report.html"
    assert main(["score", *map(str, cvs), "-o", str(out), "-q"]) == 0
    cards = re.findall(r'<details class="candidate".*?</details>', out.read_text("utf-8"))
    assert len(cards) == 2 * len(ROLES)
    notes = shown = 0
    for card in cards:
        caption = html.unescape(re.search(r"<caption>(.*?)</caption>", card)[1])
        k, level = re.search(r"evidence: (\d+) of \d+ duties supported \(support ≥ (0\.\d\d)\)",
                             caption).groups()  # fmt: skip
        supports = [
            float(s)
            for s in re.findall(
                r'<td class="duty">.*?</td><td>.*?</td><td class="num">(\d\.\d\d)</td>', card
            )
        ]
        assert len(supports) == min(int(k), 6)
        assert all(s >= float(level) for s in supports), supports
        if int(k) == 0:
            assert 'class="no-evidence"' in card and "no duty" in card
            notes += 1
        shown += len(supports)
    assert notes > 0 and shown > 0
