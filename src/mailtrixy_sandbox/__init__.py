"""MailTrixy API sandbox: an independent, MailTrixy-compatible REST server.

FastAPI + uvicorn + SQLite. The desktop app's demo mode, the end-to-end tests
and the benchmarks run against it on loopback. It is written from the API
reference alone and never imports ``mailtrixy_desktop``, so a misreading of the
reference on either side shows up as a failing test on the other.
"""

__version__ = "0.1.0"
