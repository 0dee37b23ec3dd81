"""Distribution-protected (배포용) HWP: the ``ViewText/Section{n}`` streams decrypted.

Each stream starts with an HWPTAG_DISTRIBUTE_DOC_DATA record of 256 bytes, scrambled
with an MSVC ``rand()``-style generator seeded by its first four bytes; the AES key is 16
of the unscrambled bytes at ``4 + (seed & 0xF)``. The rest of the stream is AES-128-ECB
ciphertext of the (usually compressed) section records. The decrypted output is checked
against pyhwp's ``Hwp5File.text`` in the tests.
"""

from __future__ import annotations

from pledgecard.extract.base import ReadError
from pledgecard.extract.hwp.records import TAG_DISTRIBUTE_DOC_DATA

#: cryptography is a dependency of pledgecard (pyproject.toml); only a broken install lacks it.
MISSING_CRYPTOGRAPHY = ("distribution-protected (배포용) HWP needs the 'cryptography' package, a dependency of "
                        "pledgecard that is missing here: pip install cryptography")
_DOC_DATA_SIZE = 256
_AES_BLOCK = 16


def _lcg(seed: int) -> tuple[int, int]:
    """The next generator state and its 15-bit output."""
    seed = (seed * 214013 + 2531011) & 0xFFFFFFFF
    return seed, (seed >> 16) & 0x7FFF


def doc_data_key(payload: bytes) -> bytes:
    """The AES-128 key hidden in a DISTRIBUTE_DOC_DATA payload."""
    data = bytearray(payload)
    seed = int.from_bytes(data[:4], "little")
    state = seed
    key = 0
    run = 0
    for i in range(_DOC_DATA_SIZE):
        if run == 0:
            state, value = _lcg(state)
            key = value & 0xFF
            state, value = _lcg(state)
            run = (value & 0xF) + 1
        if i >= 4:
            data[i] ^= key
        run -= 1
    offset = 4 + (seed & 0xF)
    return bytes(data[offset:offset + 16])


def decrypt_view_text(data: bytes, stream: str) -> bytes:
    """The section bytes of one ``ViewText`` stream, still compressed if the file is."""
    if len(data) < 4:
        raise ReadError(f"truncated distribution header in {stream}")
    header = int.from_bytes(data[:4], "little")
    tag, size = header & 0x3FF, header >> 20
    if tag != TAG_DISTRIBUTE_DOC_DATA or size != _DOC_DATA_SIZE or len(data) < 4 + _DOC_DATA_SIZE:
        raise ReadError(f"{stream} does not start with a distribution (배포용) key record")
    key = doc_data_key(data[4:4 + _DOC_DATA_SIZE])
    tail = data[4 + _DOC_DATA_SIZE:]
    tail = tail[:len(tail) - len(tail) % _AES_BLOCK]
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError as exc:  # imported here, not at start-up: few files need it
        raise ReadError(MISSING_CRYPTOGRAPHY) from exc
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()
    return decryptor.update(tail) + decryptor.finalize()
