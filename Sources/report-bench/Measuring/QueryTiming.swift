/// One timed query. A library query also counts the files it hit; an in-process one its CPU
/// time. The encoder leaves out what is nil, so each command's JSON keeps its own shape.
struct QueryTiming: Codable {
    let query: String
    let hits: Int
    var files: Int?
    let milliseconds: Double
    var cpuMilliseconds: Double?
}
