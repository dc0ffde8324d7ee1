"""Every test of a user's action on the map uses real input (``corridor_map.ui.real_input``).

Leaflet's ``fire()``, a DOM ``dispatchEvent()`` or a direct call of the page's bridge or handlers skip
the browser's hit testing: such a test passes even when a layer on top swallows every real click (the
first version shipped that way). This scan fails on them anywhere in tests/, except in the short list
below of cases that are not a user's action.
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent

# JS that stands in for the browser's input path: Leaflet events, DOM events, the page's bridge and
# its handlers called directly.
SIMULATED = re.compile(
    r"\.fire\(|\bfire\(['\"]|dispatchEvent\(|CM\.bridge\.|new (Mouse|Pointer|Touch|Keyboard|Wheel)Event\("
    r"|\._onClick\(|\._onMouseMove\(|\._handleMouseHover\(|_fireDOMEvent\(|_handleDOMEvent\("
    r"|onBackgroundClick\(|\.(countryClicked|dealerClicked|backgroundClicked)\("
)

# (file, text on the line, why it is not a user's action)
ALLOWED = [
    (
        "ui/test_linked_map.py",
        "CM.bridge.deleteLater()",
        "a hostile page script destroying the bridge: the app must rebuild it",
    ),
    (
        "hardening/test_monkey.py",
        "CM.bridge.countryClicked(",
        "a hostile page script calling the bridge with malformed arguments: they must be refused",
    ),
]


def simulated_input(root: Path = TESTS) -> list[str]:
    """``file:line: text`` of each line in ``root``'s Python files that simulates input, unless allowed."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.resolve() == Path(__file__).resolve():
            continue
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SIMULATED.search(line) and not any(rel == f and text in line for f, text, _ in ALLOWED):
                found.append(f"{rel}:{number}: {line.strip()}")
    return found


def test_no_test_simulates_a_users_input() -> None:
    found = simulated_input()
    assert found == [], "use corridor_map.ui.real_input instead of simulated events:\n" + "\n".join(found)


def test_every_allowed_case_still_exists() -> None:
    """The allowed list stays short and true: each entry still names a line of its file."""
    for rel, text, _why in ALLOWED:
        assert text in (TESTS / rel).read_text(encoding="utf-8"), (rel, text)


def test_the_scan_finds_each_kind_of_simulated_input(tmp_path: Path) -> None:
    lines = [
        "run_js(w, \"l.fire('click', {}); 1\")",
        "run_js(w, \"layer.fire('mouseover')\")",
        "run_js(w, \"document.body.dispatchEvent(new MouseEvent('click'))\")",
        "run_js(w, \"CM.bridge.countryClicked('THA', false)\")",
        "run_js(w, \"CM.map._paneRenderers['cm-countries']._onClick(e)\")",
        'run_js(w, "CM.onBackgroundClick({})")',
    ]
    (tmp_path / "test_fake.py").write_text("\n".join(lines) + "\nreal_input.click(view, spot)\n")
    found = simulated_input(tmp_path)
    assert [f.split(":")[1] for f in found] == [str(n) for n in range(1, len(lines) + 1)]
