"""Errors as the reference and DESIGN.md shape them.

Every error body is ``{"success": false, "message": "...", "errors": {...}}``;
validation errors list messages per field.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

STATUS_MESSAGES = {
    400: "The request body is not valid JSON.",
    401: "Missing or invalid API token.",
    403: "This token lacks the required scope.",
    404: "Resource not found.",
    405: "Method not allowed.",
    409: "The request conflicts with the resource's current state.",
    422: "The given data was invalid.",
    429: "Too many requests.",
    500: "Internal server error.",
}


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        message: str | None = None,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message or STATUS_MESSAGES.get(status, "Error"))
        self.status = status
        self.message = message or STATUS_MESSAGES.get(status, "Error")
        self.errors = errors
        self.headers = headers
        self.extra = extra


class NotFound(ApiError):
    def __init__(self, what: str) -> None:
        super().__init__(404, f"{what} not found.")


class Conflict(ApiError):
    def __init__(self, message: str) -> None:
        super().__init__(409, message)


class Invalid(ApiError):
    """422 with messages per field."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(422, "The given data was invalid.", errors=errors)


class FieldErrors:
    """Collects validation messages per field, then raises them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise Invalid(self.errors)


def error_body(
    message: str, errors: dict[str, list[str]] | None = None, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"success": False, "message": message}
    if errors:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return body


def error_response(
    status: int,
    message: str | None = None,
    errors: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    return JSONResponse(
        error_body(message or STATUS_MESSAGES.get(status, "Error"), errors, extra),
        status_code=status,
        headers=headers,
    )


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = (
        [str(p) for p in loc[1:]]
        if loc and loc[0] in ("body", "query", "path")
        else list(map(str, loc))
    )
    return ".".join(parts) or "body"


def _friendly(error: dict[str, Any], field: str) -> str:
    kind = error.get("type", "")
    label = field.replace("_", " ")
    if kind == "missing":
        return f"The {label} field is required."
    if kind in (
        "string_type",
        "int_type",
        "int_parsing",
        "float_type",
        "float_parsing",
        "list_type",
        "dict_type",
        "bool_type",
        "bool_parsing",
    ):
        expected = {
            "string_type": "a string",
            "int_type": "an integer",
            "int_parsing": "an integer",
            "float_type": "a number",
            "float_parsing": "a number",
            "list_type": "an array",
            "dict_type": "an object",
            "bool_type": "a boolean",
            "bool_parsing": "a boolean",
        }[kind]
        return f"The {label} field must be {expected}."
    if kind == "value_error" and "email" in str(error.get("msg", "")).lower():
        return f"The {label} field must be a valid email address."
    message = str(error.get("msg", "Invalid value."))
    if kind == "value_error":
        message = message.removeprefix("Value error, ")  # our validators write whole sentences
    return message[0].upper() + message[1:] + ("" if message.endswith(".") else ".")


SQLITE_INT_MIN = -(2**63)
SQLITE_INT_MAX = 2**63 - 1


def _out_of_range(value: object) -> bool:
    """Whether ``value`` is an integer (or integer text) SQLite cannot store."""
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            return False
    return isinstance(value, int) and not SQLITE_INT_MIN <= value <= SQLITE_INT_MAX


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.errors, exc.headers, exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        raw = exc.errors()
        if any(e.get("type") == "json_invalid" for e in raw):
            return error_response(400, "The request body is not valid JSON.")
        if any(e.get("type") == "model_attributes_type" for e in raw) or any(
            tuple(e.get("loc", ())) == ("body",) and e.get("type") == "dict_type" for e in raw
        ):
            kind = request.headers.get("content-type", "")
            if "json" not in kind.lower():
                # curl -d sends form encoding by default: say what to change.
                return error_response(
                    400,
                    "Send the body as JSON with the header Content-Type: application/json"
                    + (f" (this request said {kind.split(';')[0]})." if kind else "."),
                )
            return error_response(400, "The request body must be a JSON object.")
        errors: dict[str, list[str]] = {}
        for e in raw:
            field = _field_name(tuple(e.get("loc", ())))
            errors.setdefault(field, []).append(_friendly(e, field))
        return error_response(422, "The given data was invalid.", errors)

    @app.exception_handler(OverflowError)
    async def _overflow(request: Request, _exc: OverflowError) -> JSONResponse:
        # SQLite stores integers in 64 bits; a larger id in the path or the query
        # reaches the database as an OverflowError. No row can have such an id.
        if any(_out_of_range(value) for value in request.path_params.values()):
            return error_response(404, "Resource not found.")
        problems = {
            name: [f"The {name.replace('_', ' ')} is out of range."]
            for name, value in request.query_params.items()
            if _out_of_range(value)
        }
        return error_response(
            422, "The given data was invalid.", problems or {"body": ["A number is out of range."]}
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = STATUS_MESSAGES.get(exc.status_code) or str(exc.detail)
        if exc.status_code == 404:
            message = "No such endpoint."
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return error_response(500, "Internal server error.")
