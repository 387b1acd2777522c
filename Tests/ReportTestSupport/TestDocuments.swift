/// Small documents more than one test target reads, written once so they cannot drift apart.
package enum TestDocuments {
    /// 三、 is missing: the parser accepts 四、 (line 7) and warns of the skipped number.
    package static let skippedNumber = """
        关于测试工作的报告

        一、总体要求
        坚持稳中求进，做好各项工作。
        二、主要任务
        推进重点改革，完成年度目标。
        四、保障措施
        加强组织领导，落实工作责任。
        五、组织实施
        各部门按照分工抓好落实。

        """
}
