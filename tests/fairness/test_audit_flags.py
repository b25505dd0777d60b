"""What the audit flags: an impact ratio below four fifths that is also unlikely by
chance (Fisher exact p < ALPHA). A ratio below four fifths that a few résumés make is
"too few to tell": it stays in the tables with its p-value and is listed apart, in
every output and in the CLI's summary.

The small batch is real: résumé files, the real CLI and the real static-zh model. One
strong résumé (age 35) and fourteen weak ones, seven aged 30-39 and seven 40-49; each
role's best one is selected, so the 40-49 group's ratio is 0 with p = 1.0. The skewed
group is synthetic: 50 women and 50 men, the best 20 nearly all women.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from rolematch.cli import main
from rolematch.fairness import ALPHA, FOUR_FIFTHS, AuditResult, audit_table, write_audit
from rolematch.fairness.rates import below_four_fifths
from rolematch.fairness.report import FLAG_TEXT

ROLE = """\
id: wh
title: 仓储主管
duties:
- 负责仓库收货、上架、拣货和发货作业管理。
- 组织库存盘点，控制盘亏，推行5S现场管理。
requirements:
- 熟悉WMS系统，三年以上仓储管理经验。
"""
STRONG = (
    "工作经历\n2016.03-至今 某电商物流中心 仓储主管\n"
    "1. 负责仓库收货、上架、拣货和发货作业管理，使用WMS系统。\n"
    "2. 组织月度库存盘点，盘亏率控制在0.1%以内，推行5S现场管理。\n"
)
WEAK = "工作经历\n2019.07-至今 某超市 收银员\n负责门店收银和顾客接待。\n"
NAMES = [
    "李娜",
    "王芳",
    "陈静",
    "赵敏",
    "周婷",
    "孙丽",
    "张伟",
    "王强",
    "李军",
    "赵磊",
    "陈浩",
    "杨帆",
    "黄磊",
    "吴敏",
    "郑凯",
]
DATE = "2026-12-05"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("flags")
    cvs, roles, out = root / "cvs", root / "roles", root / "out"
    for d in (cvs, roles, out):
        d.mkdir()
    (roles / "wh.yaml").write_text(ROLE, encoding="utf-8")
    ages = [35] + [33] * 7 + [45] * 7
    for k, (name, age) in enumerate(zip(NAMES, ages, strict=True)):
        body = STRONG if k == 0 else WEAK
        (cvs / f"{k:02d}.txt").write_text(f"姓名：{name} | 年龄：{age}岁\n{body}", "utf-8")
    argv = ["audit", str(cvs), "--roles", str(roles), "--model", "static-zh", "--top-k", "1",
            "--date", DATE, "--no-counterfactual"]  # fmt: skip
    for suffix in (".json", ".csv", ".html"):
        argv += ["-o", str(out / f"audit{suffix}")]
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(argv) == 0
    return {
        "audit": json.loads((out / "audit.json").read_text(encoding="utf-8")),
        "csv": _read_csv(out / "audit.csv"),
        "html": (out / "audit.html").read_text(encoding="utf-8"),
        "log": err.getvalue(),
    }


def test_a_ratio_of_zero_with_p_one_is_too_few_to_tell_not_a_flag(small):
    audit = small["audit"]
    age = audit["roles"]["wh"]["age"]
    assert (age["30-39"]["selected"], age["30-39"]["n"]) == (1, 8)
    assert (age["40-49"]["selected"], age["40-49"]["n"]) == (0, 7)
    assert age["40-49"]["impact_ratio"] == 0.0  # the ratio stays visible
    assert audit["alpha"] == ALPHA and audit["flags"] == []
    assert audit["inconclusive"] == [
        {"role_id": "wh", "attribute": "age", "group": "40-49", "reference_group": "30-39",
         "rate": 0.0, "reference_rate": 0.125, "impact_ratio": 0.0,
         "p_value": pytest.approx(1.0)}
    ]  # fmt: skip


def test_every_output_says_too_few_to_tell(small):
    (row,) = [r for r in small["csv"] if r["attribute"] == "age" and r["group"] == "40-49"]
    assert row["impact_ratio"] == "0.0" and row["flag"] == ""
    assert float(row["p_value"]) == pytest.approx(1.0)
    assert "too few to tell" in row["note"] and "p = 1.000" in row["note"]
    assert not [r for r in small["csv"] if r["flag"]]
    page = small["html"]
    assert '<tr class="flag">' not in page and page.count('<tr class="unclear">') == 1
    assert "Too few to tell" in page and "No impact ratio below 0.8 with p &lt; 0.05" in page
    summary = small["log"].strip().splitlines()[-4:]
    assert any(
        "0 flag(s)" in s
        and "1 ratio(s) < 0.8 not flagged (0 suggestive, p < 0.10; 1 too few to tell)" in s
        for s in summary
    )


def _skewed_rows() -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """100 résumés, the best 20 are 18 women and 2 men."""
    rows, groups = [], {}
    for i in range(100):
        woman = i % 2 == 0
        top = i < 36 and (woman or i in (1, 3))  # 18 women and 2 men score high
        score = 0.9 - i / 1000 if top else 0.3 - i / 1000
        rows.append({"file": f"{i}.txt", "status": "ok", "role_id": "r", "score": score})
        groups[f"{i}.txt"] = {"gender": "女" if woman else "男"}
    return rows, groups


def test_a_clearly_skewed_large_group_is_flagged_in_every_output(tmp_path):
    rows, groups = _skewed_rows()
    roles, flags = audit_table(rows, groups, rule={"top_k": 20}, attributes=["gender"])
    men = roles["r"]["gender"]["男"]
    assert (men["selected"], men["n"], roles["r"]["gender"]["女"]["selected"]) == (2, 50, 18)
    (flag,) = flags
    assert (flag["group"], flag["reference_group"]) == ("男", "女")
    assert flag["impact_ratio"] == pytest.approx(2 / 18) and flag["p_value"] < 0.001
    assert below_four_fifths(roles) == flags
    result = AuditResult(rule={"top_k": 20}, n_resumes=100, roles=roles, flags=flags,
                         counterfactual_max_delta=None, warnings=[], attributes=("gender",),
                         inconclusive=[])  # fmt: skip
    for suffix in (".json", ".csv", ".html"):
        write_audit(result, tmp_path / f"audit{suffix}")
    assert json.loads((tmp_path / "audit.json").read_text("utf-8"))["flags"] == [
        {**flag, "p_value": pytest.approx(flag["p_value"])}
    ]
    (row,) = [r for r in _read_csv(tmp_path / "audit.csv") if r["flag"]]
    assert (row["group"], row["flag"]) == ("男", FLAG_TEXT)
    assert "unlikely by chance" in row["note"] and "p < 0.001" in row["note"]
    page = (tmp_path / "audit.html").read_text("utf-8")
    assert page.count('<tr class="flag">') == 1 and 'class="unclear"' not in page
    assert "impact ratio 0.111 (p &lt; 0.001)" in page


def test_a_flag_needs_both_a_low_ratio_and_a_low_p():
    # 2 of 5 women against 0 of 5 men: a ratio of 0, and p = 4/9
    scores = {"女": [0.9, 0.8, 0.2, 0.2, 0.2], "男": [0.1] * 5}
    rows, groups = [], {}
    for group, values in scores.items():
        for k, score in enumerate(values):
            rows.append({"file": f"{group}{k}", "status": "ok", "role_id": "r", "score": score})
            groups[f"{group}{k}"] = {"gender": group}
    roles, flags = audit_table(rows, groups, rule={"top_k": 2}, attributes=["gender"])
    (below,) = below_four_fifths(roles)
    assert below["impact_ratio"] == 0.0 < FOUR_FIFTHS
    assert below["p_value"] == pytest.approx(4 / 9) and flags == []
