"""The ``rolematch roles`` subcommands: list, validate and import roles (see
:mod:`rolematch.io.roles` and :mod:`rolematch.io.postings`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolematch.exceptions import RoleSpecError, UsageError

if TYPE_CHECKING:
    from rolematch.documents import Role
    from rolematch.io._role_writes import RoleWrite

__all__ = ["add_roles_parsers", "run_roles"]


def add_roles_parsers(sub: Any) -> None:
    """Register ``roles`` and its actions on the CLI's subparsers."""
    r = sub.add_parser("roles", help="list, validate or import roles")
    rsub = r.add_subparsers(dest="roles_command", required=True, metavar="ACTION")
    rl = rsub.add_parser("list", help="list roles")
    rl.add_argument(
        "paths",
        nargs="*",
        metavar="DIR",
        help="role files, job postings or folders (default: the bundled roles)",
    )
    rl.add_argument(
        "--roles",
        action="append",
        help="role file, job posting or folder; repeat for several (as DIR)",
    )
    rv = rsub.add_parser("validate", help="check role files; errors name file and field")
    rv.add_argument("dir", nargs="?", help="role file or folder (default: the bundled roles)")
    ri = rsub.add_parser(
        "import",
        help="turn job postings into role files",
        description="Read job postings (.txt .md .html .htm .docx .pdf, or job-board exports "
        ".csv .jsonl .json .xlsx) and write one validated role file per posting.",
    )
    ri.add_argument("posting", nargs="+", help="posting files or folders")
    ri.add_argument("--out", help="folder for the role files (not needed with --dry-run)")
    ri.add_argument("--ids", help="comma-separated role ids in posting order")
    ri.add_argument("--format", choices=["yaml", "json"], default="yaml")
    ri.add_argument("--title-field", help="export field holding the title")
    ri.add_argument("--text-field", help="export field(s) holding the text, comma-separated")
    ri.add_argument("--id-field", help="export field holding the role id")
    ri.add_argument(
        "--dry-run",
        action="store_true",
        help="print what was parsed (title, duties, requirements, dropped lines and why)",
    )


def run_roles(args: argparse.Namespace) -> int:
    """Run ``rolematch roles list|validate|import``; the exit status."""
    from rolematch.io.roles import load_roles

    if args.roles_command == "list":  # `roles list DIR`, as `roles validate DIR`
        for role in load_roles([*(args.roles or []), *args.paths] or None):
            print(f"{role.id:<24} {role.title}  ({len(role.duties)} duties, "
                  f"{len(role.requirements)} requirements)")  # fmt: skip
        return 0
    if args.roles_command == "validate":
        return _validate(args.dir)
    from rolematch.io.postings import read_postings

    if not args.out and not args.dry_run:
        raise UsageError("roles import needs --out DIR (or --dry-run to only look)")
    if not args.dry_run:  # before any posting is read
        from rolematch._cli_outputs import check_folder

        check_folder(args.out, "--out", "for the role files")
    ids = [i.strip() for i in args.ids.split(",")] if args.ids else None
    try:
        postings = read_postings(
            args.posting,
            ids=ids,
            title_field=args.title_field,
            text_field=args.text_field,
            id_field=args.id_field,
        )
    except RoleSpecError as e:  # ids that do not fit are a bad option value
        if ids is None or e.field != "id" or e.path is not None:
            raise
        raise UsageError(f"--ids: {e}") from e
    roles = [p.to_role() for p in postings]  # validate all before writing any
    if args.dry_run:
        print("\n\n".join(p.report() for p in postings))
        return 0
    from rolematch.io._role_writes import write_role_files

    # ids given by hand name the roles they replace; made from titles, they may clash
    for w in write_role_files(roles, args.out, fmt=args.format, replace=ids is not None):
        if w.kept is not None:
            print(f"rolematch: {_kept(w)}", file=sys.stderr)
        if w.replaces:  # the same posting imported again, or an edited one
            print(f"rolematch: replaced {w.path}{_replaced(w, args.format)}", file=sys.stderr)
        print(w.path)
    return 0


def _kept(w: RoleWrite) -> str:
    """Why a role was written under another id than the one its title gave it."""
    source = f" (from {w.role.source})" if w.role.source else ""
    return (
        f"kept {w.kept}: it holds another posting under that id; {w.role.title!r}{source} "
        f"is {w.role.id!r} (--ids chooses ids)"
    )


def _replaced(w: RoleWrite, fmt: str) -> str:
    """What replacing a role file changed beside its content, in brackets, or ''."""
    notes = []
    if w.old_title is None:
        notes.append("it did not load")
    elif w.old_title != w.role.title:
        notes.append(f"it held {w.old_title!r}, now {w.role.title!r}")
    if w.fmt != fmt:
        notes.append(f"kept as {w.fmt.upper()}, the format of that file")
    return f" ({'; '.join(notes)})" if notes else ""


def _validate(path: str | None) -> int:
    """Check every role file of a folder and name every bad one (not only the first):
    a folder of twenty role files is mended in one pass. Ids must also be unique
    across the files; a clash among the files that load is named beside the errors
    of those that do not."""
    from rolematch.io.roles import duplicate_ids, folder_files, load_roles

    folder = Path(path) if path is not None else None
    roles: list[Role] = []
    if folder is None or not folder.is_dir():
        roles = load_roles(path)
    else:
        files = [f for f, _ in folder_files(folder)]
        errors: list[RoleSpecError] = []
        for f in files:
            try:
                roles.extend(load_roles(f))
            except RoleSpecError as e:
                errors.append(e)
        # in file order: a clash is told at the second of the two files
        errors = sorted([*errors, *duplicate_ids(roles)], key=lambda err: str(err.path))
        for error in errors:
            print(f"rolematch: error: {error}", file=sys.stderr)
        if errors:
            bad = len({error.path for error in errors})
            print(f"rolematch: {bad} of {len(files)} files have errors", file=sys.stderr)
            return 1
    print(f"{len(roles)} role{'s' if len(roles) != 1 else ''} OK: {', '.join(r.id for r in roles)}")
    return 0
