"""The stochastic N-particle system (3) of 003_2ee84d6b3c804a54.txt, with the cut-off α_η of its
Remark 2.1 as α^N: the system, its two integrators and its exact laws in :mod:`.system`, the
ensemble diagnostics and figures in :mod:`.diagnostics`, the solver on the platform (``landau run
sde``, ``landau_num.solve("sde", ...)``) in :mod:`.solver`. Importing this package compiles nothing."""
