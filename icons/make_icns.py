#!/usr/bin/env python3
"""Write a macOS .icns file from PNG files (no macOS tools needed).

ICNS is a simple container: the magic 'icns', a big-endian 32-bit total
length, then chunks of (4-byte type, 32-bit length including the 8-byte
header, data). Since macOS 10.7 every chunk type below may hold a PNG.

usage: make_icns.py OUT.icns SIZE=FILE.png [SIZE=FILE.png ...]
"""
import struct
import sys

# pixel size -> chunk types holding a PNG of that size
# (icp4/icp5/icp6: 16/32/64; ic07..ic10: 128..1024; ic11..ic14: @2x variants)
TYPES = {
    16: [b"icp4"],
    32: [b"icp5", b"ic11"],    # 32x32 and 16x16@2x
    64: [b"icp6", b"ic12"],    # 64x64 and 32x32@2x
    128: [b"ic07"],
    256: [b"ic08", b"ic13"],   # 256x256 and 128x128@2x
    512: [b"ic09", b"ic14"],   # 512x512 and 256x256@2x
    1024: [b"ic10"],           # 512x512@2x
}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != PNG_MAGIC or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, specs = argv[1], argv[2:]
    chunks = []
    for spec in specs:
        size_s, path = spec.split("=", 1)
        size = int(size_s)
        with open(path, "rb") as f:
            data = f.read()
        w, h = png_size(data)
        if (w, h) != (size, size):
            raise SystemExit(f"{path}: is {w}x{h}, expected {size}x{size}")
        for t in TYPES[size]:
            chunks.append(t + struct.pack(">I", len(data) + 8) + data)
    body = b"".join(chunks)
    with open(out, "wb") as f:
        f.write(b"icns" + struct.pack(">I", len(body) + 8) + body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
