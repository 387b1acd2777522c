public enum ReportBrowserPlaceholder {}
