import ArgumentParser
import Foundation
import ReportKit
import ReportUI

struct FramesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Time key press to finished frame in the real browser run loop on an in-memory terminal.",
        discussion: """
            Loads and parses the report, runs BrowserApp on a terminal of the given size that \
            replays a fixed key script (see KeyScript.swift) several times, and times each key \
            from the moment the terminal hands it over to the end of present(). Also times the \
            first frame from the start of the run loop. On a report long enough for the \
            browser to build its search index in the background, the keys start once that index \
            has landed, as a reader's would, and after typing the search they wait while the \
            frame says "searching…", as a reader watches the results come before pressing Enter \
            (--no-pause types at once). Prints one JSON object.
            """
    )

    @Argument(help: ArgumentHelp("The report (UTF-8, UTF-16 or GB18030).", valueName: "file"))
    var file: String

    @Option(help: "Terminal width.")
    var width = 120

    @Option(help: "Terminal height.")
    var height = 40

    @Option(help: ArgumentHelp("How many times to replay the key script.", valueName: "n"))
    var rounds = 3

    @Flag(help: """
        Type the keys at once instead of waiting, after the first frame, for the search index \
        that a long report's browser builds in the background.
        """)
    var noPause = false

    @Flag(help: """
        Search with pinyin on: the script's search types Ctrl-P and the pinyin initials xyxf \
        instead of 信用修复, so every typed letter runs a pinyin scan.
        """)
    var pinyin = false

    @Flag(help: "Print each key, its time and the frame's status line on stderr.")
    var trace = false

    struct ResultFrame: Codable {
        let milliseconds: Double
        let keysLater: Int
    }

    struct KeyTiming: Codable {
        let key: String
        let milliseconds: Double
    }

    struct Output: Codable {
        let file: String
        let bytes: Int
        let sections: Int
        let readAndDecodeMilliseconds: Double
        let parseMilliseconds: Double
        let firstFrameMilliseconds: Double
        /// CPU time of reading, decoding, parsing and the first frame together.
        let openCPUMilliseconds: Double
        let keyToFrame: Percentiles
        let keyToFrameCPU: Percentiles
        let slowest: [KeyTiming]
        let medianByKey: [String: Double]
        let changedRowsPerFrame: Double
        /// Whether the keys waited for the background index build after the first frame.
        let pausedForIndex: Bool
        /// Frames not caused by a key: a search typed before the index landed, or run on the
        /// search worker, got its results.
        let framesWithoutKey: Int
        /// For each frame not caused by a key that came after the search was typed, the
        /// milliseconds from the last typed character of the search to that frame, and how many
        /// keys after that character it came.
        let resultFramesAfterTyping: [ResultFrame]
        /// How each round's pause after its typed search ended: "workCame" (the frame no longer
        /// said "searching…"/"indexing…") or "timedOut"; empty when the keys did not pause.
        let pausesAfterTyping: [String]
        let lastStatusLine: String
        let peakResidentBytes: Int
    }

    func validate() throws {
        guard width >= 20, height >= 5 else { throw ValidationError("the terminal must be at least 20×5") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        let cpuStart = Stopwatch.cpuNow()
        let opening = try TimedOpening(path: file)
        let report = opening.report
        let (keys, lastTypedSearchKey) = KeyScript.script(for: report, pinyin: pinyin)
        let script = Array(repeating: keys, count: rounds).flatMap { $0 }.map(InputEvent.key)
        let terminal = RecordingTerminal(
            size: Size(width: width, height: height), script: script, start: Stopwatch.now())
        let pauses = !noPause && report.text.utf8.count >= SearchCache.backgroundIndexingThreshold
        terminal.pausesForBackgroundWork = pauses
        terminal.pausesAfter = Set((0..<rounds).map { $0 * keys.count + lastTypedSearchKey })
        if trace {
            var firstFrameTraced = false
            terminal.onFrame = { event, milliseconds, screen in
                // A frame without a key after the first is background work landing.
                var label = firstFrameTraced ? "no key" : "first frame"
                firstFrameTraced = true
                if case .key(let key)? = event { label = key.label(ascii: true) }
                let status = screen.lines[screen.size.height - 1]
                StandardError.write("\(label)\t\(String(format: "%.3f", milliseconds)) ms\t\(status)\n")
            }
        }
        _ = BrowserApp(report: report).run(on: terminal)
        guard let firstFrame = terminal.firstFrame, let firstFrameCPU = terminal.firstFrameCPU,
            !terminal.timings.isEmpty
        else {
            throw ValidationError("the browser drew no frames")
        }
        let timings = terminal.timings.map { timing -> KeyTiming in
            guard case .key(let key) = timing.event else { return KeyTiming(key: "?", milliseconds: timing.milliseconds) }
            return KeyTiming(key: key.label(ascii: true), milliseconds: timing.milliseconds)
        }
        let byKey = Dictionary(grouping: timings, by: \.key).mapValues { Percentiles($0.map(\.milliseconds)).median }
        let output = Output(
            file: file,
            bytes: report.text.utf8.count,
            sections: report.sections.count,
            readAndDecodeMilliseconds: opening.readAndDecodeMilliseconds,
            parseMilliseconds: opening.parseMilliseconds,
            firstFrameMilliseconds: firstFrame,
            openCPUMilliseconds: Stopwatch.milliseconds(from: cpuStart, to: firstFrameCPU),
            keyToFrame: Percentiles(timings.map(\.milliseconds)),
            keyToFrameCPU: Percentiles(terminal.timings.map(\.cpuMilliseconds)),
            slowest: Array(timings.sorted { $0.milliseconds > $1.milliseconds }.prefix(5)),
            medianByKey: byKey,
            changedRowsPerFrame: Double(terminal.changedRows) / Double(timings.count + 1),
            pausedForIndex: pauses,
            framesWithoutKey: terminal.framesWithoutKey,
            resultFramesAfterTyping: resultFrames(terminal, lastTypedSearchKey: lastTypedSearchKey, roundLength: keys.count),
            pausesAfterTyping: terminal.pausesEnded.map(\.rawValue),
            lastStatusLine: terminal.lastFrame.map { $0.lines[height - 1] } ?? "",
            peakResidentBytes: Stopwatch.peakResidentBytes()
        )
        print(try BenchJSON.string(output))
    }

    /// The frames without a key drawn in a round after its search was typed, timed from the
    /// last typed character of the search.
    private func resultFrames(_ terminal: RecordingTerminal, lastTypedSearchKey: Int, roundLength: Int) -> [ResultFrame] {
        terminal.framesWithoutKeyTimes.compactMap { frame in
            guard frame.afterEvent >= 0 else { return nil }
            let round = frame.afterEvent / roundLength
            let typed = round * roundLength + lastTypedSearchKey
            guard frame.afterEvent >= typed, terminal.deliveryTimes.indices.contains(typed) else { return nil }
            return ResultFrame(
                milliseconds: Stopwatch.milliseconds(from: terminal.deliveryTimes[typed], to: frame.at),
                keysLater: frame.afterEvent - typed)
        }
    }
}
