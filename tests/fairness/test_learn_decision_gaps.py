"""A team's decisions that shortlist one gender far less often are warned of before a
profile learns from them (a blind user's team rejected every woman: the learned profile
moved the audit's pooled impact ratio from 0.87 to 0.59, and nothing said so)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rolematch.learn import DecisionsWarning, learn

WORK = [
    "负责信用卡客服中心坐席管理、排班与话务预测，管理坐席{n}人",
    "牵头投诉处理与质检体系建设，客户满意度提升至9{k}%",
    "推动智能客服知识库与在线客服上线，人工转接率下降{k}个百分点",
]


def _cv(i: int, gender: str) -> str:
    name = "王芳李娜张敏刘洋陈静杨帆赵磊黄伟周强吴军徐涛孙鹏马超朱斌胡勇郭亮"[i]
    work = "\n".join(line.format(n=40 + 5 * i, k=i % 9 + 1) for line in WORK)
    return f"{name}，{gender}，1988年\n工作经历\n2015-至今 某股份制银行 客服中心 主管\n{work}\n"


def _decisions(tmp_path: Path, women_fit: int) -> Path:
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    rows = []
    for i in range(16):
        gender = "女" if i < 8 else "男"
        (cvs / f"cv{i:02d}.txt").write_text(_cv(i, gender), encoding="utf-8")
        fit = i >= 8 or i < women_fit
        rows.append({"file": f"cvs/cv{i:02d}.txt", "role_id": "customer-service",
                     "decision": "shortlist" if fit else "reject"})  # fmt: skip
        rows.append({"file": f"cvs/cv{i:02d}.txt", "role_id": "mobile-banking",
                     "decision": "reject"})  # fmt: skip
    path = tmp_path / "decisions.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["file", "role_id", "decision"])
        w.writeheader()
        w.writerows(rows)
    return path


def test_decisions_that_reject_every_woman_are_warned_of(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    decisions = _decisions(tmp_path, women_fit=0)
    with pytest.warns(DecisionsWarning, match=r"shortlist gender 女 at 0\.00 the rate of 男"):
        _, report = learn(decisions, model="static-zh", resumes=[tmp_path / "cvs"])
    (gap,) = report["decision_gaps"]
    assert (gap["group"], gap["accepted"], gap["n"], gap["reference_accepted"]) == ("女", 0, 16, 8)


def test_decisions_without_a_gap_warn_of_none(tmp_path, monkeypatch, recwarn):
    monkeypatch.chdir(tmp_path)
    decisions = _decisions(tmp_path, women_fit=8)
    _, report = learn(decisions, model="static-zh", resumes=[tmp_path / "cvs"])
    assert report["decision_gaps"] == []
    assert not [w for w in recwarn if "shortlist gender" in str(w.message)]
