"""Code generation (issue #3): currency check, determinism, bad input, where the files go."""
import ast
import hashlib
import importlib
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from landau_num.kernels import get_kernel, kernel_names
from landau_num.validation import require_finite
from landau_sym import codegen
from landau_sym.kernels import kernel_library
from proofs_check import cli


def test_committed_kernels_are_current():
    assert codegen.stale_files() == []
    assert cli.main(["codegen", "--check"]) == 0


def _fake_source_tree(root: Path, name: str = "landau-toolkit") -> Path:
    """A folder that looks like a checkout: pyproject.toml naming the project, landau_num/_generated/."""
    (root / "landau_num" / "_generated").mkdir(parents=True)
    (root / "pyproject.toml").write_text(f'[build-system]\nrequires = []\n\n[project]\nname = "{name}"\n')
    return root / "landau_num" / "_generated"


def test_check_names_the_module_whose_definition_changed(tmp_path, monkeypatch, capsys):
    generated = _fake_source_tree(tmp_path / "tree")
    codegen.write_sources(tmp_path)
    assert codegen.stale_files(tmp_path) == []
    specs = kernel_library()
    changed = [replace(s, outputs=tuple(2 * o for o in s.outputs)) if s.name == "alpha_smooth" else s for s in specs]
    assert codegen.stale_files(tmp_path, codegen.generate_sources(changed)) == ["potentials.py"]
    # a leftover file that the generator no longer produces is stale too
    (tmp_path / "orphan.py").write_text("# old\n")
    assert "orphan.py" in codegen.stale_files(tmp_path)
    # through the command line, run from inside a (fake) checkout: it checks and rewrites that
    # checkout's files, with the library definition itself changed
    monkeypatch.chdir(generated.parent.parent)
    assert cli.main(["codegen"]) == 0
    assert codegen.stale_files(generated) == []
    monkeypatch.setattr(codegen, "kernel_library", lambda: changed)
    assert cli.main(["codegen", "--check"]) == 1
    assert "potentials.py" in capsys.readouterr().out
    monkeypatch.setattr(codegen, "kernel_library", kernel_library)
    (generated / "orphan.py").write_text("# old\n")
    assert cli.main(["codegen", "--check"]) == 1
    assert "orphan.py" in capsys.readouterr().out
    assert cli.main(["codegen"]) == 0
    assert codegen.stale_files(generated) == []
    assert not (generated / "orphan.py").exists()


def test_explicit_target_is_used_as_given(tmp_path):
    assert codegen.resolve_target(tmp_path) == tmp_path
    new = tmp_path / "new" / "generated"
    assert codegen.resolve_target(new) == new
    assert not new.exists()  # resolving creates nothing; write_sources does
    codegen.write_sources(new)
    assert codegen.stale_files(new) == []
    afile = tmp_path / "afile.py"
    afile.write_text("")
    with pytest.raises(ValueError, match="afile.py"):
        codegen.resolve_target(afile)
    with pytest.raises(ValueError, match="afile.py"):
        codegen.resolve_target(afile / "below")


def test_default_target_is_the_source_tree_containing_the_cwd(tmp_path, monkeypatch):
    generated = _fake_source_tree(tmp_path / "checkout")
    deep = tmp_path / "checkout" / "docs" / "sub"
    deep.mkdir(parents=True)
    # a nearer pyproject.toml of another project is passed over
    (tmp_path / "checkout" / "docs" / "pyproject.toml").write_text('[project]\nname = "other"\n')
    monkeypatch.chdir(deep)
    assert codegen.resolve_target(None) == generated.resolve()
    monkeypatch.chdir(tmp_path / "checkout")
    assert codegen.resolve_target(None) == generated.resolve()


def test_installed_copy_that_is_not_a_source_tree_is_refused(tmp_path, monkeypatch):
    site = tmp_path / "site-packages" / "landau_num" / "_generated"
    site.mkdir(parents=True)
    _fake_source_tree(tmp_path / "other", name="not-landau")  # a pyproject.toml of another project
    monkeypatch.setattr(codegen, "_package_target", lambda: site)
    monkeypatch.chdir(tmp_path / "other")
    for call in (codegen.resolve_target, lambda _: codegen.stale_files(), lambda _: codegen.write_sources()):
        with pytest.raises(ValueError, match="is not a source tree: pass --target DIR or run from a"):
            call(None)
    assert list(site.iterdir()) == []
    # an editable install (the package is itself in a checkout) is used from anywhere
    editable = _fake_source_tree(tmp_path / "editable")
    monkeypatch.setattr(codegen, "_package_target", lambda: editable)
    assert codegen.resolve_target(None) == editable.resolve()


