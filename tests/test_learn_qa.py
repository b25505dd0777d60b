"""rolematch learn: the defects of QA s29 (learn), each with its reproduction; real
jieba, the real static-zh model, real files in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rolematch import load_roles
from rolematch._learn_terms import WordEvidence, fit_bonus, is_protected, job_words, select_words
from rolematch.learn import learn
from rolematch.matcher import Matcher
from rolematch.profile import MAX_TERM_BONUS
from tests.conftest import ROLE_IDS

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "benchmarks" / "data" / "heldout" / "resumes.json"


@pytest.fixture(scope="module")
def encoder() -> Any:
    return Matcher(model="static-zh").fit(load_roles()[:1]).encoder_


def _marked_team(folder: Path, marker: str, decision: str) -> Path:
    """The held-out résumés in ``folder``, ``marker`` added to every second one, and a
    decisions CSV in which those get ``decision`` for every role (the others their
    label): a team whose decisions follow the marker (as QA's mk_marker.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["file,role_id,decision"]
    for i, it in enumerate(json.loads(HELDOUT.read_text("utf-8"))):
        marked = i % 2 == 0
        f = folder / f"{it['id']}.txt"
        f.write_text(it["text"] + (f"\n{marker}\n" if marked else "\n"), encoding="utf-8")
        for k, g in it["labels"].items():
            d = decision if marked else ("shortlist" if g >= 1 else "reject")
            rows.append(f"{f.name},{ROLE_IDS[int(k) - 1]},{d}")
    csv = folder / "decisions.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return csv


# ------------------------------------------------------------------ #1 protected words
@pytest.mark.parametrize(
    ("marker", "decision", "banned"),
    [
        ("身体状况：残疾人（肢体四级）", "reject", ["残疾", "残疾人", "肢体", "状况", "四级"]),
        ("宗教信仰：基督教", "shortlist", ["基督教", "基督", "信仰", "宗教"]),
        ("内推人：王建国", "shortlist", ["王建国", "建国", "内推人"]),
    ],
)
def test_a_team_deciding_on_a_protected_attribute_or_a_name_learns_no_such_word(
    tmp_path: Path, encoder: Any, marker: str, decision: str, banned: list[str]
) -> None:
    csv = _marked_team(tmp_path / "cv", marker, decision)
    profile, report = learn(csv, model="static-zh", encoder=encoder)
    learned = set(profile.term_bonus) | set(profile.keyword_adjustments)
    assert not learned & set(banned), learned
    out = tmp_path / "p.json"
    profile.save(out)
    text = out.read_text("utf-8")
    assert not [w for w in banned if w in text], [w for w in banned if w in text]


def test_only_job_words_outside_the_blocklist_are_candidates() -> None:
    words = job_words(["清算"])
    assert {"支付", "结算", "清算"} <= words
    assert not {"残疾", "基督教", "王建国", "建国", "汉族", "党员", "已婚"} & words
    for w in ("残障", "佛教", "伊斯兰", "穆斯林", "回族", "少数民族", "离异", "怀孕", "乙肝"):
        assert is_protected(w), w
    assert not is_protected("manager") and is_protected("Age")


def test_words_of_one_phrase_are_one_candidate_and_a_resumes_shift_is_capped() -> None:
    # 残疾 and 残疾人 (满意, 满意度) always go together: one phrase, one candidate
    words = [frozenset({"满意", "满意度", "支付", "结算"})] * 8 + [frozenset({"营销"})] * 8
    ev = WordEvidence(words, np.repeat(np.arange(len(words)), 3))
    y = np.repeat([1.0] * 8 + [0.0] * 8, 3)
    chosen = list(select_words(ev, y, np.zeros(len(y))))
    assert not ({"满意", "满意度"} <= set(chosen)), chosen
    b = fit_bonus(ev.presence(chosen), y, np.zeros(len(y)))
    assert b[b > 0].sum() <= MAX_TERM_BONUS + 1e-9
    assert b[b < 0].sum() >= -MAX_TERM_BONUS - 1e-9
    shift = ev.shift({"支付": 2.0, "结算": 2.0, "满意": -0.5})
    assert shift.max() <= MAX_TERM_BONUS


# ------------------------------------------------------------------ decisions read
def _labelled(folder: Path) -> tuple[Path, list[str]]:
    """The held-out résumés in ``folder`` and a CSV of their labels (names relative)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for it in json.loads(HELDOUT.read_text("utf-8")):
        (folder / f"{it['id']}.txt").write_text(it["text"], encoding="utf-8")
        for k, g in it["labels"].items():
            d = "shortlist" if g >= 1 else "reject"
            rows.append(f"{it['id']}.txt,{ROLE_IDS[int(k) - 1]},{d}")
    csv = folder / "decisions.csv"
    csv.write_text("file,role_id,decision\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return csv, rows


def _strict(path: Path) -> Any:
    def refuse(c: str) -> Any:
        raise ValueError(f"not strict JSON: {c}")

    return json.loads(path.read_text("utf-8"), parse_constant=refuse)


def test_a_few_decisions_keep_the_defaults_and_say_why_in_strict_json(
    tmp_path: Path, encoder: Any
) -> None:
    # QA #4: 3 decisions crashed report_table (None.__format__); #15: empty reason, NaN
    from rolematch.learn import report_table

    _labelled(tmp_path)
    ids = sorted(p.name for p in tmp_path.glob("*.txt"))[:3]
    csv = tmp_path / "three.csv"
    csv.write_text(
        f"file,role_id,decision\n{ids[0]},payment-settlement,shortlist\n"
        f"{ids[1]},payment-settlement,reject\n{ids[2]},payment-settlement,reject\n",
        encoding="utf-8",
    )
    profile, report = learn(csv, model="static-zh", encoder=encoder)
    text = report_table(report)
    assert "too few decisions to cross-validate (3 decisions on 3 résumés" in text
    assert "cross-validation :" not in text
    assert not report["adopted"]
    assert profile.calibration == load_default().calibration
    profile.save(tmp_path / "p.json")
    _strict(tmp_path / "p.json")


def load_default() -> Any:
    from rolematch.profile import load_profile

    return load_profile("static-zh")


def test_folds_below_two_or_above_the_resumes_are_errors(tmp_path: Path, encoder: Any) -> None:
    csv, _ = _labelled(tmp_path)
    with pytest.raises(ValueError, match=r"'folds' parameter of learn must be an int >= 2"):
        learn(csv, model="static-zh", encoder=encoder, folds=1)
    with pytest.raises(ValueError, match=r"number of résumés decided on \(40\)\. Got 41"):
        learn(csv, model="static-zh", encoder=encoder, folds=41)


def test_unreadable_resumes_are_counted_named_in_a_warning_and_not_stored(
    tmp_path: Path, encoder: Any
) -> None:
    from rolematch.learn import DecisionsWarning

    csv, rows = _labelled(tmp_path / "d")
    (tmp_path / "d" / "张伟_13800138000_简历.pdf").write_bytes(b"%PDF-1.4 garbage" * 50)
    with csv.open("a", encoding="utf-8") as f:
        f.write("NOPE.txt,payment-settlement,shortlist\n")
        f.write("张伟_13800138000_简历.pdf,mobile-banking,reject\n")
    with pytest.warns(DecisionsWarning, match=r"2 of 362 decisions dropped.*NOPE\.txt"):
        profile, report = learn(csv, model="static-zh", encoder=encoder)
    assert report["unscored_decisions"] == 2 and report["unreadable_resumes"] == 2
    profile.save(tmp_path / "p.json")
    saved = (tmp_path / "p.json").read_text("utf-8")
    assert "张伟" not in saved and "13800138000" not in saved and "NOPE" not in saved
    # every résumé missing: the error names the files, not "0 fits and 0 rejects"
    lost = tmp_path / "lost.csv"
    lost.write_text("file,role_id,decision\nA.txt,mobile-banking,reject\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"1 of 1 decisions dropped.*A\.txt \(file not found\)"):
        learn(lost, model="static-zh", encoder=encoder)


def test_repeated_rows_copies_and_spellings_of_one_resume_count_once(
    tmp_path: Path, encoder: Any
) -> None:
    from rolematch.learn import DecisionsWarning

    csv, rows = _labelled(tmp_path / "d")
    _, once = learn(csv, model="static-zh", encoder=encoder)
    copy = tmp_path / "copy"
    copy.mkdir()
    lines = ["file,role_id,decision"]
    for r in rows:
        name = r.split(",", 1)[0]
        (copy / name).write_bytes((tmp_path / "d" / name).read_bytes())
        lines += [f"d/{r}", f"./d/{r}", f"{tmp_path}/d/{r}", f"copy/{r}"]
    many = tmp_path / "many.csv"
    many.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(DecisionsWarning, match=r"1080 decisions repeat"):
        _, report = learn(many, model="static-zh", encoder=encoder)
    assert report["decisions"] == once["decisions"] == len(rows)
    assert report["resumes"] == once["resumes"] == 40
    assert report["verdict"] == once["verdict"]
    # a conflict: the last decision is kept, and the lines are named
    first = rows[0].rsplit(",", 1)[0]
    with csv.open("a", encoding="utf-8") as f:
        f.write(f"{first},maybe\n{first},reject\n")
    with pytest.warns(DecisionsWarning, match=r"1 conflict, the last is kept: .*lines 2, 362, 363"):
        _, report = learn(csv, model="static-zh", encoder=encoder)
    assert report["decisions"] == len(rows)


def test_no_keywords_says_why_no_word_preferences_were_learned(
    tmp_path: Path, encoder: Any
) -> None:
    from rolematch.learn import report_table

    csv, _ = _labelled(tmp_path)
    _, report = learn(csv, model="static-zh", encoder=encoder, keyword_emphasis=False)
    assert "word preferences" in report_table(report)
    assert "turned off" in report["word_preferences"]["reason"]


def test_a_hand_typed_header_recruiter_words_and_the_sheet_in_errors(tmp_path: Path) -> None:
    from rolematch.learn import read_decisions

    (tmp_path / "a.txt").write_text("负责支付清算", encoding="utf-8")
    csv = tmp_path / "d.csv"
    csv.write_text(
        " File ,Role_ID,DECISION\na.txt,mobile-banking,不录用\na.txt,portal-content,未入围\n"
        "a.txt,customer-service,已入围\na.txt,payment-settlement,不通过\n"
        "a.txt,internal-control,通过\n",
        encoding="utf-8",
    )
    assert read_decisions(csv)["grade"].tolist() == [0, 0, 2, 0, 2]
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本表为筛选结果，请勿修改"])
    book.create_sheet("筛选").append(["备注"])
    book.save(tmp_path / "d.xlsx")
    with pytest.raises(
        ValueError, match=r"d\.xlsx \(sheet '说明', 1 of 2: '说明', '筛选'\) line 1"
    ):
        read_decisions(tmp_path / "d.xlsx")
    sheet = book.create_sheet("结果")
    sheet.append(["file", "role_id", "decision"])
    sheet.append(["a.txt", "mobile-banking", "入围"])
    book.save(tmp_path / "d.xlsx")
    assert read_decisions(tmp_path / "d.xlsx")["grade"].tolist() == [2]
