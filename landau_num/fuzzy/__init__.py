"""The fuzzy Landau equation of 002_5194c2b1fb63adc7.txt on T^{d_x} × R^d: spatial grid and kernels
(:mod:`.spatial`), the collision operator (:mod:`.operator`), diagnostics (:mod:`.diagnostics`) and
the solver on the platform (:mod:`.solver`)."""
