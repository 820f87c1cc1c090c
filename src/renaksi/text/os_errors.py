"""Operating-system errors in Indonesian: the C library's own text is always English."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "tidak ada (atau tautan simbolik yang menunjuk ke berkas yang tidak ada)",
    errno.EACCES: "izin ditolak",
    errno.EPERM: "izin ditolak",
    errno.ELOOP: "tautan simbolik berputar (menunjuk ke dirinya sendiri)",
    errno.EISDIR: "sebuah folder, padahal yang diharapkan berkas",
    errno.ENOTDIR: "bagian jalurnya bukan folder",
    errno.ENAMETOOLONG: "nama jalurnya terlalu panjang",
    errno.EIO: "galat masukan/keluaran pada disk atau perangkat",
    errno.ENOSPC: "ruang disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.EFBIG: "berkas melebihi ukuran terbesar yang diizinkan",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.EPIPE: "pembacanya sudah berhenti membaca",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Indonesian (with the errno name otherwise)."""
    reason = _REASONS.get(exc.errno or 0)
    if reason is not None:
        return reason
    name = errno.errorcode.get(exc.errno or 0, "galat sistem")
    return f"galat sistem {name}"
