"""MailTrixy Desktop: a native Qt client for the MailTrixy REST API.

Layers, each a subpackage importing only those after it in this list
(enforced by import-linter, see ``pyproject.toml`` and ``docs/ARCHITECTURE.md``):
``app`` → ``ui`` → ``services`` → ``sync`` → ``store`` → ``api``.
"""

__version__ = "0.1.0"
