"""A résumé or a notes file among the postings is skipped with a warning naming it
and why, never made a role; real postings, one-paragraph ones too, still import."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from rolematch import RoleSpecError, load_roles
from rolematch.cli import main
from rolematch.io.postings import read_postings
from rolematch.io.roles import RoleFileWarning
from tests.io._files import texts
from tests.io._files import write_utf8 as _write

POSTING = """\
招聘岗位：门店财务专员
岗位职责：
1、负责门店日常收银稽核和备用金管理；
2、编制门店月度费用报表。
任职要求：
1、财务相关专业，大专以上学历；
2、熟练使用金蝶或用友。
"""

# a posting that is one paragraph: no heading, the title in the file name
PARAGRAPH = (
    "负责社区团购站点的选址与开站，带领站长团队完成每周销售目标，跟进团长招募和培训，"
    "要求大专以上学历，两年以上社区零售管理经验，能适应早班，薪资面议。"
)

CV_LINES = [
    "林晓雨",
    "男 | 31岁 | 本科 | 广州",
    "个人优势",
    "五年财务工作经验，熟悉总账和税务申报。",
    "工作经验",
    "2020/06-至今  某连锁餐饮有限公司  总账会计",
    "• 负责月结、合并报表和增值税申报；",
    "• 协助年度审计，整理审计底稿。",
    "2018/07-2020/05  某会计师事务所  审计助理",
    "• 参与制造业客户的年报审计。",
    "教育经历",
    "2014/09-2018/06  暨南大学  会计学  本科",
    "技能证书",
    "中级会计师、CPA（会计、税法）",
]


def _cv_docx(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in CV_LINES:
        d.add_paragraph(line)
    d.save(path)
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    _write(folder, "finance.txt", POSTING)
    _write(folder, "社区团购站长.txt", PARAGRAPH)
    _cv_docx(folder / "林晓雨_简历.docx")
    _write(folder, "待办.txt", "周三前把面试名单发给部门负责人，并完成背景调查。\n")
    return folder


def test_a_resume_and_a_notes_file_are_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with pytest.warns(RoleFileWarning) as caught:
        postings = read_postings(folder)
    assert [p.title for p in postings] == ["门店财务专员", "社区团购站长"]
    assert texts(postings[1].requirements)[:1] == ["大专以上学历"]
    messages = sorted(str(w.message) for w in caught)
    assert len(messages) == 2
    assert messages[0].startswith(f"{folder / '待办.txt'}: skipped: not a job posting")
    assert messages[1].startswith(f"{folder / '林晓雨_简历.docx'}: skipped: the text reads like")
    assert "工作经验" in messages[1] and "\n" not in "".join(messages)


def test_a_file_that_is_no_posting_alone_is_an_error(tmp_path: Path) -> None:
    cv = _cv_docx(tmp_path / "cv.docx")
    with pytest.raises(RoleSpecError, match=r"cv\.docx: the text reads like a résumé"):
        read_postings(cv)
    notes = _write(tmp_path, "notes.txt", "记得周五前完成简历初筛。\n")
    with pytest.raises(RoleSpecError, match=r"notes\.txt: not a job posting: no 岗位职责"):
        read_postings(notes)


def test_a_title_over_a_list_of_duties_is_still_a_posting(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "叉车司机\n1. 负责成品仓的装卸和转运\n2. 负责叉车日常点检\n")
    (p,) = read_postings(path)
    assert p.title == "叉车司机" and len(p.duties) == 2


@pytest.mark.filterwarnings("always::rolematch.io.roles.RoleFileWarning")  # as the CLI runs
def test_roles_import_and_score_roles_say_which_file_was_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    assert main(["roles", "import", str(folder), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "门店财务专员" in out and "林晓雨" not in out and "待办" not in out
    lines = [x for x in err.splitlines() if "skipped" in x]
    assert len(lines) == 2 and all(x.startswith("rolematch: warning: ") for x in lines)
    with pytest.warns(RoleFileWarning) as caught:
        roles = load_roles(folder)  # what score --roles FOLDER loads
    assert len(roles) == 2
    assert sorted(str(w.message).split(": skipped")[0] for w in caught) == [
        str(folder / "待办.txt"),
        str(folder / "林晓雨_简历.docx"),
    ]


def test_a_folder_of_resumes_given_as_postings_is_an_error(tmp_path: Path) -> None:
    # a recruiter's --roles cvs/: a short CV that passes as a posting became the one
    # role all the others were ranked against
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name in ("a.docx", "b.docx", "c.docx"):
        _cv_docx(folder / name)
    _write(folder, "chef.txt", "叉车司机\n1. 负责成品仓的装卸和转运\n2. 负责叉车日常点检\n")
    with pytest.raises(RoleSpecError, match=r"cvs: 3 of 4 files read like résumés"):
        read_postings(folder)


def test_a_resume_folder_with_its_grades_file_is_said_to_be_resumes_without_noise(
    tmp_path: Path,
) -> None:
    # a data engineer's --roles cvs/devset: ~30 "no title line" warnings, then an error
    # about labels.json's --title-field, where the folder is résumés
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name in ("a.docx", "b.docx", "c.docx"):
        _cv_docx(folder / name)
    _write(folder, "chef.txt", "叉车司机\n1. 负责成品仓的装卸和转运\n2. 负责叉车日常点检\n")
    _write(folder, "labels.json", '{"a.docx": {"1": 2}, "b.docx": {"1": 0}}')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(RoleSpecError, match=r"cvs: 3 of 4 files read like résumés"):
            read_postings(folder)
    assert not [w for w in caught if issubclass(w.category, RoleFileWarning)]
    for name in ("a.docx", "b.docx", "c.docx"):
        (folder / name).unlink()
    with pytest.raises(RoleSpecError, match=r"labels\.json.*title"):
        read_postings(folder)  # among postings, the export's own error still stands
