"""The ``rolematch learn`` and ``rolematch suggest`` subcommands (see :mod:`rolematch.learn`)."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable
from typing import Any

__all__ = ["add_learn_parsers", "run_learn", "run_suggest"]


def add_learn_parsers(sub: Any) -> None:
    """Register ``learn`` and ``suggest`` on the CLI's subparsers."""
    from rolematch._cli_types import int_at_least, positive_int

    lp = sub.add_parser(
        "learn",
        help="learn a team's scoring profile from its decisions",
        description="Score the decided résumés, refit the score's calibration on the "
        "decisions (shrunk toward the defaults, cross-validated by résumé) and write a "
        "profile for 'rolematch score --profile'. DECISIONS.csv (or .xlsx) has the columns "
        "file, role_id (an id or a title), decision (shortlist/interview/offer/hire, maybe, "
        "reject, 入围/面试/录用, 待定/备选, 淘汰/不合适 …, or 2/1/0), or an export's names "
        "for them (简历附件/简历/文件, 应聘职位/岗位/职位, 初筛结论/结论/结果 …). maybe, 待定 "
        "and 备选 count as fits (the report says how many); leave a decision empty where it "
        "is not made yet. The report also counts the pairs of the decided résumés and roles "
        "they were not decided for that the profile raises to 0.5 or more.",
    )
    lp.add_argument("decisions", metavar="DECISIONS.csv")
    lp.add_argument(
        "--roles",
        action="append",
        help="role file, job posting or folder; repeat for several (default: bundled roles)",
    )
    lp.add_argument("--model", default="e5-small", help="e5-small (default), static-zh, a path")
    lp.add_argument("--profile", help="base profile to start from (default: the model's)")
    lp.add_argument("--folds", type=positive_int, default=5, help="cross-validation folds")
    lp.add_argument(
        "--seed",
        type=int_at_least(0, "an integer >= 0"),
        default=0,
        help="cross-validation shuffle (>= 0)",
    )
    lp.add_argument(
        "--no-keywords", action="store_true", help="learn the calibration only, no term emphasis"
    )
    lp.add_argument(
        "--resumes",
        action="append",
        default=[],
        metavar="PATH",
        help="résumé file or folder where a file the decisions name (王强.txt, "
        "cvs\\王强.txt) is looked up by name when not found as written; repeat for several",
    )
    lp.add_argument("-o", "--output", required=True, metavar="PROFILE.json")

    sp = sub.add_parser(
        "suggest",
        help="résumés whose decision would teach the most (closest to the boundary)",
    )
    sp.add_argument("paths", nargs="+", metavar="PATH", help="résumé files or folders")
    sp.add_argument("--role", required=True, help="role id (see 'rolematch roles list')")
    sp.add_argument(
        "--roles",
        action="append",
        help="role file, job posting or folder; repeat for several (default: bundled roles)",
    )
    sp.add_argument("--model", default="e5-small")
    sp.add_argument("--profile", help="scoring profile (default: the model's)")
    sp.add_argument("-n", type=positive_int, default=10, help="how many (default 10)")
    sp.add_argument(
        "--decisions",
        metavar="DECISIONS.csv",
        help="decisions already made (the file 'rolematch learn' reads): leave out the "
        "résumés decided for the role",
    )


def _check_learn_paths(
    decisions: str, output: str, resumes: list[str], roles: Callable[[], list[Any]]
) -> list[Any]:
    """Refuse, before any scoring, a missing decisions file, one with bad rows (all of
    them named in one error) and an ``-o`` that would overwrite an input, is a folder
    or cannot be written (as ``score`` does). Returns the roles (``roles()``)."""
    from pathlib import Path

    from rolematch._cli_outputs import check_outputs
    from rolematch.exceptions import RolematchError, UsageError
    from rolematch.learn import read_decisions

    if not Path(decisions).is_file():
        what = "is a folder" if Path(decisions).is_dir() else "does not exist"
        raise UsageError(
            f"DECISIONS.csv must be a CSV or .xlsx file. Got {decisions!r}, which {what}."
        )
    if Path(output).resolve() == Path(decisions).resolve():
        raise UsageError(f"-o {output} is the decisions file; name another file")
    from rolematch.learn import DecisionsWarning, resume_files

    role_list = roles()
    given = resume_files(resumes)
    try:
        with warnings.catch_warnings():  # learn() reads it again and says so once
            warnings.simplefilter("ignore", DecisionsWarning)
            # all bad rows at once, the files found nowhere with them
            table = read_decisions(decisions, given, roles=role_list, check_files=True)
            files = [str(f) for f in table["file"]]
    except ValueError as e:
        raise RolematchError(str(e)) from None
    check_outputs([output], files)
    if Path(output).suffix.lower() != ".json":
        raise UsageError(f"-o must name a profile file ending in .json. Got {output!r} instead.")
    return role_list


