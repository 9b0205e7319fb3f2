"""`import landau_num` and every solver module must not import sympy (DESIGN.md §1)."""
import subprocess
import sys


def test_landau_num_does_not_import_sympy():
    code = ("import sys, landau_num, landau_num.kernels as k; k.get_kernel(\"landau_matrix\", 3); "
            "from landau_num.core.registry import get_solver, solver_names; "
            "[get_solver(name) for name in solver_names()]; import landau_num.functionals; "
            "print(\"sympy\" in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_importing_landau_num_loads_no_solver():
    """The solver table imports a family on first use, so `import landau_num` compiles nothing."""
    code = "import sys, landau_num; print(sorted(m for m in sys.modules if m.startswith('landau_num.') and " \
           "m.split('.')[1] in ('blob', 'spectral', 'maxwell', 'sde', 'fuzzy')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
