"""The package's shape: no import circle between modules, so each layer can be read alone.

The layers themselves are import-linter contracts in pyproject.toml (``make lint``)."""

from __future__ import annotations

import grimp


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("programmatool")


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = _graph()
    modules = sorted(m for m in graph.modules if m != "programmatool")
    circles = []
    for importer in modules:
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported == "programmatool":
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                circles.append(" -> ".join([importer, *back]))
    assert circles == []


def test_the_layers_are_the_folders_of_the_package() -> None:
    # Every module lives in a folder named after its role; only the facade, the entry point
    # and the version stay at the top.
    graph = _graph()
    top = sorted(m for m in graph.modules if m.count(".") == 1 and not graph.find_children(m))
    assert top == [
        "programmatool.__main__",
        "programmatool._version",
        "programmatool.entry",
    ]
