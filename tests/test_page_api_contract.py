"""One way into the page: ``ui.page_api.PageApi`` is the only caller of the page, every function it calls
exists in the page's JS, and docs/bridge.md lists exactly those functions. No display needed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "corridor_map"
PAGE_API = SRC / "ui" / "page_api.py"
WEB_VIEW = SRC / "ui" / "web.py"
JS_DIR = SRC / "mapgen" / "js"
BRIDGE_DOC = ROOT / "docs" / "bridge.md"


def page_api_calls() -> set[str]:
    """The page functions PageApi calls: the first argument of every ``self._call("…")``."""
    called = set()
    for node in ast.walk(ast.parse(PAGE_API.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "_call"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            called.add(str(node.args[0].value))
    return called


def js_functions() -> set[str]:
    """``CM.name = function`` and ``CMX.name = function`` defined in the page's scripts."""
    defined = set()
    for script in JS_DIR.glob("*.js"):
        text = script.read_text(encoding="utf-8")
        defined |= {f"{obj}.{name}" for obj, name in re.findall(r"\b(CMX?)\.(\w+)\s*=\s*function\b", text)}
    return defined


def documented_functions() -> set[str]:
    """The first column of docs/bridge.md's "Page API (Python → page)" table."""
    text = BRIDGE_DOC.read_text(encoding="utf-8")
    start = text.index("## Page API (Python → page)")
    end = text.find("\n## ", start + 1)
    section = text[start : end if end != -1 else None]
    return set(re.findall(r"^\|\s*`(CMX?\.\w+)`", section, flags=re.MULTILINE))


def test_the_page_api_calls_only_functions_the_page_defines() -> None:
    called = page_api_calls()
    assert len(called) >= 15, called  # the parser found the calls (not an empty set that passes anything)
    missing = called - js_functions()
    assert not missing, f"PageApi calls functions the page does not define: {sorted(missing)}"


def test_bridge_md_lists_exactly_the_functions_the_page_api_calls() -> None:
    called, documented = page_api_calls(), documented_functions()
    assert not called - documented, f"not in docs/bridge.md: {sorted(called - documented)}"
    assert not documented - called, f"in docs/bridge.md but never called: {sorted(documented - called)}"


def python_sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_only_the_page_api_and_its_view_run_code_in_the_page() -> None:
    """No other module of src/ runs JS, injects scripts or calls page functions by name."""
    allowed = {PAGE_API, WEB_VIEW}
    patterns = {
        "runJavaScript": re.compile(r"runJavaScript\("),
        "run_js": re.compile(r"\.run_js\("),
        "a page function by name": re.compile(r"\.call\(\s*[\"']"),
        "a script injected": re.compile(r"set_creation_script\(|\.scripts\(\)"),
    }
    offenders = []
    for path in python_sources():
        if path in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.relative_to(ROOT)}: {what}" for what, rx in patterns.items() if rx.search(text)]
    assert not offenders, offenders
    # the scan itself works: the page API does run code
    assert patterns["run_js"].search(PAGE_API.read_text(encoding="utf-8"))


def test_python_sets_no_window_globals_and_the_page_signals_no_state_in_its_title() -> None:
    globals_set = re.compile(r"window\.CM_\w+\s*=")
    offenders = [
        str(p.relative_to(ROOT)) for p in python_sources() if globals_set.search(p.read_text("utf-8"))
    ]
    assert not offenders, f"window globals set from Python: {offenders}"
    title_protocol = [
        str(p.relative_to(ROOT))
        for p in JS_DIR.glob("*.js")
        if re.search(r"document\.title\s*=", p.read_text("utf-8"))
    ]
    assert not title_protocol, f"page state passed through document.title: {title_protocol}"
    polled = [str(p.relative_to(ROOT)) for p in python_sources() if "titleChanged" in p.read_text("utf-8")]
    assert not polled, f"the page's title listened to: {polled}"
