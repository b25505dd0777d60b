"""Bias audit (rolematch.fairness, ``rolematch audit``): every number against a hand
computation from the same batch's CSV and the résumés' stated attributes.

The batch is built for it: 19 plain-text résumés that state gender and age in the ways
résumés do (labelled fields, a header line ``王芳 / 女 / 1990年3月``, ``女士``, ``1989年生``,
English ``Gender: Female``, ``Mr.``, ``Born 1980``, or not at all), one empty file, and
two test-only roles on which the shortlist is skewed by construction: the women of the
batch have done anti-money-laundering work, most of the men customer service. The real
CLI scores them with the real static-zh model.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import statistics
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy.stats import fisher_exact

from rolematch.cli import main
from rolematch.fairness import (
    ALPHA,
    FOUR_FIFTHS,
    GROUPS,
    MIN_GROUP,
    attribute_groups,
    audit_table,
    swap_personal,
)
from rolematch.fairness.attributes import age_on
from rolematch.fairness.counterfactual import max_score_change
from rolematch.fairness.rates import below_four_fifths, check_rule

AUDIT_DATE = "2026-12-05"
ON = datetime.date(2026, 12, 5)

AML_ROLE = """\
id: aml-lead
title: 反洗钱合规主管
department: 合规部
duties:
- 负责反洗钱可疑交易监测与甄别，组织大额和可疑交易报告的审核与报送。
- 负责客户身份识别和洗钱风险等级评定，开展受益所有人识别和尽职调查。
- 负责制裁名单筛查系统的规则维护和命中处置。
- 组织反洗钱内部审计、监管检查迎检和整改。
requirements:
- 熟悉反洗钱法、金融机构大额交易和可疑交易报告管理办法。
- 具有银行反洗钱或合规工作经验，持有CAMS证书者优先。
"""
CS_ROLE = """\
id: cs-lead
title: 客户服务中心主管
department: 客户服务中心
duties:
- 负责电话客服和在线客服团队的排班、质检和培训管理。
- 负责客户投诉工单的受理、跟踪和闭环，提升客户满意度。
- 负责智能客服知识库建设和话术优化，提高机器人问题解决率。
- 负责客服中心服务指标分析，推动接通率和一次解决率提升。
requirements:
- 具有五年以上呼叫中心或客户服务管理经验。
- 熟悉客服系统、质检流程和客户投诉处理。
"""

AML_LINES = (
    "负责可疑交易监测模型的规则调优，月均甄别预警3000余笔，可疑交易报告报送及时率100%。",
    "牵头客户洗钱风险等级评定，完成存量客户身份识别和受益所有人识别专项。",
    "维护制裁名单筛查系统规则，处置名单命中并建立复核流程。",
    "配合人民银行反洗钱现场检查，组织整改并完成内部审计。",
    "负责大额交易报告的审核与报送，编写反洗钱培训材料。",
    "参与反洗钱系统升级，梳理交易监测指标和尽职调查流程。",
)
CS_LINES = (
    "管理电话客服团队40人，负责排班、质检和新人培训。",
    "负责客户投诉工单的受理和跟踪，投诉闭环率提升到98%。",
    "搭建智能客服知识库，机器人问题解决率从55%提升到72%。",
    "分析客服中心接通率和一次解决率，推动服务流程优化。",
    "负责在线客服话术优化，客户满意度连续两年排名第一。",
    "组织呼叫中心服务质检，制定质检标准和考核办法。",
)
OTHER_LINES = (
    "负责门店商品陈列和库存盘点。",
    "参与公司年会活动策划与执行。",
    "负责部门日常行政事务和会议组织。",
)

# (file stem, header lines, body kind, lines taken from the pool, gender, age band)
# gender and age are what the header states, worked out by hand as of AUDIT_DATE.
PEOPLE: list[tuple[str, str, str, int, str, str]] = [
    ("p01", "姓名：李娜 | 性别：女 | 年龄：28岁", "aml", 6, "女", "<30"),
    ("p02", "王芳 / 女 / 1990年3月", "aml", 5, "女", "30-39"),
    ("p03", "陈静　女　1985.06 | 手机：138****1234", "aml", 4, "女", "40-49"),
    ("p04", "个人简历 | 姓名：赵敏　性别：女　出生年月：1998年11月", "aml", 3, "女", "<30"),
    ("p05", "刘洋女士 | 电话 139****5566\n年龄：33", "aml", 5, "女", "30-39"),
    ("p06", "周婷（女，1979年8月生）", "aml", 4, "女", "40-49"),
    ("p07", "孙丽　女　1989年生", "cs", 3, "女", "30-39"),
    ("p08", "Emily Zhang\nGender: Female | Date of Birth: 12 May 1998", "aml", 2, "女", "<30"),
    ("p09", "姓名：张伟 | 性别：男 | 出生年月：1992.12", "cs", 6, "男", "30-39"),
    ("p10", "王强 / 男 / 35岁", "cs", 5, "男", "30-39"),
    ("p11", "李军　男　1975年4月", "cs", 4, "男", "50+"),
    ("p12", "赵磊先生 | 1997年生", "cs", 3, "男", "<30"),
    ("p13", "姓名：刘建国　性别：男　出生日期：1982-03-15", "aml", 2, "男", "40-49"),
    ("p14", "陈浩 | 男 | 年龄：45", "cs", 6, "男", "40-49"),
    ("p15", "杨帆 男 1999.07", "cs", 2, "男", "<30"),
    ("p16", "Mr. Zhou Jie\nBorn 1980", "other", 3, "男", "40-49"),
    ("p17", "黄磊 | 1988年9月 | 手机：136****7788", "aml", 3, "unknown", "30-39"),
    ("p18", "吴敏 | 电话：137****2233", "cs", 4, "unknown", "unknown"),
    ("p19", "郑凯 | 邮箱：zk@example.com\n年龄：52岁", "other", 2, "unknown", "50+"),
]
POOLS = {"aml": AML_LINES, "cs": CS_LINES, "other": OTHER_LINES}
# What a person's stated data looks like in the header, for the privacy checks: the
# values, and the labels that would carry them into a score output.
PERSONAL_LABELS = ("性别", "年龄", "出生", "女士", "先生", "Gender", "Female")
PERSONAL_STRINGS = (
    "李娜", "王芳", "陈静", "赵敏", "刘洋", "周婷", "孙丽", "张伟", "王强", "李军", "赵磊",
    "刘建国", "陈浩", "杨帆", "黄磊", "吴敏", "郑凯", "28岁", "35岁", "52岁", "1990年3月", "1985.06", "1998年11月", "1979年8月", "1989年生",
    "12 May 1998", "1992.12", "1975年4月", "1997年生", "1982-03-15", "1999.07", "Born 1980",
    "1988年9月",
)  # fmt: skip


def _resume_text(index: int, header: str, kind: str, take: int) -> str:
    pool = POOLS[kind]
    # a different slice of the pool per person, so scores differ
    lines = [pool[(index + k) % len(pool)] for k in range(take)]
    work = "\n".join(f"{k}. {line}" for k, line in enumerate(lines, start=1))
    return (
        f"{header}\n"
        "【教育背景】\n"
        "2006.09-2010.06 某财经大学 金融学 本科\n"
        "【工作经历】\n"
        "2016.03-至今 某城市商业银行\n"
        f"{work}\n"
        "【自我评价】\n"
        "工作认真负责，善于沟通协调。\n"
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The batch, its CSV from ``rolematch score`` and the audit from ``rolematch audit``."""
    root = tmp_path_factory.mktemp("audit")
    cvs = root / "cvs"
    cvs.mkdir()
    for i, (stem, header, kind, take, _, _) in enumerate(PEOPLE):
        (cvs / f"{stem}.txt").write_text(_resume_text(i, header, kind, take), encoding="utf-8")
    (cvs / "p20_empty.txt").write_text("", encoding="utf-8")
    roles = root / "roles"
    roles.mkdir()
    (roles / "aml.yaml").write_text(AML_ROLE, encoding="utf-8")
    (roles / "cs.yaml").write_text(CS_ROLE, encoding="utf-8")
    out = root / "out"
    common = [str(cvs), "--roles", str(roles), "--model", "static-zh"]
    score_outputs = [out / f"ranking{s}" for s in (".csv", ".jsonl", ".html", ".xlsx")]
    logs: dict[str, str] = {}
    import contextlib

    for name, argv in {
        "score": ["score", *common] + [a for p in score_outputs for a in ("-o", str(p))],
        "audit": ["audit", *common, "--top-k", "6", "--date", AUDIT_DATE]
        + ["-o", str(out / "audit.json"), "-o", str(out / "audit.html")]
        + ["-o", str(out / "audit.xlsx"), "--scores-csv", str(out / "audit_scores.csv")],
    }.items():
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            assert main(argv) == 0
        logs[name] = err.getvalue()
    with open(out / "audit_scores.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(out / "ranking.csv", encoding="utf-8-sig", newline="") as f:
        score_rows = list(csv.DictReader(f))
    return {
        "root": root,
        "cvs": cvs,
        "roles": roles,
        "out": out,
        "rows": rows,  # the audit run's own CSV
        "score_rows": score_rows,  # rolematch score's CSV of the same files
        "audit": json.loads((out / "audit.json").read_text(encoding="utf-8")),
        "logs": logs,
        "score_outputs": score_outputs,
    }


# File stem -> attribute -> group, as the headers state them (worked out by hand, not by
# the detector).
TRUTH = {stem: {"gender": gender, "age": age} for stem, *_, gender, age in PEOPLE}


def _hand_audit(
    rows: list[dict[str, str]], rule: dict[str, Any], truth: dict[str, dict[str, str]] = TRUTH
) -> dict[str, Any]:
    """The audit computed from the CSV alone and the stated attributes (a copy of another
    file, which the audit's CSV marks, is not counted)."""
    out: dict[str, Any] = {}
    ok = [
        r for r in rows if r["status"] == "ok" and "not counted in the audit" not in r["warnings"]
    ]
    for role_id in dict.fromkeys(r["role_id"] for r in ok):
        mine = [r for r in ok if r["role_id"] == role_id]
        scores = [float(r["score"]) for r in mine]
        median = statistics.median(scores)
        out[role_id] = {}
        for attribute in ("gender", "age"):
            table: dict[str, dict[str, Any]] = {}
            for group in GROUPS[attribute]:
                members = [r for r in mine if truth[Path(r["file"]).stem][attribute] == group]
                n = len(members)
                cell: dict[str, Any] = {"n": n, "selected": None, "rate": None,
                                        "impact_ratio": None, "scoring_rate": None,
                                        "mean_score": None}  # fmt: skip
                if n >= MIN_GROUP:
                    if "top_k" in rule:  # the K-th best score as the CSV shows it: ties in
                        cut = sorted(scores, reverse=True)[min(rule["top_k"], len(scores)) - 1]
                        sel = sum(float(r["score"]) >= cut for r in members)
                    else:
                        sel = sum(float(r["score"]) >= rule["min_score"] for r in members)
                    cell["selected"] = sel
                    cell["rate"] = sel / n
                    cell["scoring_rate"] = sum(float(r["score"]) > median for r in members) / n
                    cell["mean_score"] = sum(float(r["score"]) for r in members) / n
                table[group] = cell
            best = max(
                (c["rate"] for g, c in table.items() if g != "unknown" and c["rate"] is not None),
                default=0.0,
            )
            rated = [g for g, c in table.items() if g != "unknown" and c["rate"] is not None]
            for g in rated:
                if best > 0 and len(rated) > 1:  # one group alone: nothing to compare
                    table[g]["impact_ratio"] = table[g]["rate"] / best
            out[role_id][attribute] = table
    return out


def _assert_same(got: dict[str, Any], want: dict[str, Any]) -> None:
    assert sorted(got) == sorted(want)  # roles (the audit lists them in role order)
    for role_id, per_attr in want.items():
        assert list(got[role_id]) == list(per_attr)
        for attribute, table in per_attr.items():
            assert list(got[role_id][attribute]) == list(table)
            for group, cell in table.items():
                g = got[role_id][attribute][group]
                assert list(g) == ["n", "selected", "rate", "impact_ratio", "scoring_rate",
                                   "mean_score"]  # fmt: skip
                for key, value in cell.items():
                    where = (role_id, attribute, group, key)
                    if value is None:
                        assert g[key] is None, where
                    elif key in ("n", "selected"):
                        assert g[key] == value, where
                    else:
                        assert g[key] == pytest.approx(value, abs=1e-9), where


def test_the_audit_scores_the_batch_as_score_does(batch):
    def key(rows):
        return sorted((r["file"], r["status"], r["role_id"], r["score"], r["resume_rank"])
                      for r in rows)  # fmt: skip

    assert key(batch["rows"]) == key(batch["score_rows"])
    assert len(batch["rows"]) == len(PEOPLE) * 2 + 1  # two roles each, one row for the empty


def test_every_number_equals_the_hand_computation_from_the_csv(batch):
    audit = batch["audit"]
    assert list(audit) == [
        "rule", "n_resumes", "duplicates_ignored", "roles", "alpha", "flags", "inconclusive",
        "pooled", "counterfactual_max_delta", "warnings",
    ]  # fmt: skip
    assert audit["duplicates_ignored"] == 0  # every résumé of the batch is a different one
    assert audit["rule"] == {"top_k": 6}
    ok_files = {r["file"] for r in batch["rows"] if r["status"] == "ok"}
    assert audit["n_resumes"] == len(ok_files) == len(PEOPLE)  # the empty file is not counted
    _assert_same(audit["roles"], _hand_audit(batch["rows"], {"top_k": 6}))


def test_the_skewed_shortlist_is_flagged_and_only_it(batch):
    audit = batch["audit"]
    assert audit["alpha"] == ALPHA == 0.05
    want: dict[bool, list[tuple[str, str, str, str]]] = {True: [], False: []}
    for role_id, per_attr in audit["roles"].items():
        for attribute, table in per_attr.items():
            rated = {g: c for g, c in table.items() if c["impact_ratio"] is not None}
            ref = max(rated, key=lambda g: rated[g]["rate"]) if rated else None
            for g, c in rated.items():
                if c["impact_ratio"] < FOUR_FIFTHS:
                    assert table[g]["n"] >= MIN_GROUP and table[ref]["n"] >= MIN_GROUP
                    a, b = c, table[ref]
                    p = fisher_exact([[a["selected"], a["n"] - a["selected"]],
                                      [b["selected"], b["n"] - b["selected"]]]).pvalue  # fmt: skip
                    want[bool(p < ALPHA)].append((role_id, attribute, g, ref))
    got = [(f["role_id"], f["attribute"], f["group"], f["reference_group"]) for f in audit["flags"]]
    unclear = [(f["role_id"], f["attribute"], f["group"], f["reference_group"])
               for f in audit["inconclusive"]]  # fmt: skip
    assert (got, unclear) == (want[True], want[False])
    assert all(f["p_value"] < ALPHA for f in audit["flags"])
    assert all(f["p_value"] >= ALPHA for f in audit["inconclusive"])
    for f in audit["flags"] + audit["inconclusive"]:
        cell = audit["roles"][f["role_id"]][f["attribute"]]
        a, b = cell[f["group"]], cell[f["reference_group"]]
        assert (f["rate"], f["reference_rate"]) == (a["rate"], b["rate"])
        table = [[a["selected"], a["n"] - a["selected"]], [b["selected"], b["n"] - b["selected"]]]
        assert f["p_value"] == pytest.approx(fisher_exact(table).pvalue, abs=1e-12)
    # built skewed: the AML shortlist is (nearly) all women, so the men's ratio is low
    aml = audit["roles"]["aml-lead"]["gender"]
    assert aml["女"]["rate"] > aml["男"]["rate"]
    assert ("aml-lead", "gender", "男", "女") in got


def test_small_groups_carry_their_size_only(batch):
    gender = batch["audit"]["roles"]["aml-lead"]["gender"]
    age = batch["audit"]["roles"]["aml-lead"]["age"]
    assert gender["unknown"]["n"] == 3 and age["50+"]["n"] == 2 and age["unknown"]["n"] == 1
    for cell in (gender["unknown"], age["50+"], age["unknown"]):
        assert {k for k, v in cell.items() if v is not None} == {"n"}
    warnings = " | ".join(batch["audit"]["warnings"])
    assert "1 files could not be scored (1 empty)" in warnings
    assert "gender: 3 of 19 résumés do not state it" in warnings


def test_min_score_rule_equals_the_hand_computation(batch, tmp_path):
    scores = sorted(float(r["score"]) for r in batch["rows"] if r["role_id"] == "cs-lead")
    s = scores[len(scores) // 2]  # a threshold some pass and some do not
    out = tmp_path / "audit.json"
    argv = ["audit", str(batch["cvs"]), "--roles", str(batch["roles"]), "--model", "static-zh",
            "--min-score", str(s), "--date", AUDIT_DATE, "--no-counterfactual", "-q",
            "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    audit = json.loads(out.read_text(encoding="utf-8"))
    assert audit["rule"] == {"min_score": s}
    assert audit["counterfactual_max_delta"] is None
    _assert_same(audit["roles"], _hand_audit(batch["rows"], {"min_score": s}))


def test_counterfactual_swap_leaves_every_score_within_the_promise(batch):
    delta = batch["audit"]["counterfactual_max_delta"]
    assert delta is not None and 0.0 <= delta <= 0.005
    assert not any("counterfactual" in w for w in batch["audit"]["warnings"])


def test_the_counterfactual_check_sees_a_leak(batch):
    # A posting that asks for who the candidate is (a hometown, a gender): blind
    # screening keeps the score still; scoring the unredacted text, the same check sees
    # the swap move it. The check is not blind to what it is meant to catch.
    from rolematch.io.extract import read_resume
    from rolematch.io.roles import role_from_dict
    from rolematch.matcher import Matcher

    biased = role_from_dict({
        "id": "biased", "title": "长沙分行客服主管",
        "duties": ["负责电话客服团队的排班和质检。", "负责客户投诉处理。"],
        "requirements": ["湖南长沙户籍，男性，35岁以下。"],
    })  # fmt: skip
    matcher = Matcher(model="static-zh").fit([biased])
    pairs = []
    for i in range(3):
        header = f"姓名：张{'伟强军'[i]} | 性别：男 | 年龄：3{i}岁 | 籍贯：湖南长沙"
        path = batch["root"] / f"leak{i}.txt"
        path.write_text(_resume_text(i, header, "cs", 4), encoding="utf-8")
        r = read_resume(path, redact=False)
        pairs.append((r.source, r.text, swap_personal(r.text, r.personal, ON)))
    blind, swapped = max_score_change(matcher, pairs)
    leaky, _ = max_score_change(matcher, pairs, redact=False)
    assert swapped == 3
    assert blind <= 0.005 < leaky
    # against the batch's own scores only the swap is scored; a reference that is off
    # (here: all zeros) sends the résumé back to the controlled comparison
    wrong = {source: np.zeros(1) for source, _, _ in pairs}
    assert max_score_change(matcher, pairs, reference=wrong) == (blind, 3)
    assert max_score_change(matcher, pairs, redact=False, reference=wrong) == (leaky, 3)


def test_attributes_are_read_as_stated(batch):
    from rolematch.io.extract import read_resume

    for stem, *_, gender, age in PEOPLE:
        personal = read_resume(batch["cvs"] / f"{stem}.txt").personal
        assert attribute_groups(personal, ["gender", "age"], ON) == {
            "gender": gender,
            "age": age,
        }, stem


@pytest.mark.parametrize(
    ("personal", "age"),
    [
        ({"age": "35"}, 35),
        ({"age": "35", "birth_date": "1950年1月"}, 35),  # the stated age, as written
        ({"birth_date": "1988.12"}, 38),
        ({"birth_date": "1988年12月6日"}, 37),  # the day before the birthday
        ({"birth_date": "1988-12-05"}, 38),
        ({"birth_date": "1996年"}, 30),  # a year alone counts from 1 July
        ({"birth_date": "May 12, 1990"}, 36),
        ({"age": "99"}, None),
        ({"birth_date": "2019.01"}, None),  # a child: a misreading
    ],
)
def test_age_on_the_audit_date(personal, age):
    assert age_on(personal, ON) == age


@pytest.mark.parametrize(
    ("value", "group"), [("汉", "汉族"), ("汉族", "汉族"), ("回族", "少数民族"),
                         ("维吾尔", "少数民族"), ("其他", "unknown"), ("", "unknown")],
)  # fmt: skip
def test_ethnicity_groups(value, group):
    assert attribute_groups({"ethnicity": value}, ["ethnicity"], ON) == {"ethnicity": group}


def test_ethnicity_only_when_asked(batch, tmp_path):
    out = tmp_path / "audit.json"
    cv = batch["root"] / "eth"
    cv.mkdir()
    for i in range(6):
        nation = "汉族" if i < 5 else "回族"
        text = _resume_text(i, f"姓名：周{'一二三四五六'[i]}明 | 民族：{nation}", "aml", 3)
        (cv / f"e{i}.txt").write_text(text, encoding="utf-8")
    argv = ["audit", str(cv), "--roles", str(batch["roles"]), "--model", "static-zh",
            "--top-k", "2", "--attributes", "ethnicity", "--no-counterfactual", "-q",
            "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    table = json.loads(out.read_text(encoding="utf-8"))["roles"]["aml-lead"]
    assert list(table) == ["ethnicity"]
    assert {g: c["n"] for g, c in table["ethnicity"].items()} == {
        "汉族": 5,
        "少数民族": 1,
        "unknown": 0,
    }
    assert "ethnicity" not in batch["audit"]["roles"]["aml-lead"]


def test_swap_changes_who_not_what():
    text = (
        "姓名：张伟 | 性别：男 | 年龄：35岁 | 籍贯：湖南长沙 | 民族：汉族\n"
        "王丽女士 1990年3月 | Gender: Female | Born 1988\n"
        "【工作经历】\n2015.07-2019.06 某银行 客服主管，张伟负责培训\n"
    )
    swapped = swap_personal(text, {"name": "张伟"}, ON)
    assert swapped.splitlines()[0] == (
        "姓名：李思 | 性别：女 | 年龄：46岁 | 籍贯：黑龙江哈尔滨 | 民族：回族"
    )
    assert swapped.splitlines()[1] == "王丽先生 1979年3月 | Gender: Male | Born 1977"
    # dates of a range and the work itself stay; only the name moves in the body
    assert swapped.splitlines()[3] == "2015.07-2019.06 某银行 客服主管，李思负责培训"


def test_no_output_or_log_holds_a_persons_attributes(batch):
    texts: dict[str, str] = {}
    for path in [*batch["score_outputs"], *(batch["out"] / f"audit{s}" for s in
                                            (".json", ".html", ".xlsx"))]:  # fmt: skip
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as z:
                texts[path.name] = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                                           if n.endswith(".xml"))  # fmt: skip
        else:
            texts[path.name] = path.read_text(encoding="utf-8")
    texts.update({f"log:{k}": v for k, v in batch["logs"].items()})
    for name, text in texts.items():
        for s in PERSONAL_STRINGS:
            assert s not in text, (name, s)
        if name.startswith("ranking") or name == "log:score":
            for s in PERSONAL_LABELS:
                assert s not in text, (name, s)
            # a gender written anywhere in the score outputs (the batch's work text has none)
            assert "男" not in text and "女" not in text and "male" not in text.lower(), name
    # the audit names no file: nothing links a group to a person
    for name in ("audit.json", "audit.html", "audit.xlsx", "log:audit"):
        assert str(batch["cvs"]) not in texts[name]
        for stem, *_ in PEOPLE:
            assert f"{stem}.txt" not in texts[name], (name, stem)


def test_html_and_xlsx_reports(batch):
    page = (batch["out"] / "audit.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<link" not in page and "src=" not in page
    assert page.count("<svg") == 2 * 2  # a chart per role and attribute
    assert page.count('<tr class="flag">') == len(batch["audit"]["flags"]) > 0
    assert page.count('<tr class="unclear">') == len(batch["audit"]["inconclusive"])
    assert "four-fifths" in page and "Selection is not hiring" in page
    with zipfile.ZipFile(batch["out"] / "audit.xlsx") as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2 * 2
        assert all(b"barChart" in z.read(n) for n in charts)


def test_xlsx_text_never_becomes_a_formula(batch, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "aml.yaml").write_text(
        AML_ROLE.replace("title: 反洗钱合规主管", 'title: "=HYPERLINK(\\"http://x\\")主管"'),
        encoding="utf-8",
    )
    out = tmp_path / "audit.xlsx"
    argv = ["audit", str(batch["cvs"]), "--roles", str(roles), "--model", "static-zh",
            "--top-k", "3", "--no-counterfactual", "-q", "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    titles = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert titles and all(c.data_type == "s" for c in titles)
    assert not any(c.data_type == "f" for c in cells)


def test_rule_and_attribute_errors(tmp_path):
    with pytest.raises(ValueError, match="Exactly one of the 'top_k' and 'min_score'"):
        check_rule(None, None)
    with pytest.raises(ValueError, match="Exactly one"):
        check_rule(3, 0.5)
    with pytest.raises(ValueError, match="'min_score' parameter must be a float in"):
        check_rule(None, 1.5)
    with pytest.raises(ValueError, match="'attributes' parameter must name some of"):
        attribute_groups({}, ["religion"], ON)
    with pytest.raises(SystemExit) as e:
        main(["audit", str(tmp_path), "--top-k", "3", "--min-score", "0.5"])
    assert e.value.code == 2
    with pytest.raises(SystemExit):
        main(["audit", str(tmp_path), "--top-k", "3", "--attributes", "gender,religion"])
    assert main(["audit", str(tmp_path), "--top-k", "3", "-o", str(tmp_path / "a.pdf")]) == 2


def test_audit_table_suppresses_and_compares_only_stated_groups():
    rows = [
        {"file": f"{i}", "status": "ok", "role_id": "r", "score": s, "resume_rank": k}
        for k, (i, s) in enumerate(sorted(enumerate([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3,
                                                     0.2, 0.1, 0.05, 0.95, 0.85]),
                                          key=lambda x: -x[1]), start=1)
    ]  # fmt: skip
    groups = {str(i): {"gender": "女" if i < 5 else ("男" if i < 10 else "unknown")}
              for i in range(12)}  # fmt: skip
    roles, flags = audit_table(rows, groups, rule={"top_k": 4}, attributes=["gender"])
    t = roles["r"]["gender"]
    # the top 4 are .95 (unknown), .9 (女), .85 (unknown), .8 (女): 2 of 5 women, no man
    assert t["女"]["selected"] == 2 and t["男"]["selected"] == 0
    assert t["女"]["impact_ratio"] == 1.0 and t["男"]["impact_ratio"] == 0.0
    assert t["unknown"]["n"] == 2 and t["unknown"]["rate"] is None
    # 0 of 5 against 2 of 5 is below four fifths but p = 4/9: too few to tell, no flag
    assert flags == []
    assert below_four_fifths(roles) == [{"role_id": "r", "attribute": "gender", "group": "男",
                      "reference_group": "女", "rate": 0.0, "reference_rate": 0.4,
                      "impact_ratio": 0.0, "p_value": pytest.approx(4 / 9)}]  # fmt: skip
    # nobody selected: rates 0, no ratio, no flag
    roles, flags = audit_table(rows, groups, rule={"min_score": 0.99}, attributes=["gender"])
    assert roles["r"]["gender"]["女"]["rate"] == 0.0
    assert roles["r"]["gender"]["女"]["impact_ratio"] is None and flags == []


def test_devset_audit_is_redone_from_its_csv_and_no_output_names_a_person(shared_dir, tmp_path):
    # A batch this test did not build: the dev set's files in five layouts.
    from rolematch.io.extract import read_resume

    files = shared_dir / "devset" / "files"
    out = tmp_path / "out"
    common = [str(files), "--model", "static-zh"]
    score = ["score", *common, "-q", "-o", str(out / "r.jsonl"), "-o", str(out / "r.html")]
    assert main(score) == 0
    argv = ["audit", *common, "--top-k", "5", "--date", AUDIT_DATE, "--no-counterfactual",
            "-q", "-o", str(out / "a.json"), "--scores-csv", str(out / "a.csv")]  # fmt: skip
    assert main(argv) == 0
    with open(out / "a.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    stated = {}
    texts = [(out / n).read_text(encoding="utf-8") for n in ("r.jsonl", "r.html", "a.json")]
    for path in sorted({r["file"] for r in rows if r["status"] == "ok"}):
        personal = read_resume(path).personal
        stated[Path(path).stem] = attribute_groups(personal, ["gender", "age"], ON)
        for key in ("name", "birth_date"):
            if personal.get(key):
                assert not any(personal[key] in t for t in texts), (path, key)
    audit = json.loads((out / "a.json").read_text(encoding="utf-8"))
    _assert_same(audit["roles"], _hand_audit(rows, {"top_k": 5}, stated))
    # the dev set holds one CV in several formats: counted once, each copy marked
    copies = {r["file"] for r in rows if "not counted in the audit" in r["warnings"]}
    assert copies and audit["duplicates_ignored"] == len(copies)
    assert all("duplicate: same text as" in r["warnings"] for r in rows if r["file"] in copies)
    assert audit["n_resumes"] == len({r["file"] for r in rows if r["status"] == "ok"} - copies)


def test_python_api_gives_the_cli_record(batch, tmp_path):
    import rolematch

    result = rolematch.audit(
        batch["cvs"], roles=batch["roles"], model="static-zh", top_k=6, date=AUDIT_DATE
    )
    assert json.loads(json.dumps(result.to_dict(), ensure_ascii=False)) == batch["audit"]
    assert result.write(tmp_path / "a.json") == "json"
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8")) == batch["audit"]


def test_a_path_that_does_not_exist_is_a_file_not_found_error(tmp_path):
    from rolematch import audit

    missing = tmp_path / "nope"
    with pytest.raises(
        FileNotFoundError, match=r"The 'paths' parameter of audit names no file or folder: .*nope"
    ):
        audit(str(missing), model="static-zh", top_k=1)
    (tmp_path / "cv").mkdir()
    with pytest.raises(FileNotFoundError, match="nope"):
        audit([tmp_path / "cv", missing], model="static-zh", top_k=1)


def test_an_impact_ratio_of_exactly_four_fifths_is_not_flagged():
    # 4 of 25 women and 1 of 5 men selected: 4/25 ÷ 1/5 is 0.8 exactly (QA s29 #11), which
    # floating point made 0.7999999999999999 and flagged as below 0.8
    rows = [
        {"file": str(i), "status": "ok", "role_id": "r", "score": 0.9 if i in picked else 0.1,
         "resume_rank": i + 1}
        for picked in [{0, 1, 2, 3, 25}] for i in range(30)
    ]  # fmt: skip
    groups = {str(i): {"gender": "女" if i < 25 else "男"} for i in range(30)}
    roles, flags = audit_table(rows, groups, rule={"min_score": 0.5}, attributes=["gender"])
    assert roles["r"]["gender"]["女"]["impact_ratio"] == FOUR_FIFTHS == 0.8
    assert flags == []


def test_audit_output_and_date_errors_are_usage_errors(tmp_path, capsys):
    cv = tmp_path / "a.txt"
    cv.write_text("负责反洗钱可疑交易监测", encoding="utf-8")
    args = ["audit", str(cv), "--top-k", "3", "--model", "static-zh"]
    assert main([*args, "-o", str(tmp_path / "a.txt.out")]) == 2
    err = capsys.readouterr().err
    assert ".csv" in err and ".json" in err and "a.txt.out" in err
    out = str(tmp_path / "x.json")
    assert main([*args, "-o", out, "-o", out]) == 2
    assert "given twice" in capsys.readouterr().err
    (tmp_path / "d.json").mkdir()
    assert main([*args, "-o", str(tmp_path / "d.json")]) == 2
    assert "is a folder" in capsys.readouterr().err
    for date in ("1900-01-01", "2300-01-01"):
        with pytest.raises(SystemExit) as e:
            main([*args, "--date", date])
        assert e.value.code == 2
        err = capsys.readouterr().err
        assert "--date: expected a date YYYY-MM-DD from" in err and date in err


def test_audit_scores_with_the_profile_it_is_given(batch, tmp_path):
    # a team that scores with --profile audits the scores it uses (QA s29 #12): a word
    # preference for 反洗钱 lifts exactly the résumés that hold it
    from rolematch.profile import load_profile

    doc = {**load_profile("static-zh").to_dict(), "term_bonus": {"反洗钱": 2.0}}
    profile = tmp_path / "team.json"
    profile.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    common = [str(batch["cvs"]), "--roles", str(batch["roles"]), "--model", "static-zh"]
    out = tmp_path / "scores.csv"
    args = ["audit", *common, "--top-k", "6", "--date", AUDIT_DATE, "--no-counterfactual", "-q"]
    assert main([*args, "--profile", str(profile), "--scores-csv", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = {(r["file"], r["role_id"]): r for r in csv.DictReader(f)}
    plain = {(r["file"], r["role_id"]): r for r in batch["rows"]}
    assert rows.keys() == plain.keys()
    texts = {p: Path(p).read_text(encoding="utf-8") for p, _ in rows}
    raised = {
        k for k, r in rows.items() if r["score"] and float(r["score"]) > float(plain[k]["score"])
    }
    assert raised and all("反洗钱" in texts[f] for f, _ in raised)
    assert main([*args, "--profile", str(tmp_path / "nope")]) == 2


# A blind user test's header forms: the audit counted these people as unknown and its
# swap left 男性 in the scored text (max delta 0 because nothing was swapped or cut).
HEADER_FORMS = [
    ("刘洋 男 1997.03 13800001111 籍贯山东", "男", "<30"),
    ("男性，41岁，已婚", "男", "40-49"),
    ("刘洋，男性，汉族", "男", "unknown"),
    ("Name: Yang Liu | Male | Age 29", "男", "<30"),
    ("Female, 29 years old", "女", "<30"),
    ("Mr. Liu Yang, 29", "男", "<30"),
    ("Ms. Wang, born in 1995", "女", "30-39"),
    ("基本信息：男｜1990年｜已婚已育｜身高175cm", "男", "30-39"),
]
FORMS_BODY = "工作经历\n2015.03-2018.06 某服装公司 女装事业部 销售主管\n负责女装和妇幼用品渠道。"
OTHER_AGE = {"<30": "40-49", "40-49": "30-39", "30-39": "40-49", "unknown": "unknown"}


@pytest.mark.parametrize(("header", "gender", "age"), HEADER_FORMS)
def test_header_forms_are_counted_and_swapped(header, gender, age):
    from rolematch.sections import resume_from_text
    from rolematch.text import normalize_text

    text = normalize_text(f"{header}\n{FORMS_BODY}")
    original = resume_from_text(text, redact=False)
    groups = attribute_groups(original.personal, ["gender", "age"], ON)
    assert groups == {"gender": gender, "age": age}

    swapped = swap_personal(text, original.personal, ON)
    assert swapped.splitlines()[1:] == text.splitlines()[1:]  # the work is the same
    other = resume_from_text(swapped, redact=False).personal
    assert attribute_groups(other, ["gender", "age"], ON) == {
        "gender": {"男": "女", "女": "男"}[gender],
        "age": OTHER_AGE[age],
    }
    # and blind screening sees neither: the scored texts are the same
    assert resume_from_text(swapped).text == resume_from_text(text).text


def test_the_ethnicity_of_a_header_line_is_counted_and_swapped():
    from rolematch.sections import resume_from_text

    text = f"刘洋,男性,汉族\n{FORMS_BODY}"
    personal = resume_from_text(text).personal
    assert attribute_groups(personal, ["ethnicity"], ON) == {"ethnicity": "汉族"}
    assert swap_personal(text, personal, ON).splitlines()[0] == "李思,女性,回族"


def test_marriage_and_childbearing_are_swapped_wherever_they_are_said():
    # a CV that said 计划明年生育 scored 0.0077 lower, and the check swapped no 婚育
    text = f"{FORMS_BODY}\n自我评价\n性格开朗，计划明年生育\n已婚已育"
    swapped = swap_personal(text, {}, ON).splitlines()
    assert swapped[-2:] == ["性格开朗，暂无生育计划", "未婚未育"]
    assert swapped[:-2] == text.splitlines()[:-2]


def test_a_personal_line_under_another_heading_is_swapped():
    text = f"{FORMS_BODY}\n\n\n\n\n\n男性,41岁,已婚\n自我评价\n基本信息\n女|1995年"
    swapped = swap_personal(text, {}, ON).splitlines()
    assert swapped[-4] == "女性,30岁,未婚" and swapped[-1] == "男|1984年"
    assert swapped[:3] == text.splitlines()[:3]


def test_an_audit_that_could_compare_nothing_says_so_not_no_flags(tmp_path, capsys):
    """Four résumés: no group reaches 5, so no ratio is measured; the page had read "No
    impact ratio below 0.8 …", which a manager files as "no bias found"."""
    cvs, roles = tmp_path / "cvs", tmp_path / "roles"
    cvs.mkdir()
    roles.mkdir()
    for i, (stem, header, kind, take, _, _) in enumerate(PEOPLE[:4]):
        (cvs / f"{stem}.txt").write_text(_resume_text(i, header, kind, take), encoding="utf-8")
    (roles / "cs.yaml").write_text(CS_ROLE, encoding="utf-8")
    page, book = tmp_path / "a.html", tmp_path / "a.xlsx"
    argv = ["audit", str(cvs), "--roles", str(roles), "--model", "static-zh", "--top-k", "2"]
    assert main([*argv, "--date", AUDIT_DATE, "-o", str(page), "-o", str(book)]) == 0
    said = "No impact ratio could be measured"
    assert said in page.read_text(encoding="utf-8")
    assert "No impact ratio below" not in page.read_text(encoding="utf-8")
    assert "no impact ratio could be measured" in capsys.readouterr().err
    assert "not compared as groups: school, hometown" in page.read_text(encoding="utf-8")
    import openpyxl

    cells = [c.value for row in openpyxl.load_workbook(book).active.iter_rows() for c in row]
    assert any(isinstance(v, str) and v.startswith(said) for v in cells)
