"""The codebase keeps its shape: small modules and classes, stages that do not reach into each
other, MkDocs imported by its adapter alone, every exit code in errors.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MAX_MODULE_LINES = 500
MAX_CLASS_LINES = 250
# Modules by pipeline stage; the rest (models, text, names, lexicon, knowledge, stored...) are
# shared by every stage, and build.py and cli.py orchestrate.
STAGES = {"ingest": ("ingest", "readers", "near_duplicates"), "extract": ("extract",), "resolve": ("resolve", "xref"),
          "render": ("render", "export"), "write": ("write",)}
# What a stage must not import: the stages after it, and extraction's internals.
FORBIDDEN = {"ingest": ("extract", "resolve", "render", "write"), "extract": ("resolve", "render", "write"),
             "resolve": ("extract", "render", "write"), "render": ("ingest", "extract", "write"),
             "write": ("ingest", "extract", "resolve", "render")}
MKDOCS_ADAPTER = "generator.mkdocs_plugin"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _outside_extraction() -> list[Path]:
    """The size limits hold outside generator/extract/, which the extraction work reshapes."""
    return [path for path in _modules() if path.relative_to(PACKAGE).parts[0] != "extract"]


def _name(path: Path) -> str:
    return ".".join(("generator", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return next((stage for stage, tops in STAGES.items() if len(parts) > 1 and parts[1] in tops), None)


def imports(source: str) -> list[tuple[str, str]]:
    """(module, name) of every `from X import name`, and (module, "") of every `import X`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


def long_classes(source: str, limit: int = MAX_CLASS_LINES) -> list[tuple[str, int]]:
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > limit]


def boundary_problems(module: str, source: str) -> list[str]:
    """Private names taken from another module, later stages or another stage's internals
    imported, MkDocs imported outside its adapter."""
    problems, stage = [], stage_of(module)
    for imported, name in imports(source):
        if imported.split(".")[0] in ("mkdocs", "material") and module != MKDOCS_ADAPTER:
            problems.append(f"{module} imports {imported}: only {MKDOCS_ADAPTER} may import MkDocs")
        if not imported.startswith("generator"):
            continue
        if name.startswith("_") and imported.rsplit(".", 1)[0] != module.rsplit(".", 1)[0] and imported != module:
            problems.append(f"{module} imports the private name {name} of {imported}")
        if stage and stage_of(imported) in FORBIDDEN[stage]:
            problems.append(f"{module} ({stage}) imports {imported} ({stage_of(imported)})")
    return problems


@pytest.mark.parametrize("path", _outside_extraction(), ids=lambda path: _name(path))
def test_modules_outside_extraction_are_short(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_name(path)} has {lines} lines (limit {MAX_MODULE_LINES})"


@pytest.mark.parametrize("path", _outside_extraction(), ids=lambda path: _name(path))
def test_classes_outside_extraction_are_short(path):
    assert long_classes(path.read_text(encoding="utf-8")) == [], _name(path)


@pytest.mark.parametrize("path", _modules(), ids=lambda path: _name(path))
def test_stages_do_not_reach_into_each_other(path):
    assert boundary_problems(_name(path), path.read_text(encoding="utf-8")) == []


def test_every_exit_code_is_a_dossier_error_in_errors_py():
    """No literal exit code elsewhere: the CLI maps the error classes of errors.py to codes."""
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and path.name != "errors.py":
                assigned = [target.id for item in node.body if isinstance(item, ast.Assign)
                            for target in item.targets if isinstance(target, ast.Name)]
                assert "exit_code" not in assigned, f"{_name(path)}.{node.name} defines an exit code"
            if isinstance(node, ast.Call) and _called(node) in ("sys.exit", "exit", "SystemExit", "ctx.exit"):
                literal = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and arg.value]
                assert not literal, f"{_name(path)} exits with {literal} at line {node.lineno}"


def _called(call: ast.Call) -> str:
    return ast.unparse(call.func)


# The checks above must be able to fail: each scanner on a source that breaks its rule.

def test_the_scanners_find_what_they_look_for():
    long_class = "class Big:\n" + "    x = 1\n" * 300
    assert long_classes(long_class) == [("Big", 301)]
    assert boundary_problems("generator.resolve", "from generator.extract.actors import _key") == [
        "generator.resolve imports the private name _key of generator.extract.actors",
        "generator.resolve (resolve) imports generator.extract.actors (extract)"]
    assert boundary_problems("generator.readers.text", "from generator.readers.cleanup import _x") == []
    assert boundary_problems("generator.ingest", "import mkdocs.plugins") == [
        "generator.ingest imports mkdocs.plugins: only generator.mkdocs_plugin may import MkDocs"]
    assert boundary_problems("generator.render.briefing", "from generator.xref import CrossReference") == []
    assert stage_of("generator.render.links") == "render" and stage_of("generator.text") is None
