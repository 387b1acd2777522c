import Foundation
import ReportKit
let path = CommandLine.arguments[1]
let text = String(decoding: try! Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
let r = ReportParser.parse(text)
print("TITLE:", r.title, r.metadata.map { "\($0.key)=\($0.value)" })
for l in OutlineExport.outlineLines(r) { print(l.prefix(60)) }
