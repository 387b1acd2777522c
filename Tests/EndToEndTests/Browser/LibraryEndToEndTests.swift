import Foundation
import Testing

/// `report-browser DIR` in the real binary under tmux, with its index: the list of reports
/// grouped by folder, sorting, filtering, opening a report and coming back, and `/` across
/// every report with counts and `n` moving on to the next report.
@Suite(.serialized) struct LibraryEndToEndTests {
    /// The seed in one folder, two short reports in another, and a binary file.
    struct Folder {
        let root: URL
        var directory: String { root.appendingPathComponent("lib").path }
        var index: String { root.appendingPathComponent("index.sqlite").path }

        init() throws {
            root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rb-library-e2e-\(UUID().uuidString)")
            let manager = FileManager.default
            for folder in ["lib/2022", "lib/2024"] {
                try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try """
                上城区2022年法治政府建设情况报告
                发布日期:2023-03-10 10:00 信息来源:上城区司法局
                一、主要工作
                (一)推进信用修复。全年完成信用修复120件。
                二、下一步打算
                继续做好信用修复工作。
                """.write(to: root.appendingPathComponent("lib/2022/a.txt"), atomically: false, encoding: .utf8)
            try """
                拱墅区2022年法治政府建设报告
                发布日期:2023年1月5日 信息来源:拱墅区人民政府
                一、主要举措
                (一)优化营商环境。出台政策5项。
                """.write(to: root.appendingPathComponent("lib/2022/b.txt"), atomically: false, encoding: .utf8)
            try manager.copyItem(atPath: CommandRunner.seedPath, toPath: root.appendingPathComponent("lib/2024/qiantang.txt").path)
            try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]).write(to: root.appendingPathComponent("lib/2024/tool.bin"))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func theListSortsFiltersOpensAReportAndComesBack() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let indexed = try CommandRunner.run(["index", folder.directory, "--index", folder.index])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        let session = try BrowserSession(arguments: [folder.directory, "--index", folder.index], width: 110, height: 24)
        // The whole first frame: under load tmux can capture it while curses is still drawing it.
        let first = try session.tmux.waitUntil(timeout: 30, describedAs: "the library list") { screen in
            screen.first?.contains("Library · 4 reports") == true && screen.contains { $0.contains("tool.bin") }
        }
        #expect(first[0].contains("from the index"), "\(first[0])")
        #expect(first.contains { $0.hasPrefix("2022/ (2)") }, "\(first.joined(separator: "\n"))")
        #expect(first.contains { $0.contains("上城区2022年法治政府建设情况报告") && $0.contains("2023-03-10") && $0.contains("上城区司法局") })
        #expect(first.contains { $0.contains("tool.bin") && $0.contains("cannot be read") }, "\(first.joined(separator: "\n"))")
        try session.tmux.sendText("s")
        try session.tmux.waitUntil(timeout: 30, describedAs: "sorted by date") { $0.first?.contains("by date") == true }
        try session.tmux.sendText("f拱墅")
        let filtered = try session.tmux.waitUntil(timeout: 30, describedAs: "the filtered list") { screen in
            screen.last?.contains("Filter: 拱墅") == true && !screen.contains { $0.contains("上城区2022") }
        }
        #expect(filtered.contains { $0.contains("拱墅区2022年法治政府建设报告") })
        try session.tmux.sendKeys("Escape")
        try session.tmux.waitUntil(timeout: 30, describedAs: "the whole list again") { screen in
            screen.contains { $0.contains("上城区2022") } && screen.contains { $0.contains("钱塘区2024年") }
        }
        try session.tmux.sendKeys("G")
        try session.tmux.sendKeys("k")
        try session.tmux.sendKeys("Enter")
        try session.waitFor("一、主要举措和突出成效")
        try session.goTo("二", expecting: "存在的不足")
        try session.tmux.sendText("L")
        try session.tmux.waitUntil(timeout: 30, describedAs: "back in the list") { $0.first?.contains("Library · 4 reports") == true }
        // The figures of every listed report in one table; typing filters it.
        try session.tmux.sendText("#")
        try session.tmux.waitUntil(timeout: 30, describedAs: "the figures table") { screen in
            screen.contains { $0.contains("Figures of the listed reports") && $0.contains("by subject") }
        }
        try session.tmux.sendText("120件")
        let figures = try session.tmux.waitUntil(timeout: 30, describedAs: "the figures filtered") { screen in
            screen.contains { $0.contains("Figures of the listed reports · 1 ·") }
        }
        #expect(figures.contains { $0.contains("120件") && $0.contains("上城区2022") }, "\(figures.joined(separator: "\n"))")
        try session.tmux.sendKeys("Escape")
        try session.tmux.sendKeys("Escape")
        try session.tmux.waitUntil(timeout: 30, describedAs: "the list again") { screen in
            !screen.contains { $0.contains("Figures of the listed") }
        }
        #expect(try session.quit() == 0)
    }

