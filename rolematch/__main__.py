from __future__ import annotations

from rolematch.cli import main

raise SystemExit(main())
