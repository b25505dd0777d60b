from __future__ import annotations

from rolematch.cli import run

run()
