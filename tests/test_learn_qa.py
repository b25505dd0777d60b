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