def test_non_editable_copy_run_from_the_checkout_checks_the_checkout(tmp_path):
    """A copy of landau_sym outside any checkout (as `pip install .` leaves it), run from the repo
    root as CI does, checks the repo's files; run from elsewhere, it refuses."""
    repo = Path(__file__).resolve().parent.parent
    site = tmp_path / "site-packages"
    shutil.copytree(repo / "landau_sym", site / "landau_sym", ignore=shutil.ignore_patterns("__pycache__"))
    (site / "landau_num" / "_generated").mkdir(parents=True)
    code = (f"import sys; sys.path.insert(0, {str(site)!r}); "  # ahead of the cwd and of an editable install
            "from landau_sym import codegen; print(codegen.__file__); "
            "print(codegen.resolve_target(None)); print(codegen.stale_files())")
    out = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=True)
    module_file, target, stale = out.stdout.splitlines()
    assert Path(module_file).resolve().is_relative_to(site.resolve())
    assert Path(target) == (repo / "landau_num" / "_generated").resolve()
    assert stale == "[]"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode != 0 and "is not a source tree" in out.stderr
    assert list((site / "landau_num" / "_generated").iterdir()) == []


def test_every_kernel_names_a_landau_sym_source_function():
    for spec in kernel_library():
        module, _, name = spec.source.rpartition(".")
        assert module.startswith("landau_sym."), spec.name
        assert callable(getattr(importlib.import_module(module), name)), spec.name


def test_generated_docstrings_name_the_source_function():
    specs = {s.name: s for s in kernel_library()}
    seen = set()
    for name, text in codegen.generate_sources().items():
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef):
                doc = ast.get_docstring(node)
                assert doc.endswith(f" Generated from {specs[node.name].source}."), node.name
                seen.add(node.name)
    assert seen == set(specs)


def test_source_is_part_of_the_definition_hash(tmp_path):
    codegen.write_sources(tmp_path)
    specs = [replace(s, source="landau_sym.potentials.chi") if s.name == "alpha_smooth" else s
             for s in kernel_library()]
    assert codegen.stale_files(tmp_path, codegen.generate_sources(specs)) == ["potentials.py"]
    header_hash = lambda srcs: srcs["potentials.py"].splitlines()[2]  # noqa: E731
    assert header_hash(codegen.generate_sources(specs)) != header_hash(codegen.generate_sources())


def test_generated_header_names_generator_and_hash():
    for name, text in codegen.generate_sources().items():
        assert text.startswith("# Generated by landau_sym.codegen")
        if name != "__init__.py":
            assert "definition-sha256: " in text.splitlines()[2]


def test_output_is_byte_for_byte_deterministic_across_hash_seeds():
    code = ("import hashlib; from landau_sym.codegen import generate_sources; "
            "print(hashlib.sha256(''.join(generate_sources().values()).encode()).hexdigest())")
    digests = set()
    for seed in ("0", "12345"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONHASHSEED": seed, "PATH": ""})
        digests.add(out.stdout.strip())
    digests.add(hashlib.sha256("".join(codegen.generate_sources().values()).encode()).hexdigest())
    assert len(digests) == 1


def test_generated_code_uses_no_sympy():
    for text in codegen.generate_sources().values():
        assert "sympy" not in text.replace("landau_sym", "")


def test_bad_kernel_requests_name_the_value():
    with pytest.raises(ValueError, match="d must be one of \\(2, 3\\), got 4"):
        get_kernel("landau_matrix", d=4)
    with pytest.raises(ValueError, match="unknown kernel 'landau_tensor_3d'; available kernels: .*landau_matrix_3d"):
        get_kernel("landau_tensor", d=3)
    with pytest.raises(ValueError, match="parameter gamma must be a finite real number, got nan"):
        require_finite(C=1.0, gamma=float("nan"))
    with pytest.raises(ValueError, match="parameter eps must be a finite real number, got inf"):
        require_finite(eps=float("inf"))
    require_finite(C=1.0, gamma=-3)


def test_every_library_kernel_is_reachable():
    assert sorted(s.name for s in kernel_library()) == kernel_names()
