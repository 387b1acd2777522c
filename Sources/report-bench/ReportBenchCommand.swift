import ArgumentParser

@main
struct ReportBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report-bench",
        abstract: "Benchmark helpers for report-browser: large generated reports and in-process timings.",
        discussion: """
            Driven by bench/run, which builds release binaries, generates the inputs and prints \
            the comparison with wc and grep. See BENCHMARKS.md.

            Examples:
              report-bench generate --size-mb 100 --output bench/out/report-100mb.txt
              report-bench search-warm bench/out/report-100mb.txt
              report-bench frames bench/out/report-100mb.txt
            """,
        subcommands: [GenerateCommand.self, GenerateLibraryCommand.self, LibraryCommand.self, LibraryFrameCommand.self, SearchWarmCommand.self, FramesCommand.self, PhasesCommand.self, FormatsCommand.self, SelfCheckCommand.self]
    )
}
