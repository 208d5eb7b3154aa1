"""The benchmark's empty page: app.py and the role gate, nothing else. Its run time is the fixed cost
of every page run under AppTest (bench/pages.py registers it for the measurement only)."""

from ui.gate import require, role
from workshop.domain.model import Role

if role() is not None:
    require(*Role)
