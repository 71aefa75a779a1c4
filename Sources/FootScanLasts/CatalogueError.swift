/// One mistake in a catalogue file, named by line and column.
public struct CatalogueIssue: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line (CSV) or last number (JSON); 0 for the whole file.
    public var line: Int
    /// The column (key) at fault, or nil for a whole-line problem.
    public var column: String?
    /// What is wrong.
    public var message: String

    /// Creates an issue.
    public init(line: Int, column: String?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 7, column ball_girth_mm: "abc" is not a number`; a whole-file problem (line 0) is its message.
    public var description: String {
        guard line > 0 else { return message }
        return "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": \(message)"
    }
}

/// Every mistake found in a catalogue: a bad row never silently drops out, the whole file is refused.
public struct CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, when read from one.
    public var file: String?
    /// The mistakes, in file order.
    public var issues: [CatalogueIssue]

    /// Creates an error.
    public init(file: String? = nil, issues: [CatalogueIssue]) {
        self.file = file
        self.issues = issues
    }

    /// One line per issue, each naming the file.
    public var description: String {
        issues.map { (file.map { "\($0): " } ?? "") + $0.description }.joined(separator: "\n")
    }
}
