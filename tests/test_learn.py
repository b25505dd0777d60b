"""rolematch.learn: decisions in, a validated profile out; the real static-zh model."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from rolematch import load_roles
from rolematch._learn_fit import (
    MAX_ROLE_AUC_LOSS,
    MIN_PRIOR_EVENTS,
    MIN_PRIOR_WEIGHT,
    PRIOR_STRENGTHS,
    design,
    predict,
)
from rolematch._learn_keywords import FACTOR_RANGE, MAX_TERMS, select_terms
from rolematch._learn_metrics import metrics as _metrics
from rolematch._learn_metrics import role_losses as _role_losses
from rolematch._learn_terms import WordEvidence, select_words
from rolematch.cli import main
from rolematch.learn import (
    KeywordEvidence,
    learn,
    learn_from_table,
    read_decisions,
    report_table,
    suggest,
)
from rolematch.matcher import Matcher
from rolematch.profile import load_profile
from tests.conftest import ROLE_IDS

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "benchmarks" / "data" / "heldout" / "resumes.json"
WORDS = {2: "shortlist", 1: "maybe", 0: "reject"}


def _write_set(folder: Path, rename: bool = False) -> list[dict[str, Any]]:
    """The held-out résumés as .txt files; ``rename`` swaps names, phones and e-mails."""
    folder.mkdir(parents=True, exist_ok=True)
    items = json.loads(HELDOUT.read_text("utf-8"))
    for n, it in enumerate(items):
        text = it["text"]
        if rename:
            text = re.sub(r"姓名[:：]\s*\S+", "姓名：欧阳明", text)
            text = re.sub(r"1[3-9]\d[\d*]{4}\d{4}", f"13{n % 10}00001234", text)
            text = re.sub(r"[\w.]+@[\w.]+", f"someone{n}@example.org", text)
        (folder / f"{it['id']}.txt").write_text(text, encoding="utf-8")
    return list(items)


def _decisions(folder: Path, items: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [
        {"file": str(folder / f"{it['id']}.txt"), "role_id": ROLE_IDS[int(k) - 1], "grade": g}
        for it in items
        for k, g in it["labels"].items()
    ]
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def encoder() -> Any:
    return Matcher(model="static-zh").fit(load_roles()[:1]).encoder_


@pytest.fixture(scope="module")
def heldout(tmp_path_factory: pytest.TempPathFactory, encoder: Any) -> dict[str, Any]:
    """The held-out set written to files, its labels, and its default components."""
    from rolematch.io.extract import read_resume

    folder = tmp_path_factory.mktemp("heldout")
    items = _write_set(folder)
    labels = _decisions(folder, items)
    m = Matcher(model="static-zh", encoder=encoder).fit(load_roles())
    files = sorted(set(labels["file"]))
    resumes = [read_resume(f) for f in files]
    table = m.score_table(resumes)
    table["file"] = [files[[str(r.source) for r in resumes].index(s)] for s in table["file"]]
    comp = labels.merge(table, on=["file", "role_id"])
    keywords = KeywordEvidence.of(
        m,
        resumes,
        np.array([files.index(f) for f in comp["file"]]),
        np.array([m.role_ids_.index(r) for r in comp["role_id"]]),
    )
    return {
        "folder": folder,
        "items": items,
        "labels": labels,
        "table": comp,
        "keywords": keywords,
    }


def _csv(path: Path, frame: pd.DataFrame) -> Path:
    out = frame.assign(decision=[WORDS[int(g)] for g in frame["grade"]])
    out[["file", "role_id", "decision"]].to_csv(path, index=False)
    return path


# ------------------------------------------------------------------ decisions
def test_read_decisions_maps_words_and_grades_and_resolves_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("负责手机银行APP运营", encoding="utf-8")
    csv = tmp_path / "d.csv"
    csv.write_text(
        "file,role_id,decision\na.txt,mobile-banking,Interview\n"
        "a.txt,portal-content,maybe\na.txt,customer-service,0\n",
        encoding="utf-8",
    )
    d = read_decisions(csv)
    assert d["grade"].tolist() == [2, 1, 0]
    assert d["line"].tolist() == [2, 3, 4]
    assert Path(d["file"][0]) == tmp_path / "a.txt"  # next to the CSV


@pytest.mark.parametrize(
    ("body", "line", "field"),
    [
        ("file,部门,decision\na.txt,x,reject\n", 1, "role_id"),
        ("file,role_id,decision\na.txt,x,reject\na.txt,x,yes please\n", 3, "decision"),
        ("file,role_id,decision\n,x,reject\n", 2, "file"),
        ("file,role_id,decision\na.txt,,hire\n", 2, "role_id"),
    ],
)
def test_bad_rows_name_the_line_and_the_field(
    tmp_path: Path, body: str, line: int, field: str
) -> None:
    csv = tmp_path / "d.csv"
    csv.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"line {line}\b.*{field}|{field}.*line {line}\b"):
        read_decisions(csv)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gbk", b""), ("gb18030", b"")],
)
def test_a_decisions_csv_in_utf8_or_as_chinese_excel_saves_it_is_read(
    tmp_path: Path, encoding: str, bom: bytes
) -> None:
    # Excel on Chinese Windows saves plain "CSV" as GBK, "CSV UTF-8" with a BOM
    csv = tmp_path / "d.csv"
    body = "file,role_id,decision\ncv.txt,consumer-protection,入围\ncv.txt,消保主管,淘汰\n"
    csv.write_bytes(bom + body.encode(encoding))
    d = read_decisions(csv)
    assert d["decision"].tolist() == ["入围", "淘汰"]
    assert d["role_id"].tolist() == ["consumer-protection", "消保主管"]
    assert d["grade"].tolist() == [2, 0]


def test_a_decisions_csv_that_is_not_text_names_the_file(tmp_path: Path) -> None:
    csv = tmp_path / "d.csv"
    csv.write_bytes(b"file,role_id,decision\n\x00\x81\x30\xff\xfe\x01")
    with pytest.raises(ValueError, match=r"d\.csv: the decisions table is neither UTF-8 nor "
                       r"GB18030 text \(byte 0x81 at offset 23\)"):  # fmt: skip
        read_decisions(csv)


def test_a_role_that_is_not_loaded_names_the_line(tmp_path: Path) -> None:
    csv = tmp_path / "d.csv"
    csv.write_text("file,role_id,decision\na.txt,mobile-banking,hire\na.txt,chef,reject\n", "utf-8")
    with pytest.raises(ValueError, match=r"line 3: the field 'role_id'.*'chef'"):
        learn(csv, model="static-zh")


def test_decisions_need_fits_and_rejects(heldout: dict[str, Any]) -> None:
    t = heldout["table"].assign(grade=0)
    with pytest.raises(ValueError, match="both fits"):
        learn_from_table(t, "static-zh")


# ------------------------------------------------------------------ learning
def test_a_team_that_agrees_with_the_defaults_keeps_them(
    heldout: dict[str, Any], tmp_path: Path, encoder: Any
) -> None:
    t = heldout["table"]
    agree = t.assign(grade=np.where(t["score"] >= 0.5, 2, 0))
    csv = _csv(tmp_path / "agree.csv", agree)
    profile, report = learn(csv, model="static-zh", encoder=encoder)
    base = load_profile("static-zh")
    assert not report["adopted"]
    assert dict(profile.calibration) == dict(base.calibration)
    assert dict(profile.roles) == {}
    assert profile.provenance["learning"]["verdict"].startswith("no gain")
    assert report["decisions"] == len(agree)
    assert len(report["folds"]) == 5
    assert "keeps the default" in report_table(report)


def test_a_team_that_rewards_facets_raises_the_facet_coefficient(
    heldout: dict[str, Any], tmp_path: Path, encoder: Any
) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where((t["grade"] >= 1) & (t["facet_score"] >= 0.75), 2, 0))
    profile, report = learn(_csv(tmp_path / "f.csv", team), model="static-zh", encoder=encoder)
    base = load_profile("static-zh")
    assert report["adopted"], report["verdict"]
    assert profile.calibration["facet"] > base.calibration["facet"] + 0.1
    assert report["overall"]["learned"]["auc"] > report["overall"]["default"]["auc"]
    learned = report["coefficients"]["learned"]
    assert profile.provenance["learning"]["coefficients"]["learned"] == learned


def test_a_team_that_rewards_keywords_raises_the_keyword_coefficient(
    heldout: dict[str, Any],
) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where(t["keyword_score"] >= 0.15, 2, 0))
    _, report = learn_from_table(team, "static-zh")
    c = report["coefficients"]
    assert c["learned"]["keyword"] > c["default"]["keyword"]
    assert c["learned"]["keyword"] - c["default"]["keyword"] > (
        c["learned"]["semantic"] - c["default"]["semantic"]
    )


def test_twenty_decisions_cannot_swing_the_coefficients(heldout: dict[str, Any]) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where(t["facet_score"] >= 0.75, 2, 0))
    few = team.sample(20, random_state=1)
    if few["grade"].nunique() < 2:
        few = pd.concat([team[team.grade == 2].head(10), team[team.grade == 0].head(10)])
    _, small = learn_from_table(few, "static-zh")
    _, large = learn_from_table(team, "static-zh")

    def move(r: dict[str, Any]) -> float:
        c = r["coefficients"]
        return float(c["learned"]["facet"] - c["default"]["facet"])

    # A team that decides on facets alone (the strongest signal there is): 20 of its
    # decisions move the facet coefficient a little, all 360 of them a lot more.
    assert 0 <= move(small) < 1.0
    assert move(large) > 3 * move(small)


def test_the_prior_strength_follows_how_much_the_decisions_say(heldout: dict[str, Any]) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where(t["facet_score"] >= 0.75, 2, 0))
    few = pd.concat([team[team.grade == 2].head(10), team[team.grade == 0].head(10)])
    _, small = learn_from_table(few, "static-zh")
    _, large = learn_from_table(team, "static-zh")
    # 20 decisions may only choose among the strong priors; 360 consistent ones,
    # cross-validated, choose a weaker one and move the facet coefficient further
    assert small["prior_strength"] * 20 >= MIN_PRIOR_WEIGHT
    assert large["prior_strength"] < small["prior_strength"]
    assert set(map(float, large["prior_strength_log_loss"])) == set(PRIOR_STRENGTHS)
    assert min(large["prior_strength_log_loss"].values()) < large["prior_strength_log_loss"]["10.0"]


def test_few_fits_among_many_decisions_adopt_nothing(heldout: dict[str, Any]) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where(t["facet_score"] >= 0.75, 2, 0))
    fits, rejects = team[team.grade == 2], team[team.grade == 0]
    # the same consistent team, once with 8 fits among 120 decisions and once with 40
    rare = pd.concat([fits.head(8), rejects.head(112)])
    enough = pd.concat([fits.head(40), rejects.head(80)])
    p_rare, r_rare = learn_from_table(rare, "static-zh")
    _, r_enough = learn_from_table(enough, "static-zh")
    assert r_rare["prior_strength"] * 8 >= MIN_PRIOR_EVENTS
    assert not r_rare["adopted"] and "too few decisions of one kind (8 fits" in r_rare["verdict"]
    assert "learned" not in p_rare.name and "defaults kept" in p_rare.name
    assert "(fitted, not kept" in report_table(r_rare)
    assert "not kept" not in report_table(r_enough).split("coefficient")[1].splitlines()[0]
    assert r_enough["adopted"]


def test_a_role_the_learned_model_hurts_keeps_its_defaults() -> None:
    # Role "a" (400 decisions) is decided on facets alone; role "b" (28 decisions: too
    # few for its own coefficients) on keywords alone, facets at random. The shared
    # coefficients learn a large facet weight that scrambles "b": cross-validation sees
    # its AUC fall, so "b" keeps its default coefficients and "a" gets the learned ones.
    rng = np.random.default_rng(0)

    def rows(role: str, n: int) -> pd.DataFrame:
        k, s, f = rng.uniform(0, 0.4, n), rng.uniform(0, 0.3, n), rng.uniform(0, 1, n)
        grade = np.where(f >= 0.6, 2, 0) if role == "a" else np.where(k >= 0.2, 2, 0)
        return pd.DataFrame(
            {
                "file": [f"{role}{i}.txt" for i in range(n)],
                "role_id": role,
                "grade": grade,
                "keyword_score": k,
                "semantic_score": s,
                "facet_score": f,
            }
        )

    table = pd.concat([rows("a", 400), rows("b", 28)], ignore_index=True)
    base = load_profile("static-zh")
    profile, report = learn_from_table(table, base)
    assert report["adopted"], report["verdict"]
    ra = report["role_auc"]
    assert ra["b"]["learned"] < ra["b"]["default"] - MAX_ROLE_AUC_LOSS
    assert report["roles_dropped"] == ["b"]
    # the verdict names the role the mean gain would otherwise hide
    assert "b keeps the default coefficients" in report["verdict"], report["verdict"]
    assert profile.coef("b") == pytest.approx(base.coef("b"), abs=1e-4)
    assert profile.coef("a")[4] > base.coef("a")[4] + 1.0  # the facet coefficient


def test_per_role_coefficients_only_with_enough_decisions(heldout: dict[str, Any]) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where((t["grade"] >= 1) & (t["facet_score"] >= 0.75), 2, 0))
    _, report = learn_from_table(team, "static-zh")
    for rid, s in report["support"].items():
        if rid in report["roles"]:
            assert s["decisions"] >= 30 and s["fits"] and s["rejects"]
    thin = team[team["file"].isin(sorted(set(team["file"]))[:20])]
    _, report = learn_from_table(thin, "static-zh")  # 20 decisions a role
    # no role learns coefficients of its own; one the shared ones would hurt is pinned
    # to its defaults
    for rid, c in report["roles"].items():
        assert rid in report["roles_dropped"] and c["learned"] == c["default"], rid


def test_profile_round_trips_and_scores(
    heldout: dict[str, Any], tmp_path: Path, encoder: Any
) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where((t["grade"] >= 1) & (t["facet_score"] >= 0.75), 2, 0))
    profile, _ = learn_from_table(team, "static-zh", name="小组画像")
    path = tmp_path / "team.json"
    profile.save(path)
    again = load_profile(path)
    assert again.to_dict() == profile.to_dict()
    assert json.loads(path.read_text("utf-8"))["provenance"]["learning"]["adopted"] is True
    m = Matcher(model="static-zh", profile=path, encoder=encoder).fit(load_roles())
    assert m.profile_.name == "小组画像"
    d = Matcher(model="static-zh", encoder=encoder).fit(load_roles())
    cv = (heldout["folder"] / "H01.txt").read_text("utf-8")
    learned, default = m.score_table([cv]), d.score_table([cv])
    assert learned["score"].notna().all()
    assert not np.allclose(learned["score"], default["score"])


def test_personal_data_does_not_change_the_profile(
    heldout: dict[str, Any], tmp_path: Path, encoder: Any
) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where((t["grade"] >= 1) & (t["facet_score"] >= 0.75), 2, 0))
    first, r1 = learn(_csv(tmp_path / "a.csv", team), model="static-zh", encoder=encoder)
    other = tmp_path / "renamed"
    _write_set(other, rename=True)
    assert (other / "H01.txt").read_text("utf-8") != (heldout["folder"] / "H01.txt").read_text(
        "utf-8"
    )
    moved = team.assign(file=[str(other / Path(f).name) for f in team["file"]])
    second, r2 = learn(_csv(tmp_path / "b.csv", moved), model="static-zh", encoder=encoder)
    assert dict(first.calibration) == dict(second.calibration)
    assert {k: dict(v) for k, v in first.roles.items()} == {
        k: dict(v) for k, v in second.roles.items()
    }
    assert r1["folds"] == r2["folds"]
    assert dict(first.term_bonus) == dict(second.term_bonus)


# ------------------------------------------------------------------ word preferences
PAYMENTS = ("支付", "结算", "清算")


def test_a_team_that_prizes_a_payments_background_learns_its_words(
    heldout: dict[str, Any], tmp_path: Path, encoder: Any
) -> None:
    # The team shortlists a fit only with a payments background, for every role: no
    # role's own terms say so, the calibration cannot weigh it; the words can.
    t = heldout["table"]
    text = {f: Path(f).read_text("utf-8") for f in set(t["file"])}
    has = np.array([any(w in text[f] for w in PAYMENTS) for f in t["file"]])
    team = t.assign(grade=np.where((t["grade"] >= 1) & has, 2, 0))
    profile, report = learn(_csv(tmp_path / "d.csv", team), model="static-zh", encoder=encoder)
    prefs = report["word_preferences"]
    assert prefs["learned"], prefs
    assert prefs["gain"] >= 0.005
    assert any(profile.term_bonus.get(w, 0) > 0.5 for w in PAYMENTS), profile.term_bonus
    assert "word preferences" in report_table(report)
    again = tmp_path / "p.json"
    profile.save(again)
    assert dict(load_profile(again).term_bonus) == dict(profile.term_bonus)
    # scoring: the résumé's words shift every role's log-odds, and the explanation says so
    m = Matcher(model="static-zh", profile=profile, encoder=encoder).fit(load_roles())
    without = profile.replace(term_bonus={})
    d = Matcher(model="static-zh", profile=without, encoder=encoder).fit(load_roles())
    cv = "2018-至今 某银行 客服中心主管，管理坐席团队，负责投诉处理、质检；负责支付结算业务咨询。"
    learned, plain = m.score_table([cv]), d.score_table([cv])
    assert (learned["score"].to_numpy() > plain["score"].to_numpy()).all()
    assert "team preference" in str(m.explain(cv, "customer-service"))
    # the one-line reason of every report names it too, and the fast path agrees
    assert learned["reason"].str.contains("team preference: ").all()
    assert learned["reason"][4] == m.explain(cv, learned["role_id"][4]).reason


def test_a_team_that_agrees_with_the_defaults_learns_no_words(
    heldout: dict[str, Any], tmp_path: Path, encoder: Any
) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where(t["score"] >= 0.5, 2, 0))
    profile, report = learn(_csv(tmp_path / "d.csv", team), model="static-zh", encoder=encoder)
    assert not report["word_preferences"]["learned"]
    assert dict(profile.term_bonus) == {}


def _evidence(words: list[frozenset[str]]) -> WordEvidence:
    return WordEvidence(words, np.repeat(np.arange(len(words)), 3))


def test_protected_words_and_one_persons_words_are_never_preferences() -> None:
    # 女 and 已婚 separate the decisions perfectly (a biased team): never candidates;
    # 张三丰 does too but only four résumés hold it (one person's words: a name, a school)
    words = [frozenset({"女", "已婚", "支付"})] * 6 + [frozenset({"营销"})] * 6
    words += [frozenset({"张三丰", "营销"})] * 4 + [frozenset({"营销"})] * 4
    y = np.repeat([1.0] * 6 + [0.0] * 6 + [1.0] * 4 + [0.0] * 4, 3)
    chosen = select_words(_evidence(words), y, np.zeros(len(y)))
    assert "支付" in chosen
    assert not {"女", "已婚", "张三丰"} & set(chosen)


def test_words_that_separate_nothing_are_not_learned_however_many_are_tried() -> None:
    # 200 words met at random in 100 résumés decided at random: the largest |z| of 200
    # tests passes 2.5 in most draws (p ≈ 0.9), so a fixed bar learns noise; the bar
    # grows with the number tried. A word the decisions follow is still found.
    vocab = [f"业务{i:03d}" for i in range(200)]
    noisy = 0
    for seed in range(20):
        rng = np.random.default_rng(seed)
        held = rng.random((100, len(vocab))) < 0.3
        words = [frozenset(w for w, h in zip(vocab, row, strict=True) if h) for row in held]
        y = rng.integers(0, 2, 100).astype(float)  # one decision a résumé
        noisy += bool(select_words(WordEvidence(words, np.arange(100)), y, np.zeros(100)))
        if seed == 0:
            signal = [w | {"清算"} if y[i] else w for i, w in enumerate(words)]
            found = select_words(WordEvidence(signal, np.arange(100)), y, np.zeros(100))
            assert "清算" in found
    assert noisy <= 3


def test_a_word_only_in_decisions_the_model_is_sure_of_teaches_nothing() -> None:
    # 物理 is met only in clear rejects (p ≈ 0): it explains nothing the model missed
    words = [frozenset({"物理"})] * 10 + [frozenset({"支付"})] * 10 + [frozenset()] * 10
    y = np.repeat([0.0] * 10 + [1.0] * 5 + [0.0] * 5 + [1.0] * 2 + [0.0] * 8, 3)
    z = np.repeat([-12.0] * 10 + [-1.0] * 20, 3)
    chosen = select_words(_evidence(words), y, z)
    assert "物理" not in chosen


# ------------------------------------------------------------------ keyword emphasis
def test_keyword_evidence_reproduces_the_engine_keyword_score(heldout: dict[str, Any]) -> None:
    kw = heldout["keywords"]
    k = kw.coverage(np.ones(len(kw.terms)))
    np.testing.assert_allclose(k, heldout["table"]["keyword_score"], atol=1e-9)
    doubled = np.ones(len(kw.terms))
    doubled[kw.terms.index("银行")] = 2.0
    changed = kw.coverage(doubled) != k
    has = kw.present(kw.file_index, kw.role_index)[:, kw.terms.index("银行")]
    assert changed.any() and (changed <= (has | (k > 0))).all()


def test_keyword_evidence_caps_claims_as_the_engine_does(encoder: Any) -> None:
    from rolematch import resume_from_text

    cook = "王五 男 1980年\n2010-至今 某酒楼 厨师长，负责后厨管理、菜品研发和食材采购。"
    docs = [resume_from_text(cook + "\n技能：手机银行、反欺诈、鸿蒙、应用市场、版本迭代"), cook]
    p = load_profile("static-zh")
    weighed = {"claims_share": 0.5}
    p = replace(p, keyword={**p.keyword, **weighed}, semantic={**p.semantic, **weighed})
    m = Matcher(model="static-zh", encoder=encoder, profile=p).fit(load_roles())
    table = m.score_table(docs)
    n = len(m.role_ids_)
    kw = KeywordEvidence.of(m, docs, np.repeat([0, 1], n), np.tile(np.arange(n), 2))
    assert kw.lived is not None  # the pasted skills line is weighed against the work
    np.testing.assert_allclose(kw.coverage(np.ones(len(kw.terms))), table["keyword_score"])


def _bank_team(heldout: dict[str, Any]) -> pd.DataFrame:
    """A team that shortlists a fit only with a bank (银行) in the résumé."""
    t, kw = heldout["table"], heldout["keywords"]
    has = kw.present(kw.file_index, kw.role_index)[:, kw.terms.index("银行")]
    return t.assign(grade=np.where((t["grade"] >= 1) & has, 2, 0))


def test_the_terms_a_team_rewards_are_found_and_capped(heldout: dict[str, Any]) -> None:
    team, kw = _bank_team(heldout), heldout["keywords"]
    base = load_profile("static-zh")
    x = design(team, (base.keyword["half"], base.semantic["half"]))
    p = predict(x, np.array([base.coef(r) for r in team["role_id"]]))
    # the pairs a recruiter decides on: each résumé's three best roles (as in
    # benchmarks/learning.py); every pair of all nine roles puts 银行 near the z bar
    # (3.98 against 4 with static-zh refitted at f12a226), the decided ones well past it
    rank = team.groupby("file")["score"].rank(ascending=False, method="first")
    rows = np.flatnonzero(rank.to_numpy() <= 3)
    y = (team["grade"] >= 1).to_numpy(float)
    chosen = select_terms(kw, rows, y[rows], p[rows])
    named = {kw.terms[t]: c for t, c in chosen.items()}
    assert named["银行"]["factor"] > 1
    assert len(named) <= MAX_TERMS
    assert all(FACTOR_RANGE[0] <= c["factor"] <= FACTOR_RANGE[1] for c in named.values())


def test_keyword_emphasis_is_kept_only_with_a_held_out_gain(heldout: dict[str, Any]) -> None:
    for team in (_bank_team(heldout), heldout["table"]):
        profile, report = learn_from_table(team, "static-zh", keywords=heldout["keywords"])
        ke = report["keyword_emphasis"]
        assert {"gain_over_calibration", "gain_over_default"} <= set(ke)
        if ke["learned"]:
            assert ke["gain_over_calibration"] >= 0.005
            assert dict(profile.keyword_adjustments) == {
                t: c["factor"] for t, c in ke["terms"].items()
            }
            assert len(profile.keyword_adjustments) <= MAX_TERMS
        else:
            assert dict(profile.keyword_adjustments) == {}


# ------------------------------------------------------------------ suggest
def test_suggest_takes_the_boundary_and_skips_near_duplicates() -> None:
    t = pd.DataFrame(
        {
            "file": ["a", "b", "c", "d", "e"],
            "role_id": ["r"] * 5,
            "score": [0.95, 0.49, 0.52, 0.51, 0.02],
            "keyword_score": [0.5, 0.2, 0.3, 0.31, 0.0],
            "semantic_score": [0.3, 0.1, 0.1, 0.12, 0.0],
            "facet_score": [1.0, 0.0, np.nan, np.nan, 0.0],
        }
    )
    texts = {
        "a": "负责手机银行APP运营与版本迭代",
        "b": "某银行柜员，负责现金业务与客户接待",
        "c": "负责支付清算系统对账与差错处理，熟悉银联规则",
        "d": "负责支付清算系统对账与差错处理，熟悉银联规则。",
        "e": "厨师，擅长川菜",
    }
    picked = suggest(t, texts, n=3)
    assert picked["file"].tolist() == ["b", "d", "a"]  # c is d's near-duplicate
    assert picked["margin"].is_monotonic_increasing
    assert suggest(t, texts, n=3, role_id="other").empty


def test_suggest_keeps_different_people_whose_low_scores_are_alike() -> None:
    # at low scores many résumés sit within 0.01 on every component: with their texts
    # at hand, only the text says two are the same (two of the dev set's were dropped)
    t = pd.DataFrame(
        {
            "file": ["x", "y"],
            "role_id": ["r", "r"],
            "score": [0.021, 0.022],
            "keyword_score": [0.010, 0.012],
            "semantic_score": [0.000, 0.001],
            "facet_score": [np.nan, np.nan],
        }
    )
    texts = {"x": "某医院 护士长，负责病区护理管理", "y": "某中学 数学教师，班主任"}
    assert sorted(suggest(t, texts, n=2)["file"]) == ["x", "y"]
    assert suggest(t, None, n=2)["file"].tolist() == ["y"]  # no texts: components decide


# ------------------------------------------------------------------ command line
def test_cli_learn_then_score_with_the_profile(
    heldout: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    t = heldout["table"]
    team = t.assign(grade=np.where((t["grade"] >= 1) & (t["facet_score"] >= 0.75), 2, 0))
    csv = _csv(tmp_path / "d.csv", team)
    out = tmp_path / "p.json"
    assert main(["learn", str(csv), "--model", "static-zh", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "overall" in printed and "facet" in printed
    assert load_profile(out).provenance["learning"]["decisions"] == len(team)
    res = tmp_path / "s.csv"
    cv = str(heldout["folder"] / "H01.txt")
    args = ["score", cv, "--model", "static-zh", "--profile", str(out), "--workers", "1"]
    assert main([*args, "-q", "-o", str(res)]) == 0
    assert len(pd.read_csv(res)) == len(ROLE_IDS)


def test_cli_learn_on_a_posting_with_decisions_by_title_in_chinese(
    heldout: dict[str, Any], shared_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A team's own sheet: the posting's nine roles named by their titles, decisions in
    # Chinese; learning and scoring both read the roles from the posting file.
    posting = shared_dir / "posting" / "platform_ecosystem_finance_posts.txt"
    posted = load_roles(posting)
    title = dict(zip(ROLE_IDS, (r.title for r in posted), strict=True))
    t = heldout["table"]
    words = {2: "入围", 1: "待定", 0: "淘汰"}
    sheet = t.assign(role_id=t["role_id"].map(title), decision=t["grade"].map(words))
    csv = tmp_path / "决定.csv"
    sheet[["file", "role_id", "decision"]].to_csv(csv, index=False)
    out = tmp_path / "p.json"
    args = ["learn", str(csv), "--roles", str(posting), "--model", "static-zh", "-o", str(out)]
    assert main(args) == 0
    learned = load_profile(out).provenance["learning"]
    assert set(learned["support"]) == {r.id for r in posted}
    assert learned["decisions"] == len(sheet)
    capsys.readouterr()
    res = tmp_path / "s.csv"
    cv = str(heldout["folder"] / "H01.txt")
    args = ["score", cv, "--roles", str(posting), "--model", "static-zh", "--profile", str(out)]
    assert main([*args, "--workers", "1", "-q", "-o", str(res)]) == 0
    assert set(pd.read_csv(res)["role_id"]) == {r.id for r in posted}


def test_cli_suggest_prints_n_rows(
    heldout: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(heldout["folder"])
    assert (
        main(["suggest", "--role", "customer-service", folder, "--model", "static-zh", "-n", "4"])
        == 0
    )
    rows = [ln for ln in capsys.readouterr().out.splitlines()[1:] if ln.strip()]
    assert len(rows) == 4
    assert main(["suggest", "--role", "chef", folder, "--model", "static-zh"]) == 2


def test_chinese_decision_words_and_an_excel_sheet_read_like_a_csv(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "a.txt").write_text("负责手机银行APP运营", encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ("file", "role_id", "decision"),
        ("a.txt", "mobile-banking", "入围"),
        ("a.txt", "portal-content", "待定"),
        (None, None, None),  # a blank row is skipped; the rows keep the sheet's numbers
        ("a.txt", "customer-service", "淘汰"),
        ("a.txt", "remote-systems", 1),
        ("a.txt", "outbound-marketing", "也许吧"),
    ]:
        sheet.append(row)
    book.save(tmp_path / "d.xlsx")
    with pytest.raises(ValueError, match=r"line 7: the field 'decision'.*'也许吧'"):
        read_decisions(tmp_path / "d.xlsx")
    sheet.delete_rows(7)
    book.save(tmp_path / "d.xlsx")
    d = read_decisions(tmp_path / "d.xlsx")
    assert d["grade"].tolist() == [2, 1, 0, 1]
    assert d["line"].tolist() == [2, 3, 5, 6]
    assert Path(d["file"][0]) == tmp_path / "a.txt"


def test_a_decision_may_name_the_role_by_its_title(
    heldout: dict[str, Any], tmp_path: Path, encoder: Any
) -> None:
    titles = {r.id: r.title for r in load_roles()}
    t = heldout["table"]
    team = t.assign(grade=np.where((t["grade"] >= 1) & (t["facet_score"] >= 0.75), 2, 0))
    by_id = learn(_csv(tmp_path / "ids.csv", team), model="static-zh", encoder=encoder)[1]
    named = team.assign(role_id=team["role_id"].map(titles))
    by_title = learn(_csv(tmp_path / "titles.csv", named), model="static-zh", encoder=encoder)[1]
    assert by_title["coefficients"] == by_id["coefficients"]
    assert set(by_title["support"]) == set(titles)


def test_the_verdict_names_roles_an_adopted_profile_lowers() -> None:
    auc = {
        "a": {"default": 0.80, "learned": 0.90},
        "b": {"default": 0.90, "learned": 0.85},  # dropped: keeps its defaults
        "c": {"default": 0.90, "learned": 0.89},  # fell within the allowed loss
        "d": {"default": None, "learned": None},
    }
    said = _role_losses(auc, ["b"])
    assert "b keeps the default coefficients (held-out AUC 0.900 -> 0.850" in said
    assert "lower for c (0.900 -> 0.890)" in said
    assert "a (" not in said and "d (" not in said
    assert _role_losses({"a": auc["a"]}, []) == ""


def test_held_out_metrics_rank_each_resumes_roles() -> None:
    # résumé x decided for two roles, ranked right by one model and wrong by the other;
    # y decided for one role only has no ranking of roles to measure
    frame = pd.DataFrame({"file": ["x", "x", "y"], "role_id": ["a", "b", "a"], "grade": [2, 0, 0]})
    right = _metrics(frame, np.array([0.9, 0.2, 0.5]))
    wrong = _metrics(frame, np.array([0.2, 0.9, 0.5]))
    assert right["resume_ndcg@3"] == pytest.approx(1.0)
    assert wrong["resume_ndcg@3"] < 0.7
    assert np.isnan(_metrics(frame.iloc[2:], np.array([0.5]))["resume_ndcg@3"])


def test_a_profile_that_lifts_many_pairs_over_the_cut_says_what_to_do():
    # a learned calibration took a team's rejects at 0.5 from 6 to 20 (a blind user)
    from rolematch._learn_metrics import pairs_line

    a = {"threshold": 0.5, "resumes": 41, "roles": 9, "pairs": 369, "undecided_pairs": 300,
         "changed": True, "up_by_role": {}, "undecided_up": 0, "undecided_down": 0,
         "at_least_default": 29}  # fmt: skip
    (many,) = pairs_line({"all_pairs": {**a, "at_least_learned": 76}})
    assert "a cut at 0.5 would take 47 more pairs: shortlist by rank (--top-k)" in many
    (few,) = pairs_line({"all_pairs": {**a, "at_least_learned": 31}})
    assert "would take" not in few


def test_the_report_says_the_coefficients_as_the_explanations_weights():
    from rolematch._learn_metrics import in_words
    from rolematch.scoring import COEFFICIENTS

    default = dict(zip(COEFFICIENTS, (-3.0, 1.0, 1.0, 0.0, 0.1, 0.0, 0.0), strict=True))
    learned = {**default, "facet": 1.0}  # a team that weighs the major and degree
    assert in_words(default, learned) == (
        "in words, each component's share of the weight (as explanations show it): "
        "keywords 0.48 -> 0.33, duties 0.48 -> 0.33, facets (major, degree, years) 0.05 -> 0.33"
    )
