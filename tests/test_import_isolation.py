"""`import landau_num` and its solvers must not import sympy (DESIGN.md §1)."""
import subprocess
import sys


def test_landau_num_does_not_import_sympy():
    code = ("import sys, landau_num, landau_num.kernels as k; k.get_kernel(\"landau_matrix\", 3); "
            "import landau_num.blob_run, landau_num.spectral_run, landau_num.sde, landau_num.maxwell_hermite, "
            "landau_num.functionals; print(\"sympy\" in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
