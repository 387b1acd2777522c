print("report-browser")
