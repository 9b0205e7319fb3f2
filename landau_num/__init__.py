"""landau_num — the numeric layer of the Landau toolkit (numpy + numba, never sympy).

Generated kernels live in ``landau_num._generated`` (written by ``landau codegen``, never edited by
hand) and are reached through :func:`landau_num.kernels.get_kernel`.
"""
