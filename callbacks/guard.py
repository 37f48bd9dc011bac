"""Callback requests that are not what the page sends get HTTP 400 with one line, never a 500.

Dash trusts its callback endpoint's body: a missing key, an output list of the wrong shape or an
input the callback does not declare ends in an exception deep inside Dash or inside a callback
(a 500 and a long traceback in the log). So each request is checked first against the app's own
callback map: the callback named exists, and its outputs, inputs and state are exactly those the
callback declares, in the shapes the page sends (an object per property, a list of them for an
`ALL` pattern). The body is bounded in size (413, `MAX_BODY_BYTES` for the whole site) and in
nesting depth. The values themselves are each callback's business: every callback turns what it
receives into a valid view (`data.view.view_from_inputs`), which a property test checks.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass

from dash import Dash
from flask import Response, request
from werkzeug.exceptions import RequestEntityTooLarge

from data.context import AppData

MAX_BODY_BYTES = 64 * 1024  # the largest request the pages send is under 10 kB
MAX_DEPTH = 24  # levels of nesting: a map click, the deepest request the pages send, has about 7
MAX_MATCHES = 64  # ids one `ALL` pattern may match (the country buttons: 5)
WILDCARDS = ("ALL", "MATCH", "ALLSMALLER")


@dataclass(frozen=True)
class Prop:
    """One property a callback declares: a component id (a string, or a pattern's keys) and its name."""

    id: str | Mapping[str, object]
    name: str

    @property
    def many(self) -> bool:
        """An `ALL` or `ALLSMALLER` pattern: the page sends a list of matching ids."""
        return isinstance(self.id, Mapping) and any(v in ("ALL", "ALLSMALLER") for v in self.id.values())

    def matches(self, item: object) -> bool:
        if not isinstance(item, dict) or clean(item.get("property")) != self.name:
            return False
        given = item.get("id")
        if isinstance(self.id, str):
            return given == self.id
        if not isinstance(given, dict) or set(given) != set(self.id):
            return False
        return all(
            isinstance(given[key], str | int | float) and not isinstance(given[key], bool)
            if wanted in WILDCARDS
            else given[key] == wanted
            for key, wanted in self.id.items()
        )

    def problem(self, sent: object, where: str) -> str | None:
        """What is wrong with the part of a request that stands for this property, or None."""
        if self.many:
            if not isinstance(sent, list) or len(sent) > MAX_MATCHES:
                return f"{where} must be a list of up to {MAX_MATCHES} items for the pattern {self.label}"
            items = sent
        else:
            items = [sent]
        if not all(self.matches(item) for item in items):
            return f"{where} does not match {self.label}"
        return None

    @property
    def label(self) -> str:
        component = self.id if isinstance(self.id, str) else json.dumps(self.id, sort_keys=True)
        return f"{component}.{self.name}"


def clean(name: object) -> object:
    """A property's name without the suffix Dash adds to a duplicate output (`data@1a2b…`)."""
    return name.split("@")[0] if isinstance(name, str) else name


def declared_id(component_id: object) -> str | Mapping[str, object]:
    """A component id as Dash's callback map holds it: a string, a pattern's JSON, or a pattern."""
    if isinstance(component_id, str) and component_id.startswith("{"):
        component_id = json.loads(component_id)
    if isinstance(component_id, Mapping):
        return {key: wildcard_name(value) for key, value in component_id.items()}
    return str(component_id)


def wildcard_name(value: object) -> object:
    """`ALL` for a pattern's wildcard (`ALL` in an Output, `["ALL"]` in the map's JSON), else the value."""
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        value = json.loads(to_json())
    if isinstance(value, list) and len(value) == 1 and value[0] in WILDCARDS:
        return value[0]
    return value


@dataclass(frozen=True)
class Signature:
    """What a request to one server callback must carry."""

    outputs: tuple[Prop, ...]
    multi: bool  # several outputs: the page sends a list, one entry per output
    inputs: tuple[Prop, ...]
    state: tuple[Prop, ...]


def signatures(app: Dash) -> dict[str, Signature]:
    """Each server callback's signature, by the `output` key a request names it with."""
    found: dict[str, Signature] = {}
    for key, spec in app.callback_map.items():
        if "callback" not in spec:
            continue
        declared = spec["output"]
        outputs = declared if isinstance(declared, list | tuple) else [declared]
        found[key] = Signature(
            outputs=tuple(Prop(declared_id(o.component_id), clean(o.component_property)) for o in outputs),
            multi=key.startswith(".."),
            inputs=tuple(Prop(declared_id(i["id"]), i["property"]) for i in spec["inputs"]),
            state=tuple(Prop(declared_id(s["id"]), s["property"]) for s in spec.get("state", [])),
        )
    return found


def too_deep(value: object, limit: int = MAX_DEPTH) -> bool:
    """Is `value` nested more than `limit` lists and objects deep? (Iterative: any depth is safe.)"""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                return True
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return False


def envelope_problem(body: object, known: Mapping[str, Signature]) -> str | None:
    """What is wrong with a callback request body, or None when it is one the pages could send."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    if too_deep(body):
        return f"the body is nested more than {MAX_DEPTH} levels deep"
    output = body.get("output")
    if not isinstance(output, str):
        return "'output' is missing or not a string"
    signature = known.get(output)
    if signature is None:
        return "'output' names no server callback of this app"
    outputs = body.get("outputs")
    if signature.multi:
        if not isinstance(outputs, list) or len(outputs) != len(signature.outputs):
            return f"'outputs' must be a list of {len(signature.outputs)} entries"
        sent_outputs = outputs
    else:
        sent_outputs = [outputs]
    for number, (prop, sent) in enumerate(zip(signature.outputs, sent_outputs, strict=True)):
        if problem := prop.problem(sent, f"'outputs' entry {number + 1}"):
            return problem
    for key, declared in (("inputs", signature.inputs), ("state", signature.state)):
        values = body.get(key, [] if key == "state" else None)
        if not isinstance(values, list):
            return f"'{key}' must be a list"
        if len(values) != len(declared):
            entries = "1 entry" if len(declared) == 1 else f"{len(declared)} entries"
            return f"'{key}' must have {entries}, one per declared {key.removesuffix('s')}"
        for number, (prop, sent) in enumerate(zip(declared, values, strict=True)):
            if problem := prop.problem(sent, f"'{key}' entry {number + 1}"):
                return problem
    changed = body.get("changedPropIds", [])
    if (
        not isinstance(changed, list)
        or len(changed) > MAX_MATCHES
        or not all(isinstance(c, str) and len(c) < 256 for c in changed)
    ):
        return "'changedPropIds' must be a list of strings"
    return None


def body_problem() -> str | None:
    """What is wrong with the request's body as JSON, or None (the JSON is then cached for Dash)."""
    try:
        request.get_json(silent=True)
    except RecursionError:  # deeper than the JSON parser's own recursion allows
        return f"the body is nested more than {MAX_DEPTH} levels deep"
    return None


def _text(message: str, status: int) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")


def register(app: Dash, data: AppData) -> None:
    endpoint = app.config.requests_pathname_prefix + "_dash-update-component"
    app.server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES

    @functools.cache
    def known() -> dict[str, Signature]:
        return signatures(app)  # read at the first request, once every callback is registered

    @app.server.before_request
    def check_callback_request() -> Response | None:
        if request.path != endpoint or request.method != "POST":
            return None
        problem = body_problem() or envelope_problem(request.get_json(silent=True), known())
        return None if problem is None else _text(f"Bad callback request: {problem}", 400)

    @app.server.errorhandler(RequestEntityTooLarge)
    def too_large(_error: RequestEntityTooLarge) -> Response:
        return _text(f"Request too large: at most {MAX_BODY_BYTES // 1024} kB", 413)
