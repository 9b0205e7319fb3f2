"""proofs_check — the claims layer of the Landau toolkit: the ``landau`` command, the checks run on
solver records (:mod:`.run_checks`, :mod:`.dissipation_checks`, :mod:`.theorem1`), the quick
checks of ``landau check`` and the report writers."""
from landau_num import __version__

from .cli import main

__all__ = ["__version__", "main"]
