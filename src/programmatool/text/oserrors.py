"""Operating-system errors in Dutch: the system's own text (strerror) is English."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "niet toegestaan",
    errno.EISDIR: "is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "bestaat al",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.ELOOP: "te veel symbolische links (een lus?)",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EMFILE: "te veel open bestanden",
    errno.EBUSY: "is in gebruik",
    errno.EIO: "invoer-/uitvoerfout van het apparaat",
}


def reason(exc: OSError) -> str:
    """A short Dutch reason for an OSError, for messages like 'kan X niet lezen: <reden>'."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return f"systeemfout {exc.errno}" if exc.errno is not None else "systeemfout"
