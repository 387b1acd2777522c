/// A small regulation and its revision, shared by the compare view's render tests and its
/// tmux tests: an article inserted early (every later one renumbered), a number changed
/// (281件 → 350件), an article removed.
public enum RevisedRegulation {
    public static let old = """
        示范管理条例

        第一章 总则

        第一条 为了规范示范管理工作，保障各方合法权益，根据有关法律，制定本条例。

        第二条 本条例适用于本市行政区域内的示范管理活动，去年共受理申请281件。

        第三条 市人民政府负责统筹协调示范管理工作，所需经费列入财政预算。

        第二章 监督

        第四条 有关部门应当建立投诉举报制度，及时处理群众反映的问题。

        第五条 违反本条例规定的，由主管部门责令改正，处以罚款。

        第六条 本条例自公布之日起施行。

        """

    public static let new = """
        示范管理条例

        第一章 总则

        第一条 为了规范示范管理工作，保障各方合法权益，根据有关法律，制定本条例。

        第二条 本条例适用于本市行政区域内的示范管理活动，去年共受理申请350件。

        第三条 示范管理工作应当坚持公开透明、便民高效的原则，接受社会监督。

        第四条 市人民政府负责统筹协调示范管理工作，所需经费列入财政预算。

        第二章 监督

        第五条 有关部门应当建立投诉举报制度，及时处理群众反映的问题。

        第六条 本条例自公布之日起施行。

        """
}
