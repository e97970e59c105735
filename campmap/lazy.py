"""A package's public names, imported from their modules when first used (PEP 562).

``import campmap`` (and the ``campmap`` command, which imports it) then costs
what the caller uses: ``campmap --help`` never imports geopandas or folium.
Each package lists its names in ``__all__`` and, for type checkers, imports
them under ``typing.TYPE_CHECKING``; :func:`lazy_exports` gives it the
module ``__getattr__`` and ``__dir__`` that import a name's module on first use.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from types import ModuleType

__all__ = ["lazy_exports"]


class _Exporting(ModuleType):
    """A package whose public names win over its subpackages of the same name.

    The import system binds every imported submodule on its package
    (``campmap.extract`` the subpackage); a public name spelt the same
    (``campmap.extract`` the function) must stay what ``__all__`` says it is.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, ModuleType) and value.__name__ == f"{self.__name__}.{name}":
            exported: Mapping[str, str] = self.__dict__.get("__exported__", {})
            if name in exported:
                return
        super().__setattr__(name, value)


def lazy_exports(
    package: str, modules: Mapping[str, Sequence[str]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """Return a package's module ``__getattr__`` and ``__dir__`` for its public names.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    modules : mapping of str to sequence of str
        Each module (full dotted name) and the public names it defines.

    Returns
    -------
    tuple of callable
        ``__getattr__(name)``: the name imported from its module (then kept on
        the package, so this runs once a name); ``__dir__()``: the package's
        names and its public ones, sorted.

    Examples
    --------
    >>> import campmap
    >>> campmap.InputError.__module__
    'campmap.errors'
    """
    where = {name: module for module, names in modules.items() for name in names}
    self = sys.modules[package]
    self.__dict__["__exported__"] = where
    self.__class__ = _Exporting

    def __getattr__(name: str) -> object:
        try:
            module = where[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(import_module(module), name)
        setattr(self, name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*self.__dict__, *where})

    return __getattr__, __dir__
