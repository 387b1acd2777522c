import Testing
@testable import ReaderState

@Suite struct SHA256Tests {
    /// FIPS 180-2 / NIST examples; then CJK text and lengths around the padding boundary, whose
    /// digests come from coreutils `sha256sum`.
    static let vectors: [(input: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ("钱塘区", "5604c4a3441cbb69f5eed8b97ee834fcfa4994c1a93d531feffa078a47c528db"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 63), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 65), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    ]

    @Test(arguments: vectors)
    func knownDigests(_ vector: (input: String, digest: String)) {
        #expect(SHA256.hexDigest(of: vector.input.utf8) == vector.digest)
    }

    @Test func oneMillionAs() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Streaming must not depend on how the input is cut: every split of inputs around the
    /// block and padding boundaries gives the one-shot digest.
    @Test(arguments: [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200])
    func chunkingDoesNotMatter(_ length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = SHA256.hexDigest(of: bytes)
        for chunkSize in [1, 3, 63, 64, 65] {
            var hasher = SHA256()
            var start = 0
            while start < bytes.count {
                let end = min(start + chunkSize, bytes.count)
                hasher.update(bytes[start..<end])
                start = end
            }
            #expect(SHA256.hex(hasher.finalize()) == whole, "length \(length), chunks of \(chunkSize)")
        }
    }

    @Test func identityIsTheDigestOfTheTextsUTF8() {
        // sha256sum of the seed file, which is UTF-8 with LF line endings: its bytes are its text.
        let seed = String(decoding: SeedReport.bytes, as: UTF8.self)
        #expect(DocumentIdentity(text: seed).hash == "ca78c76b96bbadb64a15d93f4a3494d56fc5d21b42c316515c5c3b1b5451b8e9")
        #expect(DocumentIdentity(text: seed + "\n") != DocumentIdentity(text: seed))
    }

    @Test(arguments: [
        ("ca78c76b96bbadb64a15d93f4a3494d56fc5d21b42c316515c5c3b1b5451b8e9", true),
        ("CA78C76B96BBADB64A15D93F4A3494D56FC5D21B42C316515C5C3B1B5451B8E9", false),
        ("../../etc/passwd", false),
        ("", false),
        ("ca78c76b", false),
    ])
    func storedHashesAreValidated(_ hash: String, _ valid: Bool) {
        #expect((DocumentIdentity(hash: hash) != nil) == valid)
    }
}