    @Test func inAPipeSeveralFilesPrintTheListAndAStrayArgumentIsAnError() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let a = folder.directory + "/2022/a.txt", tool = folder.directory + "/2024/tool.bin"
        let listed = try CommandRunner.run([a, tool], stdin: Data())
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(a)\t上城区2022年法治政府建设情况报告\t2023-03-10 10:00\t上城区司法局", "\(listed.stdout)")
        #expect(lines.count == 2 && lines[1].hasPrefix("\(tool)\tcannot be read: ") && lines[1].contains("binary"), "\(listed.stdout)")
        let stray = try CommandRunner.run([a, tool, folder.root.appendingPathComponent("nope.txt").path], stdin: Data())
        #expect(stray.status == 2, "\(stray.stderr)")
        #expect(stray.stderr.contains("unexpected argument"), "\(stray.stderr)")
    }

    @Test func slashSearchesEveryReportAndNGoesOnToTheNextReport() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let missing = folder.root.appendingPathComponent("missing.txt").path
        let session = try BrowserSession(arguments: [folder.directory, missing, "--index", folder.index], width: 110, height: 30)
        let list = try session.tmux.waitUntil(timeout: 30, describedAs: "the library list") { $0.first?.contains("Library · 5") == true }
        // A path that is not there is a member that cannot be read, not an error.
        #expect(list.contains { $0.contains("missing.txt") && $0.contains("cannot be read: No such file") }, "\(list.joined(separator: "\n"))")
        try session.tmux.sendText("/信用修复")
        try session.tmux.sendKeys("Enter")
        let results = try session.tmux.waitUntil(timeout: 30, describedAs: "the results") { screen in
            screen.last?.contains("6 hits in 2 reports") == true
        }
        #expect(results.contains { $0.contains("上城区2022年法治政府建设情况报告") && $0.hasSuffix(" 3") }, "\(results.joined(separator: "\n"))")
        #expect(results.contains { $0.contains("钱塘区2024年") && $0.hasSuffix(" 3") })
        #expect(results.contains { $0.hasPrefix("2022/ (1)") }, "folders are named below the argument")
        #expect(results.contains { $0.contains("推进信用修复") && $0.hasSuffix(" 2") })
        #expect(!results.contains { $0.contains("拱墅区") })
        // Enter on the first hit row, then n through the report's three hits and on.
        try session.tmux.sendKeys("Enter")
        try session.waitForStatus(containing: "1/3")
        try session.tmux.sendText("n")
        try session.waitForStatus(containing: "2/3")
        try session.tmux.sendText("n")
        try session.waitForStatus(containing: "3/3")
        try session.tmux.sendText("n")
        try session.waitForStatus(containing: "Next report")
        try session.tmux.waitUntil(timeout: 30, describedAs: "the next report") { $0.first?.contains("钱塘区2024年") == true }
        #expect(try session.quit() == 0)
    }
}
