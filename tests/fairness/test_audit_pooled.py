"""The cross-role summary (``pooled``) and the graded wording of a gap by its p-value.

A consistent skew spread over roles is "too few to tell" in each role alone; pooled over
the roles, with a p-value that counts people, it is flagged. The batches are real:
résumé files, the real CLI and the real static-zh model. Twenty résumés, ten women and
ten men, and three roles; four résumés hold work that fits each role (the same work, so
they tie), a different four for each role, the others work that fits none. In the
skewed batch each role's four are three men and one woman: each role selects 1 of 10
women and 3 of 10 men (Fisher p = 0.58, not flagged), in all three roles; over the
batch, 3 women and 9 men were selected, each once. In the balanced batch each role's
four are two and two. The same one woman and four men selected in every role would be
five people, not thirty role slots: not flagged.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import itertools
import json
import math
import zipfile
from pathlib import Path
from typing import Any

import pytest
from scipy.stats import fisher_exact

from rolematch.cli import main
from rolematch.fairness import ALPHA, FOUR_FIFTHS, attribute_groups, pooled_summary, swap_personal
from rolematch.fairness.pooled import cmh_statistic, exact_pooled_p, mh_ratios
from rolematch.fairness.wording import (
    POOLED_FLAG_TEXT,
    POOLED_ROLE_ID,
    below_note,
    chance_text,
)

ON = datetime.date(2026, 12, 5)
ROLES = {
    "aml": "id: aml\ntitle: 反洗钱专员\nduties:\n- 负责可疑交易监测与甄别，报送大额和可疑交易报告。\n"
    "- 负责客户身份识别和洗钱风险等级评定。\nrequirements:\n- 熟悉反洗钱法规。\n",
    "cs": "id: cs\ntitle: 客服主管\nduties:\n- 负责电话客服团队的排班、质检和培训。\n"
    "- 负责客户投诉工单的受理和闭环。\nrequirements:\n- 五年以上客户服务管理经验。\n",
    "wh": "id: wh\ntitle: 仓储主管\nduties:\n- 负责仓库收货、上架、拣货和发货作业管理。\n"
    "- 组织库存盘点，推行5S现场管理。\nrequirements:\n- 熟悉WMS系统。\n",
}
STRONG = {
    "aml": "负责可疑交易监测与甄别，报送大额和可疑交易报告，开展客户身份识别和洗钱风险等级评定。",
    "cs": "负责电话客服团队的排班、质检和培训，受理客户投诉工单并闭环。",
    "wh": "负责仓库收货、上架、拣货和发货作业管理，组织库存盘点，推行5S现场管理，使用WMS系统。",
}
WEAK = ("负责门店收银和顾客接待。", "参与公司年会活动策划与执行。", "负责部门日常行政事务。",
        "负责商品陈列和价签更换。", "协助组织员工团建活动。")  # fmt: skip
WOMEN = ["李娜", "王芳", "陈静", "赵敏", "周婷", "孙丽", "杨柳", "刘红", "许静", "金晶"]
MEN = ["张伟", "王强", "李军", "赵磊", "陈浩", "杨帆", "黄磊", "吴刚", "郑凯", "刘洋"]


# each role's best four: one woman and three men, other people for each role
SKEWED = {"aml": {"金晶", "张伟", "王强", "李军"}, "cs": {"李娜", "赵磊", "陈浩", "杨帆"},
          "wh": {"王芳", "黄磊", "吴刚", "郑凯"}}  # fmt: skip
BALANCED = {"aml": {"金晶", "李娜", "张伟", "王强"}, "cs": {"王芳", "陈静", "李军", "赵磊"},
            "wh": {"赵敏", "周婷", "陈浩", "杨帆"}}  # fmt: skip
# the same one woman and four men best for every role
SAME_FIVE = dict.fromkeys(ROLES, {"金晶", "张伟", "王强", "李军", "赵磊"})


def _header(name: str, gender: str) -> str:
    # one woman states her gender only as a form of address in brackets after her name
    return f"{name}（女士）" if name == "金晶" else f"姓名：{name} | 性别：{gender}"


def _run(root: Path, strong: dict[str, set[str]], top_k: int) -> dict[str, Any]:
    cvs, roles, out = root / "cvs", root / "roles", root / "out"
    for d in (cvs, roles, out):
        d.mkdir(parents=True)
    for role_id, text in ROLES.items():
        (roles / f"{role_id}.yaml").write_text(text, encoding="utf-8")
    people = [(n, "女") for n in WOMEN] + [(n, "男") for n in MEN]
    for k, (name, gender) in enumerate(people):
        fits = [STRONG[r] for r, names in strong.items() if name in names]
        work = "\n".join(fits) if fits else WEAK[k % 5]
        body = f"工作经历\n2016.03-至今 某集团 {'综合主管' if fits else '职员'}\n{work}\n"
        (cvs / f"{k:02d}.txt").write_text(f"{_header(name, gender)}\n{body}", encoding="utf-8")
    argv = ["audit", str(cvs), "--roles", str(roles), "--model", "static-zh", "--top-k",
            str(top_k), "--attributes", "gender", "--date", ON.isoformat(),
            "--no-counterfactual"]  # fmt: skip
    for suffix in (".json", ".csv", ".html", ".xlsx"):
        argv += ["-o", str(out / f"audit{suffix}")]
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(argv) == 0
    with open(out / "audit.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        "audit": json.loads((out / "audit.json").read_text(encoding="utf-8")),
        "csv": rows,
        "html": (out / "audit.html").read_text(encoding="utf-8"),
        "xlsx": out / "audit.xlsx",
        "log": err.getvalue(),
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    root = tmp_path_factory.mktemp("pooled")
    return {
        "skewed": _run(root / "skewed", SKEWED, top_k=4),
        "balanced": _run(root / "balanced", BALANCED, top_k=4),
        "same_five": _run(root / "same_five", SAME_FIVE, top_k=5),
    }


def _brute_force_p(strata: list[tuple[int, int, int, int]]) -> float:
    """Every table with the roles' margins, by enumeration: P(total of the group's
    selections no likelier than the observed total)."""
    supports = []
    for a, n1, c, n0 in strata:
        m = a + c
        supports.append(
            {
                k: math.comb(n1, k) * math.comb(n0, m - k) / math.comb(n1 + n0, m)
                for k in range(max(0, m - n0), min(n1, m) + 1)
            }  # fmt: skip
        )
    total: dict[int, float] = {}
    for ks in itertools.product(*supports):
        prob = math.prod(s[k] for s, k in zip(supports, ks, strict=True))
        total[sum(ks)] = total.get(sum(ks), 0.0) + prob
    observed = total[sum(s[0] for s in strata)]
    return sum(p for p in total.values() if p <= observed * (1 + 1e-7))


def test_cmh_statistic_and_mh_ratios_by_hand():
    # role 1: 2 of 10 against 6 of 10; role 2: 1 of 10 against 5 of 10.
    # expected a: 10*8/20 = 4 and 10*6/20 = 3, so the deviation is (2-4)+(1-3) = -4;
    # variances 10*10*8*12/(20²*19) = 9600/7600 and 10*10*6*14/(20²*19) = 8400/7600.
    strata = [(2, 10, 6, 10), (1, 10, 5, 10)]
    assert cmh_statistic(strata) == pytest.approx(16 / (18000 / 7600), rel=1e-12)
    # MH rate ratio (2*10/20 + 1*10/20) / (6*10/20 + 5*10/20) = 1.5/5.5; odds ratio
    # (2*4/20 + 1*5/20) / (8*6/20 + 9*5/20) = 0.65/4.65
    ratio, odds = mh_ratios(strata)
    assert ratio == pytest.approx(1.5 / 5.5) and odds == pytest.approx(0.65 / 4.65)
    assert cmh_statistic([(0, 10, 0, 10), (0, 5, 0, 5)]) is None  # nobody selected
    assert mh_ratios([(2, 10, 0, 10)]) == (None, None)  # the reference never selected


@pytest.mark.parametrize(
    "strata",
    [[(2, 10, 6, 10), (1, 10, 5, 10)], [(1, 10, 4, 10)] * 3,
     [(0, 7, 3, 9), (2, 6, 2, 5), (4, 8, 1, 12)], [(5, 5, 0, 5), (0, 6, 6, 6)]],
)  # fmt: skip
def test_the_exact_p_value_is_the_enumeration_and_fisher_for_one_role(strata):
    assert exact_pooled_p(strata) == pytest.approx(_brute_force_p(strata), rel=1e-9)
    for a, n1, c, n0 in strata:
        fisher = fisher_exact([[a, n1 - a], [c, n0 - c]]).pvalue
        assert exact_pooled_p([(a, n1, c, n0)]) == pytest.approx(fisher, rel=1e-9)


def _cell(selected: int, n: int) -> dict[str, Any]:
    return {"n": n, "selected": selected, "rate": selected / n, "impact_ratio": None}


def test_the_users_skewed_and_balanced_batches_pooled():
    # a blind user's batches (60 résumés, 9 roles, top 10): selections of 女 and 男 per role
    skewed = [(2, 8), (3, 7), (1, 9), (3, 7), (2, 8), (2, 8), (3, 7), (4, 6), (4, 6)]
    balanced = [(5, 5), (4, 6), (6, 4), (3, 7), (5, 5), (4, 6), (5, 5), (6, 4), (3, 7)]
    got = {}
    for name, counts in {"skewed": skewed, "balanced": balanced}.items():
        roles = {f"r{k}": {"gender": {"女": _cell(w, 30), "男": _cell(m, 30),
                                      "unknown": {"n": 0, "selected": None, "rate": None}}}
                 for k, (w, m) in enumerate(counts)}  # fmt: skip
        (got[name],) = pooled_summary(roles)
    s, b = got["skewed"], got["balanced"]
    assert (s["group"], s["reference_group"], s["roles_lower"], s["roles_compared"]) == (
        "女", "男", 9, 9)  # fmt: skip
    assert (s["selected"], s["n"], s["reference_selected"], s["reference_n"]) == (24, 270, 66, 270)
    assert s["impact_ratio"] == pytest.approx(24 / 66)  # equal groups: the ratio of totals
    assert s["p_value"] < 0.001 and s["flag"] is True and s["test"] == "exact"
    assert b["roles_lower"] == 4 and b["impact_ratio"] >= FOUR_FIFTHS and b["flag"] is False
    assert b["p_value"] > 0.1


def test_one_role_or_one_group_is_not_pooled():
    one = {"r": {"gender": {"女": _cell(1, 30), "男": _cell(9, 30)}}}
    assert pooled_summary(one) == []
    alone = {r: {"gender": {"女": _cell(1, 30), "男": {"n": 3, "selected": None, "rate": None}}}
             for r in ("a", "b")}  # fmt: skip
    assert pooled_summary(alone) == []


def test_a_consistent_skew_is_flagged_across_roles_and_in_no_role(runs):
    audit = runs["skewed"]["audit"]
    for role_id in ROLES:
        table = audit["roles"][role_id]["gender"]
        assert (table["女"]["selected"], table["女"]["n"]) == (1, 10)  # 金晶（女士） counted
        assert (table["男"]["selected"], table["男"]["n"]) == (3, 10)
    assert audit["flags"] == []
    fisher = fisher_exact([[1, 9], [3, 7]]).pvalue
    assert [f["p_value"] for f in audit["inconclusive"]] == [pytest.approx(fisher)] * 3
    (entry,) = audit["pooled"]
    # over people: 10 women holding 3 selections against 10 men holding 9 (each once);
    # the chance that 10 of the 20 drawn at random hold 3 or fewer (or 9 or more)
    people = _people_p([1, 1, 1] + [0] * 7, [1] * 9 + [0])
    assert entry == {
        "attribute": "gender", "group": "女", "reference_group": "男", "roles_compared": 3,
        "roles_lower": 3, "selected": 3, "n": 30, "reference_selected": 9, "reference_n": 30,
        "rate": 0.1, "reference_rate": 0.3, "impact_ratio": pytest.approx(1 / 3),
        "odds_ratio": pytest.approx((3 * 1 * 7 / 20) / (3 * 9 * 3 / 20)),
        "cmh_statistic": pytest.approx(9 / (3 * 6400 / 7600)),
        "p_value": pytest.approx(people), "test": "people", "flag": True,
    }  # fmt: skip
    assert entry["p_value"] < ALPHA


def test_the_same_few_people_in_every_role_are_not_many_samples(runs):
    # one woman and four men selected in all three roles: 3 of 30 slots against 12 of 30
    # reads as p = 0.017 over role slots; over people it is 1 of 10 against 4 of 10
    audit = runs["same_five"]["audit"]
    (entry,) = audit["pooled"]
    assert (entry["selected"], entry["reference_selected"]) == (3, 12)
    assert exact_pooled_p([(1, 10, 4, 10)] * 3) < ALPHA
    assert entry["p_value"] == pytest.approx(_people_p([3] + [0] * 9, [3] * 4 + [0] * 6))
    assert entry["p_value"] > 0.1 and entry["flag"] is False


def _people_p(group: list[int], reference: list[int]) -> float:
    """Every split of the people into two groups of the sizes given, by enumeration."""
    values, n = group + reference, len(group)
    mean = n * sum(values) / len(values)
    far = abs(sum(group) - mean)
    splits = [sum(values[i] for i in c) for c in itertools.combinations(range(len(values)), n)]
    return sum(abs(t - mean) >= far - 1e-9 for t in splits) / len(splits)


def test_a_balanced_batch_is_not_flagged_across_roles(runs):
    audit = runs["balanced"]["audit"]
    (entry,) = audit["pooled"]
    assert (entry["roles_lower"], entry["roles_compared"]) == (0, 3)
    assert entry["impact_ratio"] == 1.0 and entry["flag"] is False and audit["flags"] == []
    assert entry["p_value"] == 1.0 and entry["test"] == "people"
    assert "across roles: 0 of 1 pooled comparison(s) flagged" in runs["balanced"]["log"]


def test_every_output_shows_the_pooled_flag_and_names_no_one(runs):
    run = runs["skewed"]
    summary = [s for s in run["log"].splitlines() if " résumés, " in s]
    assert (
        len(summary) == 1
        and (
            "across roles: 1 of 1 pooled comparison(s) flagged (gender 女 selected less in 3 of 3 "
            "roles, pooled impact ratio 0.333, p = 0.0"
        )
        in summary[0]
    )
    assert "3 ratio(s) < 0.8 not flagged (0 suggestive, p < 0.10; 3 too few to tell)" in summary[0]
    (row,) = [r for r in run["csv"] if r["role_id"] == POOLED_ROLE_ID]
    assert (row["group"], row["flag"], row["n"], row["selected"]) == ("女", POOLED_FLAG_TEXT,
                                                                      "30", "3")  # fmt: skip
    assert float(row["impact_ratio"]) == pytest.approx(1 / 3)
    assert "selected less than 男 in 3 of 3 roles" in row["note"]
    assert "counts each person once" in row["note"]
    page = run["html"]
    assert "Across roles" in page and '<li class="bad">gender 女 was selected less' in page
    assert "not nine independent confirmations" in page
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(run["xlsx"])["审计 Audit"]
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("gender 女 was selected less than 男 in 3 of 3 roles") for v in cells)
    with zipfile.ZipFile(run["xlsx"]) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    for text in (json.dumps(run["audit"], ensure_ascii=False), page, xml, str(run["csv"])):
        assert not any(name in text for name in WOMEN + MEN)


@pytest.mark.parametrize(
    ("p", "words", "not_words"),
    [(0.012, "unlikely by chance", "not flagged"),
     (0.08, "suggestive but not conclusive at this size", "often arises by chance"),
     (0.3, "a gap this size often arises by chance", "suggestive")],
)  # fmt: skip
def test_the_wording_follows_the_p_value(p, words, not_words):
    assert words in below_note(p) and not_words not in below_note(p)
    assert chance_text(p) in below_note(p)


def test_the_reports_grade_a_suggestive_gap(tmp_path):
    from rolematch.fairness import AuditResult, write_audit

    roles = {"r": {"gender": {"女": {**_cell(2, 20), "impact_ratio": 0.25, "scoring_rate": 0.1,
                                     "mean_score": 0.3},
                              "男": {**_cell(8, 20), "impact_ratio": 1.0, "scoring_rate": 0.5,
                                     "mean_score": 0.5}}}}  # fmt: skip
    below = {"role_id": "r", "attribute": "gender", "group": "女", "reference_group": "男",
             "rate": 0.1, "reference_rate": 0.4, "impact_ratio": 0.25, "p_value": 0.0648}  # fmt: skip
    result = AuditResult(rule={"top_k": 10}, n_resumes=40, roles=roles, flags=[],
                         counterfactual_max_delta=None, warnings=[], attributes=("gender",),
                         inconclusive=[below])  # fmt: skip
    write_audit(result, tmp_path / "a.csv")
    write_audit(result, tmp_path / "a.html")
    note = (tmp_path / "a.csv").read_text("utf-8-sig")
    assert "suggestive but not conclusive at this size" in note and "often arises" not in note
    page = (tmp_path / "a.html").read_text("utf-8")
    assert "Suggestive, not conclusive" in page and "Too few to tell" not in page


HEADERS = [
    ("金晶（女士）\n硕士（中国人民大学 统计学）", "女"),
    ("金晶(女士)\n硕士", "女"),
    ("金晶 （女士） | 电话：139****8876", "女"),
    ("黄丽萍　女士\n联系方式：139xxxx8876", "女"),
    ("刘洋（先生）\n本科", "男"),
    # a 女士 or 先生 in prose is someone else
    ("刘洋\n服务过300位女士客户，客户满意度98%", "unknown"),
    ("刘洋\n陪同王先生拜访重点客户", "unknown"),
    ("陪同王先生拜访重点客户\n刘洋", "unknown"),
]


@pytest.mark.parametrize(("header", "gender"), HEADERS)
def test_a_form_of_address_after_the_name_is_the_gender(tmp_path, header, gender):
    from rolematch.io.extract import read_resume

    path = tmp_path / "cv.txt"
    path.write_text(f"{header}\n工作经历\n2016.07-至今 某银行 客户经理\n", encoding="utf-8")
    r = read_resume(path, redact=False)
    assert attribute_groups(r.personal, ["gender"], ON) == {"gender": gender}


def test_the_swap_moves_a_bracketed_address():
    text = "金晶（女士）\n工作经历\n陪同王先生拜访客户"
    assert swap_personal(text, {"name": "金晶"}, ON).splitlines() == [
        "李思（先生）", "工作经历", "陪同王先生拜访客户"]  # fmt: skip