def run_learn(args: argparse.Namespace, load_roles: Callable[[list[str] | None], list[Any]]) -> int:
    """``rolematch learn``: print the report, write the profile."""
    from pathlib import Path

    from rolematch.exceptions import RolematchError
    from rolematch.learn import learn, report_table
    from rolematch.profile import model_family

    roles = _check_learn_paths(
        args.decisions, args.output, args.resumes, lambda: load_roles(args.roles)
    )
    try:
        profile, report = learn(
            args.decisions,
            roles=roles,
            model=args.model,
            base_profile=args.profile,
            folds=args.folds,
            seed=args.seed,
            keyword_emphasis=not args.no_keywords,
            resumes=args.resumes,
        )
    except ValueError as e:
        raise RolematchError(str(e)) from None
    print(report_table(report))
    # the scores it learned from are --model's, whatever the base profile was fitted for
    profile = profile.replace(model=model_family(args.model))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    profile.save(args.output)
    print(f"rolematch: wrote {args.output}", file=sys.stderr)
    return 0


def run_suggest(
    args: argparse.Namespace, load_roles: Callable[[list[str] | None], list[Any]]
) -> int:
    """``rolematch suggest``: a table of the résumés to decide on next."""
    from pathlib import Path

    from rolematch.batch import collect_files
    from rolematch.exceptions import UsageError
    from rolematch.io.extract import read_resume
    from rolematch.io.roles import find_role
    from rolematch.learn import decided_pairs, suggest
    from rolematch.matcher import Matcher

    roles = load_roles(args.roles)
    role = find_role(roles, args.role)
    if role is None:
        ids = ", ".join(r.id for r in roles)
        raise UsageError(f"--role must be one of {ids} (or a title). Got {args.role!r} instead.")
    files = collect_files(args.paths)
    decided = _decided(args.decisions, roles, [str(f) for f in files])
    matcher = Matcher(model=args.model, profile=args.profile).fit([role])
    resumes = [read_resume(f) for f in files]
    table = matcher.score_table(resumes)
    texts = {str(r.source): r.text for r in resumes if r.ok}
    picked = suggest(table, texts, n=args.n, role_id=role.id, decisions=decided)
    for r in resumes:
        if not r.ok:
            print(f"rolematch: warning: {r.source}: not scored ({r.reason})", file=sys.stderr)
    table = table[~decided_pairs(table, decided)]  # what _skipped compares with
    undecided = table[(table["role_id"] == role.id) & table["score"].notna()]
    if decided is not None and picked.empty and undecided.empty:
        # an empty table's header read as a failure; say that nothing is left to decide
        print(
            f"all {picked.attrs['decided']} résumés given are already decided for {role.id} "
            f"in {args.decisions}: none is left to suggest"
        )
    else:
        print(f"{'score':>6} {'keyword':>8} {'semantic':>8} {'facet':>6}  file")
    for row in picked.itertuples():
        facet = "—" if row.facet_score != row.facet_score else f"{row.facet_score:.2f}"
        print(
            f"{row.score:>6.3f} {row.keyword_score:>8.3f} {row.semantic_score:>8.3f} "
            f"{facet:>6}  {row.file}"
        )
    print(
        f"rolematch: {len(picked)} of {len(files)} résumés, closest to the decision "
        "boundary (0.5)" + _skipped(table, picked, role.id, args.n),
        file=sys.stderr,
    )
    if decided is not None:
        given = {str(Path(f).resolve()) for f in files}
        mine = dict.fromkeys(decided.loc[decided["role_id"] == role.id, "file"])
        elsewhere = [f for f in mine if str(Path(f).resolve()) not in given]
        print(
            f"rolematch: left out {picked.attrs['decided']} résumés already decided for "
            f"{role.id} in {args.decisions}"
            + (
                f"; {len(elsewhere)} of its résumés decided for the role are not among "
                f"those given: {', '.join(elsewhere[:5])}" + (" …" if len(elsewhere) > 5 else "")
                if elsewhere
                else ""
            ),
            file=sys.stderr,
        )
    return 0


def _decided(path: str | None, roles: list[Any], files: list[str]) -> Any:
    """The decisions file's rows, their files found among ``files`` and their roles
    named by id (a title is read as ``learn`` reads it); None without a file."""
    from pathlib import Path

    from rolematch.exceptions import RolematchError, UsageError
    from rolematch.io.roles import find_role
    from rolematch.learn import read_decisions

    if path is None:
        return None
    if not Path(path).is_file():
        what = "is a folder" if Path(path).is_dir() else "does not exist"
        raise UsageError(f"--decisions must name a CSV or .xlsx file. Got {path!r}, which {what}.")
    try:
        table = read_decisions(path, files)  # every bad row in one error; any role named
    except ValueError as e:
        raise RolematchError(str(e)) from None
    found = {x: find_role(roles, x) for x in set(table["role_id"])}
    table["role_id"] = [r.id if (r := found[x]) is not None else x for x in table["role_id"]]
    return table


def _skipped(table: Any, picked: Any, role_id: str, n: int) -> str:
    """``; skipped as near-duplicates of a picked one: a, b …`` (the first 5 named)."""
    t = table[(table["role_id"] == role_id) & table["score"].notna()]
    order = t.assign(margin=(t["score"] - 0.5).abs()).sort_values(["margin", "file"])
    files = [str(f) for f in order["file"]]
    chosen = {str(f) for f in picked["file"]}
    if len(chosen) >= n and chosen:  # full: only those ranked above the last one picked
        files = files[: max(files.index(f) for f in chosen)]
    skipped = [f for f in files if f not in chosen]
    if not skipped:
        return ""
    more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
    return (
        f"; skipped {len(skipped)} as near-duplicates of one picked: {', '.join(skipped[:5])}{more}"
    )
