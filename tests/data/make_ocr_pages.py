"""Render a known Chinese résumé as pictures, for the OCR tests and benchmark.

    python tests/data/make_ocr_pages.py OUT_DIR [--dpi 150]

writes ``cv_scan.png`` (one column), ``cv_scan_two_column.png`` (a sidebar
layout) and ``cv_scan.pdf`` (the one-column page as an image-only PDF) into
OUT_DIR. The tests and ``benchmarks/extraction.py`` import this module and
render the pages themselves, so nothing binary is committed; they need a CJK
font (Debian: ``fonts-wqy-zenhei``) and skip without one.

The résumé is a bank call-centre team lead's (labelled role ``customer-service``);
every person, number and employer in it is invented.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

#: The labelled role of :data:`CALL_CENTER_CV`.
LABEL = "customer-service"

HEADER = [
    "周静怡",
    "电话：139****2756",
    "邮箱：zhou.jy@example.com",
    "求职意向：客户服务团队主管",
]
WORK = [
    "【工作经历】",
    "2016.07-至今 华信银行远程银行中心 客户服务部 坐席团队经理",
    "负责电话银行语音、在线文本和智能客服渠道的现场运营管理，带领正式及外包坐席员120人，"
    "提供7×24小时远程金融服务。",
    "根据历史话务数据预测话务趋势并进行排班规划，语音人工接通率保持在95%以上。",
    "牵头智能质检与定量抽检，建立坐席服务质量监督和激励考核机制，客户满意度提升到98%。",
    "受理客户投诉及监管12378专线转办工单，做好工单流转、跟踪督办和回访，一次问题解决率提升10个百分点。",
    "维护综合业务与信用卡业务知识库，编写业务应答话术，组织新员工入职培训和技能考核。",
    "2012.07-2016.06 华信银行信用卡中心 客服组长",
    "负责信用卡账务查询、分期业务咨询和客户投诉处理，参与外包坐席团队管理。",
]
EDUCATION = [
    "【教育背景】",
    "2008.09-2012.06 江南财经大学 金融学 本科",
]
SKILLS = [
    "【专业技能】",
    "呼叫中心运营管理、排班规划、智能客服知识库、质检分析、Excel数据分析",
]
SUMMARY = [
    "【自我评价】",
    "熟悉远程银行服务规范和消费者权益保护要求，具备较强的沟通协调能力和突发事件应急处置能力。",
]
#: The résumé, in reading order.
CALL_CENTER_CV = "\n".join(HEADER + WORK + EDUCATION + SKILLS + SUMMARY)

#: A4 in points.
A4 = (595.0, 842.0)


def cjk_font() -> str | None:
    """Path of an installed font that covers Chinese, or ``None``."""
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    paths = sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
    # prefer a sans face: the thin strokes of song faces are the first to break up
    paths.sort(key=lambda p: ("hei" not in p.lower() and "sans" not in p.lower(), p))
    for fallback in ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",):
        if not paths and Path(fallback).is_file():
            paths.append(fallback)
    return paths[0] if paths else None


def _wrap(draw: Any, font: Any, text: str, width: float) -> list[str]:
    """Break a line at the column width: between Chinese characters, or at a
    space, never inside a Latin word or number (as Chinese typesetting does)."""
    out, line = [], ""
    for unit in re.findall(r"[!-~]+|.", text):
        if line and draw.textlength(line + unit, font=font) > width:
            out.append(line.rstrip())
            line = unit.lstrip()
        else:
            line += unit
    return [*out, line] if line else out


def render(
    columns: list[tuple[float, float, list[str]]],
    *,
    dpi: float = 150,
    size_pt: float = 10.5,
    font_path: str | None = None,
    top_pt: float = 60,
    leading: float = 1.6,
) -> Any:
    """Draw text columns on a white A4 page; returns a greyscale PIL image.

    Parameters
    ----------
    columns : list of (x0_pt, x1_pt, lines)
        Each column's left and right edge in points, and its lines (wrapped at
        the right edge).
    dpi : float
        Resolution of the picture.
    size_pt : float
        Font size in points.
    """
    from PIL import Image, ImageDraw, ImageFont

    font_path = font_path or cjk_font()
    if font_path is None:
        raise RuntimeError("no CJK font installed (fc-list :lang=zh)")
    px = dpi / 72
    img = Image.new("L", (round(A4[0] * px), round(A4[1] * px)), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(font_path, round(size_pt * px))
    for x0, x1, lines in columns:
        y = top_pt * px
        for line in lines:
            for part in _wrap(draw, font, line, (x1 - x0) * px):
                draw.text((x0 * px, y), part, font=font, fill=0)
                y += leading * size_pt * px
    return img


def one_column(*, dpi: float = 150, size_pt: float = 10.5) -> Any:
    """:data:`CALL_CENTER_CV` as one column with 60 pt margins."""
    return render([(60, A4[0] - 60, CALL_CENTER_CV.splitlines())], dpi=dpi, size_pt=size_pt)


#: The sidebar and the main column of :func:`two_column`, each in reading order.
SIDEBAR = HEADER + EDUCATION + SKILLS
MAIN = WORK + SUMMARY


def two_column(*, dpi: float = 150, size_pt: float = 10.5) -> Any:
    """A sidebar résumé: contact, education and skills left, work and summary right."""
    return render([(40, 190, SIDEBAR), (215, A4[0] - 40, MAIN)], dpi=dpi, size_pt=size_pt)


def degrade(
    img: Any,
    *,
    scale: float = 0.45,
    blur: float = 1.0,
    quality: int = 25,
    fade: float = 0.3,
    dust: float = 0.005,
    angle: float = 0.0,
    seed: int = 0,
) -> Any:
    """A poor scan or photo of ``img``, at its size.

    Parameters
    ----------
    scale : float
        Resolution kept (down-sampled, then scaled back up: the detail is lost).
    blur : float
        Gaussian blur radius, in pixels of the down-sampled picture.
    quality : int
        JPEG quality it is crushed with.
    fade : float
        How far the ink fades towards the paper (0: black, 1: gone).
    dust : float
        Share of pixels turned to dark specks.
    angle : float
        Skew in degrees (a photo taken askew).
    """
    import io
    import random

    from PIL import Image, ImageFilter

    w, h = img.size
    out = img.convert("L")
    if angle:
        out = out.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    small = out.resize((max(1, int(w * scale)), max(1, int(h * scale))), Image.BILINEAR)
    if blur:
        small = small.filter(ImageFilter.GaussianBlur(blur))
    ink = round(255 * fade)
    small = small.point([ink + round(v * (255 - ink) / 255) for v in range(256)])
    rng = random.Random(seed)
    for _ in range(int(small.size[0] * small.size[1] * dust)):
        small.putpixel((rng.randrange(small.size[0]), rng.randrange(small.size[1])), ink)
    buf = io.BytesIO()
    small.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L").resize((w, h), Image.BICUBIC)


#: Scans from good to unusable: name -> :func:`degrade` arguments.
DEGRADATIONS: dict[str, dict[str, Any]] = {
    "mild": {"scale": 0.7, "blur": 0.5, "quality": 50, "fade": 0.15, "dust": 0.0005},
    "copier": {"scale": 0.55, "blur": 0.8, "quality": 30, "fade": 0.3, "dust": 0.002},
    "photo-skew2": {"scale": 0.6, "blur": 0.7, "quality": 40, "fade": 0.2, "angle": 2.0},
    "fax": {"scale": 0.42, "blur": 1.0, "quality": 20, "fade": 0.35, "dust": 0.004},
    "bad-fax": {"scale": 0.36, "blur": 1.2, "quality": 15, "fade": 0.45, "dust": 0.006},
    "ruined": {"scale": 0.3, "blur": 1.5, "quality": 10, "fade": 0.55, "dust": 0.01},
}


def image_pdf(img: Any, path: str | Path, *, dpi: float = 150) -> None:
    """Save ``img`` as a one-page PDF that is nothing but the picture (a scan)."""
    img.save(path, "PDF", resolution=float(dpi))


def comparable(text: str) -> str:
    """Text as OCR accuracy is judged: normalised (as rolematch does), no whitespace."""
    from rolematch.text import normalize_text

    return re.sub(r"\s+", "", normalize_text(text))


def char_recall(source: str, ocr: str) -> float:
    """Share of the source's characters that the OCR text has, in order.

    Matching blocks of :class:`difflib.SequenceMatcher` (no junk heuristic) on
    both texts in :func:`comparable` form: a common subsequence, so at most the
    longest one, and a lower bound on the true in-order recall.

    Examples
    --------
    >>> round(char_recall("工作经历：坐席管理", "工作经厉 坐席管理"), 3)  # 7 of 9
    0.778
    """
    a, b = comparable(source), comparable(ocr)
    if not a:
        return 1.0
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(a)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dpi", type=float, default=150)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    page = one_column(dpi=args.dpi)
    page.save(args.out / "cv_scan.png")
    image_pdf(page, args.out / "cv_scan.pdf", dpi=args.dpi)
    two_column(dpi=args.dpi).save(args.out / "cv_scan_two_column.png")
    for name in ("cv_scan.png", "cv_scan.pdf", "cv_scan_two_column.png"):
        print(name, (args.out / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
