import ArgumentParser
import Foundation
import ReportKit

struct GenerateLibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-library",
        abstract: "Write a folder of many generated reports, for the index benchmark.",
        discussion: """
            Reports go to OUTPUT/<year>/<district>/report-NNNNN.txt, 8–52 KB each (about 30 KB on \
            average: 10,000 reports ≈ 290 MB). Each is shaped like the single generated report \
            (chapters, sub-items, items from the seed's sentences) with its own seed, title, \
            date and issuer, and with a share of sentences drawn from the corpus reports given \
            by --corpus, a different selection per district, so that the library's vocabulary \
            varies as a real collection's does. Deterministic: the same arguments give the same \
            bytes. Prints counts as JSON.
            """
    )

    @Option(help: ArgumentHelp("How many reports.", valueName: "n"))
    var reports = 10_000

    @Option(help: ArgumentHelp("The folder to write into (created; existing reports are replaced).", valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp("A folder of .txt reports to take extra sentences from.", valueName: "dir"))
    var corpus: String?

    struct Statistics: Codable {
        var reports = 0
        var bytes = 0
        var folders = 0
        var keywordOccurrences = 0
    }

    static let districts = ["上城", "拱墅", "西湖", "滨江", "萧山", "余杭", "临平", "钱塘", "富阳", "临安",
                            "桐庐", "淳安", "建德", "鹿城", "龙湾", "瓯海", "洞头", "越城", "柯桥", "上虞"]

    func run() throws {
        let sentences = corpusSentences()
        var random = SplitMix64(seed: 0x11B_2A27_0015)
        var statistics = Statistics()
        var folders = Set<String>()
        for number in 0..<reports {
            let year = 2020 + number % 5
            let district = Self.districts[(number / 5) % Self.districts.count]
            let folder = "\(output)/\(year)/\(district)区"
            if folders.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            // A district's reports share a slice of the corpus, as one issuer's reports share topics.
            var extra: [String] = []
            if !sentences.isEmpty {
                let districtIndex = (number / 5) % Self.districts.count
                let slice = max(1, sentences.count / Self.districts.count)
                for offset in 0..<min(slice * 3, sentences.count) {
                    extra.append(sentences[(districtIndex * slice + offset) % sentences.count])
                }
            }
            var generator = ReportGenerator(
                targetBytes: random.int(in: 8...52) * 1024, seed: random.next(),
                title: "\(district)区人民政府关于\(year)年度法治政府建设情况的报告（第\(number + 1)号）",
                metadata: "发布日期：\(year)-\(String(format: "%02d", number % 12 + 1))-\(String(format: "%02d", number % 28 + 1)) 09:30 信息来源：\(district)区司法局",
                extraSentences: extra)
            var bytes: [UInt8] = []
            generator.run { bytes += $0 }
            let path = "\(folder)/report-\(String(format: "%05d", number)).txt"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            statistics.reports += 1
            statistics.bytes += bytes.count
            statistics.keywordOccurrences += generator.statistics.keywordOccurrences
        }
        statistics.folders = folders.count
        print(try BenchJSON.string(statistics))
    }

    private func corpusSentences() -> [String] {
        guard let corpus else { return [] }
        var sentences: [String] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            guard let text = try? String(contentsOfFile: corpus + "/" + name, encoding: .utf8) else { continue }
            var current = ""
            for character in text {
                if character == "\n" { current = ""; continue }
                current.append(character)
                if character == "。" || character == "；" {
                    let trimmed = current.trimmingCharacters(in: .whitespaces)
                    if trimmed.count > 6 { sentences.append(trimmed) }
                    current = ""
                }
            }
        }
        return sentences
    }
}
