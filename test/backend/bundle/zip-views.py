"""How two other zip readers see a file, as JSON on stdout (used by parity-zip.test.ts).

- "zipfile": Python's zipfile (central directory first, like yauzl and unzip): namelist() and testzip().
- "stream": a streaming walk over the local headers, the way Java's ZipInputStream or libarchive read a zip
  that arrives as a stream: local sizes, data descriptors and CRC-32 as the local records state them.
"""
import json
import struct
import sys
import zipfile
import zlib


def zipfile_view(path):
    r = {"ok": True, "names": [], "note": ""}
    try:
        with zipfile.ZipFile(path) as z:
            r["names"] = z.namelist()
            bad = z.testzip()
            if bad is not None:
                r["ok"] = False
                r["note"] = "testzip: bad CRC-32 in " + bad
    except Exception as e:  # noqa: BLE001 - any failure is the verdict
        r["ok"] = False
        r["note"] = type(e).__name__ + ": " + str(e)[:200]
    return r


def zip64_local(extra):
    i = 0
    while i + 4 <= len(extra):
        hid, size = struct.unpack("<HH", extra[i:i + 4])
        if hid == 1:
            return True
        i += 4 + size
    return False


def stream_view(path):
    data = open(path, "rb").read()
    pos, names = 0, []
    try:
        while data[pos:pos + 4] == b"PK\x03\x04":
            flags, method, _t, _d, crc, csize, usize, n, m = struct.unpack("<HHHHIIIHH", data[pos + 6:pos + 30])
            names.append(data[pos + 30:pos + 30 + n].decode("utf-8", "replace"))
            start = pos + 30 + n + m
            if flags & 8:
                if method == 8:
                    d = zlib.decompressobj(-15)
                    body = d.decompress(data[start:])
                    end = len(data) - len(d.unused_data)
                else:
                    # Stored with a descriptor: the first signed descriptor whose size fits.
                    end = start
                    while True:
                        end = data.index(b"PK\x07\x08", end)
                        if struct.unpack("<I", data[end + 8:end + 12])[0] == end - start:
                            break
                        end += 1
                    body = data[start:end]
                desc = end + 4 if data[end:end + 4] == b"PK\x07\x08" else end
                # ZIP64 descriptor: a ZIP64 local field (APPNOTE 4.3.9.2) or more than 4 GiB (ZipInputStream).
                if zip64_local(data[pos + 30 + n:start]) or end - start >= 0xFFFFFFFF or len(body) >= 0xFFFFFFFF:
                    crc, csize, usize = struct.unpack("<IQQ", data[desc:desc + 20])
                    pos = desc + 20
                else:
                    crc, csize, usize = struct.unpack("<III", data[desc:desc + 12])
                    pos = desc + 12
                if csize != end - start:
                    raise ValueError("descriptor size of " + names[-1] + " differs from its data")
            else:
                raw = data[start:start + csize]
                body = zlib.decompress(raw, -15) if method == 8 else raw
                pos = start + csize
            if len(body) != usize or zlib.crc32(body) != crc:
                raise ValueError("size or CRC-32 of " + names[-1] + " differs from its local record")
        if data[pos:pos + 4] != b"PK\x01\x02":
            raise ValueError("no central directory where the last entry ends (byte %d)" % pos)
    except Exception as e:  # noqa: BLE001
        return {"ok": False, "names": names, "note": type(e).__name__ + ": " + str(e)[:200]}
    return {"ok": True, "names": names, "note": ""}


print(json.dumps({"zipfile": zipfile_view(sys.argv[1]), "stream": stream_view(sys.argv[1])}))
