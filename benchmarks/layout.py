"""The package layout's figures: module sizes, function lengths, private reach-ins.

Run ``python benchmarks/layout.py`` (or ``--check`` to exit 1 when a limit is broken). The limits
are the ones the package keeps (README, "The package layout"): no module over 400 lines, no
function body over 60 lines, no import of another module's private names, no use of a
library's private names, at most 10 loose modules at the package top.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "campmap"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_LOOSE_MODULES = 10


@dataclass(frozen=True)
class Finding:
    """One figure of one place in the package."""

    where: str
    what: str
    size: int = 0


def modules() -> list[Path]:
    """Every module of the package."""
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def long_modules(paths: list[Path]) -> list[Finding]:
    """Modules over the line limit, longest first."""
    found = []
    for path in paths:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(Finding(_name(path), "lines", lines))
    return sorted(found, key=lambda f: -f.size)


def _body_lines(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines of a function's body, its docstring left out."""
    body = node.body
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        body = body[1:]
    if not body:
        return 0
    end = max(getattr(n, "end_lineno", n.lineno) or n.lineno for n in body)
    return end - body[0].lineno + 1


def long_functions(paths: list[Path]) -> list[Finding]:
    """Functions whose body is over the line limit, longest first."""
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = _body_lines(node)
                if size > MAX_FUNCTION_LINES:
                    found.append(Finding(f"{_name(path)}:{node.lineno} {node.name}", "body", size))
    return sorted(found, key=lambda f: -f.size)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_imports(paths: list[Path]) -> list[Finding]:
    """Private names imported from, or read off, another module (campmap's or a library's)."""
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported_modules: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if any(_private(part) for part in module.split(".")):
                    found.append(Finding(_name(path), f"imports module {module}"))
                for alias in node.names:
                    if _private(alias.name):
                        found.append(Finding(_name(path), f"imports {module}.{alias.name}"))
                    else:
                        imported_modules.add(alias.asname or alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    imported_modules.add((alias.asname or alias.name).split(".")[0])
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and _private(node.attr)
                and isinstance(node.value, ast.Name)
                and node.value.id in imported_modules
            ):
                found.append(Finding(_name(path), f"reads {node.value.id}.{node.attr}"))
    return found


LIBRARY_PRIVATES = ("_segmentation_states", "_children", "_id", "_clock", "_sleep", "_parent")


def library_privates(paths: list[Path]) -> list[Finding]:
    """Library private names: read off an object campmap did not make, or overridden."""
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in LIBRARY_PRIVATES
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
            ):
                found.append(Finding(f"{_name(path)}:{node.lineno}", f"reads .{node.attr}"))
            elif isinstance(node, ast.ClassDef) and node.bases:
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name in LIBRARY_PRIVATES:
                        where = f"{_name(path)}:{item.lineno}"
                        found.append(Finding(where, f"overrides {node.name}.{item.name}"))
    return found


def init_logic(paths: list[Path]) -> list[Finding]:
    """Statements in a package ``__init__.py`` besides its docstring, imports and dunder names."""
    found = []
    for path in paths:
        if path.name != "__init__.py":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            imports = isinstance(node, ast.Import | ast.ImportFrom)
            # __all__, __version__ and the like; lazy re-exports (PEP 562) and typing-only imports
            targets = (
                node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            )
            names = [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]
            dunder = isinstance(node, ast.Assign | ast.AnnAssign) and all(
                isinstance(n, ast.Name) and n.id.startswith("__") for n in names
            )
            lazy = (
                isinstance(node, ast.FunctionDef) and node.name in ("__getattr__", "__dir__")
            ) or (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and ast.unparse(node.value.func) == "lazy_exports"
            )
            typing_only = isinstance(node, ast.If) and ast.unparse(node.test) in (
                "TYPE_CHECKING",
                "typing.TYPE_CHECKING",
            )
            if not (docstring or imports or dunder or lazy or typing_only):
                found.append(Finding(f"{_name(path)}:{node.lineno}", type(node).__name__))
    return found


def loose_modules() -> list[str]:
    """Modules at the package top (not inside a sub-package)."""
    return sorted(p.name for p in PACKAGE.glob("*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a limit is broken")
    args = parser.parse_args(argv)
    paths = modules()
    sections = {
        f"modules over {MAX_MODULE_LINES} lines": long_modules(paths),
        f"function bodies over {MAX_FUNCTION_LINES} lines": long_functions(paths),
        "private names of other modules": private_imports(paths),
        "library private names": library_privates(paths),
        "logic in package __init__ files": init_logic(paths),
    }
    loose = loose_modules()
    total = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in paths)
    print(f"{len(paths)} modules, {total} lines; {len(loose)} loose at the top: {', '.join(loose)}")
    broken = len(loose) > MAX_LOOSE_MODULES
    for title, findings in sections.items():
        print(f"\n{title}: {len(findings)}")
        for finding in findings:
            size = f" {finding.size}" if finding.size else ""
            print(f"  {finding.where}: {finding.what}{size}")
        broken = broken or bool(findings)
    return 1 if (args.check and broken) else 0


if __name__ == "__main__":
    sys.exit(main())
