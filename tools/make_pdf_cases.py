"""Write the hostile and odd PDF fixtures of tests/data/pdf/ (needs pikepdf and Pillow).

    python tools/make_pdf_cases.py

password.pdf      a sample card encrypted with a user password ("12345")
image-only.pdf    a one-page scan: an image and no text layer
mixed-scan.pdf    a sample card with an image-only page appended
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "pdf"
CARD = ROOT / "samples" / "missing-parts" / "missing-parts.pdf"


def scan_page_pdf() -> bytes:
    image = Image.new("L", (595, 842), 255)
    ImageDraw.Draw(image).rectangle((80, 80, 515, 200), outline=0, width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=72)
    return buffer.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with pikepdf.open(CARD) as pdf:
        pdf.save(OUT / "password.pdf", encryption=pikepdf.Encryption(user="12345", owner="12345", R=6))
    (OUT / "image-only.pdf").write_bytes(scan_page_pdf())
    with pikepdf.open(CARD) as pdf, pikepdf.open(io.BytesIO(scan_page_pdf())) as scan:
        pdf.pages.extend(scan.pages)
        pdf.save(OUT / "mixed-scan.pdf")
    for path in sorted(OUT.glob("*.pdf")):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
