"""Parse-quality audits: leaf-by-leaf comparison with golden files, and self-checks without them.

``pledgecard audit DIR`` (see :mod:`pledgecard.audit.command`); the library side is
:func:`~pledgecard.audit.report.run_audit` and :func:`~pledgecard.audit.selfcheck.run_selfcheck`.
"""

from pledgecard.audit.compare import diff, diff_cards, generalize, leaves, section_of
from pledgecard.audit.report import AuditReport, AuditRun, Mismatch, Tally, run_audit
from pledgecard.audit.selfcheck import SelfReport, SelfRun, run_selfcheck

__all__ = ["AuditReport", "AuditRun", "Mismatch", "SelfReport", "SelfRun", "Tally", "diff", "diff_cards",
           "generalize", "leaves", "run_audit", "run_selfcheck", "section_of"]
