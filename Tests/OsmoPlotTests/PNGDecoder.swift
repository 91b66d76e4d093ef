/// A minimal PNG decoder for the browser test: 8-bit RGB or RGBA, not interlaced (what Chromium's
/// `--screenshot` writes), with its own inflate (RFC 1951), so the test needs no image library.
struct PNGImage {
    var width: Int
    var height: Int
    /// RGB triples, row-major.
    var rgb: [UInt8]

    struct DecodeError: Error, CustomStringConvertible {
        var description: String
    }

    init(_ bytes: [UInt8]) throws {
        guard bytes.count > 8, Array(bytes[0..<8]) == [137, 80, 78, 71, 13, 10, 26, 10] else { throw DecodeError(description: "not a PNG") }
        var pos = 8
        var w = 0, h = 0, colorType = 0
        var idat: [UInt8] = []
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        while pos + 8 <= bytes.count {
            let len = be32(pos)
            let type = String(decoding: bytes[(pos + 4)..<(pos + 8)], as: UTF8.self)
            let data = pos + 8
            guard data + len <= bytes.count else { throw DecodeError(description: "truncated chunk \(type)") }
            switch type {
            case "IHDR":
                w = be32(data)
                h = be32(data + 4)
                colorType = Int(bytes[data + 9])
                guard bytes[data + 8] == 8, colorType == 2 || colorType == 6, bytes[data + 12] == 0 else {
                    throw DecodeError(description: "unsupported PNG: depth \(bytes[data + 8]), colour type \(colorType), interlace \(bytes[data + 12])")
                }
            case "IDAT": idat += bytes[data..<(data + len)]
            default: break
            }
            pos = data + len + 4
        }
        guard idat.count > 2 else { throw DecodeError(description: "no image data") }
        let raw = try Inflate.decompress(Array(idat[2...]))  // skip the zlib header
        let bpp = colorType == 6 ? 4 : 3, stride = w * bpp
        guard raw.count >= h * (stride + 1) else { throw DecodeError(description: "short image data: \(raw.count) < \(h * (stride + 1))") }
        var cur = [UInt8](repeating: 0, count: stride), prev = [UInt8](repeating: 0, count: stride)
        var rgb = [UInt8]()
        rgb.reserveCapacity(w * h * 3)
        for y in 0..<h {
            let base = y * (stride + 1)
            let filter = raw[base]
            for i in 0..<stride {
                let x = raw[base + 1 + i]
                let a = i >= bpp ? Int(cur[i - bpp]) : 0, b = Int(prev[i]), c = i >= bpp ? Int(prev[i - bpp]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw DecodeError(description: "bad filter \(filter)")
                }
                cur[i] = x &+ UInt8(predicted & 0xFF)
            }
            for px in 0..<w { rgb += cur[(px * bpp)..<(px * bpp + 3)] }
            swap(&cur, &prev)
        }
        (width, height, self.rgb) = (w, h, rgb)
    }

    func pixel(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
        let i = (y * width + x) * 3
        return (rgb[i], rgb[i + 1], rgb[i + 2])
    }
}

/// DEFLATE decompression (stored, fixed and dynamic Huffman blocks), after zlib's `puff.c`.
enum Inflate {
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]
        init(lengths: [Int]) {
            symbols = [Int](repeating: 0, count: lengths.count)
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offs = [Int](repeating: 0, count: 16)
            for i in 1..<16 { offs[i] = offs[i - 1] + counts[i - 1] }
            for (s, l) in lengths.enumerated() where l != 0 {
                symbols[offs[l]] = s
                offs[l] += 1
            }
        }
    }

    struct Reader {
        let data: [UInt8]
        var pos = 0, bitBuf = 0, bitCount = 0
        mutating func bits(_ n: Int) throws -> Int {
            var v = bitBuf
            while bitCount < n {
                guard pos < data.count else { throw PNGImage.DecodeError(description: "inflate: out of input") }
                v |= Int(data[pos]) << bitCount
                pos += 1
                bitCount += 8
            }
            bitBuf = v >> n
            bitCount -= n
            return v & ((1 << n) - 1)
        }
        mutating func decode(_ h: Huffman) throws -> Int {
            var code = 0, first = 0, index = 0
            for len in 1..<16 {
                code |= try bits(1)
                let count = h.counts[len]
                if code - count < first { return h.symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw PNGImage.DecodeError(description: "inflate: bad code")
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                           4097, 6145, 8193, 12289, 16385, 24577]
    static let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static func decompress(_ data: [UInt8]) throws -> [UInt8] {
        var r = Reader(data: data)
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 4)
        var last = 0
        repeat {
            last = try r.bits(1)
            switch try r.bits(2) {
            case 0:
                r.bitBuf = 0
                r.bitCount = 0
                guard r.pos + 4 <= data.count else { throw PNGImage.DecodeError(description: "inflate: short stored block") }
                let len = Int(data[r.pos]) | Int(data[r.pos + 1]) << 8
                r.pos += 4
                guard r.pos + len <= data.count else { throw PNGImage.DecodeError(description: "inflate: short stored block") }
                out += data[r.pos..<(r.pos + len)]
                r.pos += len
            case 1:
                let lit = Huffman(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
                let dist = Huffman(lengths: [Int](repeating: 5, count: 30))
                try codes(&r, &out, lit, dist)
            case 2:
                let nlen = try r.bits(5) + 257, ndist = try r.bits(5) + 1, ncode = try r.bits(4) + 4
                let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
                var cl = [Int](repeating: 0, count: 19)
                for i in 0..<ncode { cl[order[i]] = try r.bits(3) }
                let clh = Huffman(lengths: cl)
                var lengths: [Int] = []
                while lengths.count < nlen + ndist {
                    let sym = try r.decode(clh)
                    switch sym {
                    case 0..<16: lengths.append(sym)
                    case 16:
                        guard let prev = lengths.last else { throw PNGImage.DecodeError(description: "inflate: repeat with no length") }
                        lengths += [Int](repeating: prev, count: 3 + (try r.bits(2)))
                    case 17: lengths += [Int](repeating: 0, count: 3 + (try r.bits(3)))
                    default: lengths += [Int](repeating: 0, count: 11 + (try r.bits(7)))
                    }
                }
                try codes(&r, &out, Huffman(lengths: Array(lengths[0..<nlen])), Huffman(lengths: Array(lengths[nlen..<(nlen + ndist)])))
            default:
                throw PNGImage.DecodeError(description: "inflate: bad block type")
            }
        } while last == 0
        return out
    }

    static func codes(_ r: inout Reader, _ out: inout [UInt8], _ lit: Huffman, _ dist: Huffman) throws {
        while true {
            let sym = try r.decode(lit)
            if sym < 256 {
                out.append(UInt8(sym))
            } else if sym == 256 {
                return
            } else {
                let i = sym - 257
                guard i < 29 else { throw PNGImage.DecodeError(description: "inflate: bad length") }
                let len = lengthBase[i] + (try r.bits(lengthExtra[i]))
                let d = try r.decode(dist)
                guard d < 30 else { throw PNGImage.DecodeError(description: "inflate: bad distance") }
                let back = distBase[d] + (try r.bits(distExtra[d]))
                guard back <= out.count else { throw PNGImage.DecodeError(description: "inflate: distance too far") }
                let start = out.count - back
                for k in 0..<len { out.append(out[start + k]) }
            }
        }
    }
}
