"""What the store raises beyond ``sqlite3``'s own errors."""

from __future__ import annotations


class StoreError(Exception):
    """Base of the store's own errors."""


class SchemaTooNewError(StoreError):
    """The cache file was written by a newer version of the app than this one."""

    def __init__(self, path: str, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"the local cache {path} has schema version {found}, but this version of "
            f"MailTrixy Desktop knows versions up to {supported}; update the app, or "
            f"delete the file to rebuild the cache from the server"
        )
