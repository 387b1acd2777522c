import Testing
@testable import ReportKit

/// Reports from Taiwan and Hong Kong come in Big5 or Big5-HKSCS, which are mostly valid
/// GB18030 too: plausibility of the characters decides, and a close call is said aloud.
@Suite struct DecodingBig5Tests {
    static let taipei = """
        臺北市政府一一三年施政報告

        一、市政建設成果
        本年度本府持續推動都市更新與交通建設，完成捷運環狀線第一階段，並擴大社會住宅興建。
        二、未來施政重點
        （一）強化防災韌性，提升城市安全。
        （二）推動數位轉型，便利市民生活。

        """
    static let hongKong = """
        香港特別行政區政府施政報告

        一、經濟發展
        政府會繼續鞏固香港作為國際金融中心的地位，推動創新科技產業發展，嘅市民都可以受惠。
        二、房屋及土地
        （一）增加公營房屋供應，縮短輪候時間。

        """

    @Test func big5IsDetectedAndReadsAsWritten() throws {
        let bytes = try #require(DecodingFixtures.iconvEncode(Self.taipei, to: "BIG5"))
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .big5)
        #expect(decoded.text == Self.taipei)
        #expect(decoded.warnings.isEmpty, "\(decoded.warnings)")
    }

    @Test func hongKongCharactersChooseBig5HKSCS() throws {
        #expect(DecodingFixtures.iconvEncode(Self.hongKong, to: "BIG5") == nil, "the text must need HKSCS")
        let bytes = try #require(DecodingFixtures.iconvEncode(Self.hongKong, to: "BIG5-HKSCS"))
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .big5hkscs)
        #expect(decoded.text == Self.hongKong)
    }

    @Test func simplifiedGB18030StaysGB18030WithoutANotice() throws {
        let decoded = try TextDecoder.decode(try DecodingFixtures.gb18030(try DecodingFixtures.seedText()))
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.warnings.isEmpty, "\(decoded.warnings)")
    }

    @Test func aCloseCallNamesTheEncodingAndHowToForceTheOther() throws {
        let bytes = try #require(DecodingFixtures.iconvEncode("中文\n", to: "BIG5"))
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == .big5)
        #expect(decoded.warnings == ["decoded as Big5, though it may be GB18030; --encoding gb18030 reads it that way"])
    }

    @Test func big5CanBeForced() throws {
        #expect(TextEncoding(name: "big5") == .big5)
        #expect(TextEncoding(name: "Big5-HKSCS") == .big5hkscs)
        #expect(TextEncoding(name: "cp950") == .big5)
        let bytes = try #require(DecodingFixtures.iconvEncode(Self.taipei, to: "BIG5"))
        #expect(try TextDecoder.decode(bytes, forcing: .big5).text == Self.taipei)
        #expect(try TextDecoder.decode(bytes, forcing: .gb18030).text != Self.taipei)
    }
}
