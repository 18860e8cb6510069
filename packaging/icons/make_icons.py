"""Draw the app icon (PNG sizes for Linux, a multi-size .ico for Windows) with Pillow.

Run once after changing the design; the outputs are committed beside this script:

    .venv/bin/python packaging/icons/make_icons.py

The design: a blue tile (Okabe-Ito blue, as in the charts), a dashed white border line, and
an orange arrow crossing it, the app's subject in one glance even at 16 pixels.
"""

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
BLUE, ORANGE, WHITE = (0, 114, 178, 255), (230, 159, 0, 255), (255, 255, 255, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> Image.Image:
    big = 1024  # draw large, then scale down smoothly
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((40, 40, big - 40, big - 40), radius=190, fill=BLUE)
    # the border: a dashed vertical line
    x = big // 2
    for y in range(150, big - 150, 120):
        d.rectangle((x - 26, y, x + 26, y + 70), fill=WHITE)
    # the crossing: an arrow from left to right
    y = big // 2 + 40
    d.rectangle((190, y - 60, 640, y + 60), fill=ORANGE)
    d.polygon([(600, y - 190), (850, y), (600, y + 190)], fill=ORANGE)
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    images = {s: draw(s) for s in SIZES}
    for s in (48, 128, 256):
        images[s].save(HERE / f"displacement-tracker-{s}.png")
    images[256].save(HERE / "displacement-tracker.ico", sizes=[(s, s) for s in SIZES])


if __name__ == "__main__":
    main()
