"""Render pdf/*.source (UTF-8 text) to pdf/*.pdf with reportlab's STSong-Light CID font.

Run: python examples/make_pdfs.py   (needs reportlab: pip install 'rolematch[dev]')
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def render(txt: Path, pdf: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(pdf), pagesize=A4, invariant=True)
    _, height = A4
    y = height - 60
    for line in txt.read_text(encoding="utf-8").splitlines():
        c.setFont("STSong-Light", 10.5)
        c.drawString(56, y, line)
        y -= 17
    c.save()


def main() -> None:
    out = HERE / "pdf"
    out.mkdir(exist_ok=True)
    for src in sorted(out.glob("*.source")):
        render(src, out / (src.stem + ".pdf"))
        print(out / (src.stem + ".pdf"))


if __name__ == "__main__":
    main()
