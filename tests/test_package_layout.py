"""The package keeps its layout's limits (README, "The package layout")."""

from __future__ import annotations

import layout  # benchmarks/layout.py, which also prints the figures


def test_no_module_is_over_the_line_limit():
    assert layout.long_modules(layout.modules()) == []


def test_no_function_body_is_over_the_line_limit():
    assert layout.long_functions(layout.modules()) == []


def test_no_module_imports_another_modules_private_names():
    assert layout.private_imports(layout.modules()) == []


def test_no_library_private_name_is_used():
    assert layout.library_privates(layout.modules()) == []


def test_at_most_ten_loose_modules_at_the_package_top():
    assert len(layout.loose_modules()) <= layout.MAX_LOOSE_MODULES


def test_package_init_files_hold_no_logic():
    """A docstring, imports (lazy ones too) and dunder names only: no other logic."""
    assert layout.init_logic(layout.modules()) == []
