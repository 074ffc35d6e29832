import Foundation
import Testing
import TestSupport

/// Headless Chromium, if this machine has it (scripts/setup.sh installs Debian's `chromium`).
enum Browser {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    /// Whether python3 (which drives the check) is on the PATH.
    static let python: Bool = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
}

/// `zhengce review` end to end, its pages opened in a real browser by
/// scripts/review-check.py: the text shown is the original code point for code
/// point, each item sits at exactly its span, missed gold items at the gold's
/// span, and a hostile document's scripts never run.
@Suite(
    "Review pages in Chromium", .serialized,
    .enabled(if: Browser.python, "python3 is not installed: the browser test is skipped"),
    .enabled(
        if: Browser.chromium != nil,
        "chromium is not installed: the browser test is skipped (scripts/setup.sh installs it: apt-get install chromium)"))
struct ReviewBrowserTests {
    static let checker = Repository.root.appendingPathComponent("scripts/review-check.py").path
    static let pwn = "document.documentElement.setAttribute('data-pwned','1')"

    /// Made-up documents that try to run script in the page, with astral
    /// characters before items (offsets are code points, JavaScript counts UTF-16)
    /// and CRLF line ends.
    static let hostile: [(name: String, text: String)] = [
        (
            "hostile.txt",
            """
            关于印发《<script>\(pwn)</script>办法》的通知\r
            各有关单位：\r
            一、</script><script>\(pwn)</script><!-- 总体要求\r
            𠀀𠮷😀给予每人50万元奖补，引进<img src=x onerror="\(pwn)">人才20名，占比不低于30%。\r
            （一）<b onmouseover="\(pwn)">加强领导</b>。给予𠀀2至5万元支持。（市人社局牵头，市财政局配合）\r
            （二）]]></div></section></span>完善政策。到2025年底前完成。（市财政局负责）\r
            """
        ),
        ("<b onmouseover=\"\(pwn)\">名单'.txt", "关于<i>名单</i>的通知\n给予每人3万元补贴。\n"),
        (
            "hostile.html",
            """
            <html><head><title></title><script>\(pwn)</script></head>
            <body><h1>关于支持人才发展的若干措施</h1><p onclick="\(pwn)">一、对引进的😀高层次人才给予100万元安家补贴。</p>
            <iframe srcdoc="<script>\(pwn)</script>"></iframe><svg onload="\(pwn)"></svg></body></html>
            """
        ),
    ]

    func makeSite(gold: Bool) throws -> (site: URL, folder: URL) {
        let folder = try CommandRunner.temporaryFolder("review")
        let documents = folder.appendingPathComponent("hostile")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        for (name, text) in Self.hostile { try Data(text.utf8).write(to: documents.appendingPathComponent(name)) }
        let site = folder.appendingPathComponent("site")
        var arguments = ["review", "Corpus", documents.path, "-o", site.path]
        if gold { arguments += ["--gold", "Fixtures/gold"] }
        let outcome = try CommandRunner.run(arguments, in: Repository.root)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return (site, folder)
    }

    func check(_ site: URL, gold: Bool) throws -> CommandRunner.Outcome {
        try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Self.checker, site.path, "--chromium", Browser.chromium!] + (gold ? ["--gold", "Fixtures/gold"] : []),
            in: Repository.root, limit: .seconds(600))
    }

    @Test("Corpus and hostile documents against the gold: every item in place, no document script runs")
    func pagesInChromium() throws {
        let (site, folder) = try makeSite(gold: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try check(site, gold: true)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("review-check: 8 pages"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains(" 0 problems"), "\(outcome.stdout)")
        // The hostile texts are on their pages as text.
        let page = try String(contentsOf: site.appendingPathComponent("documents/hostile.txt.html"), encoding: .utf8)
        #expect(page.contains("&lt;script&gt;document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;"))
    }

    @Test("The check fails on a page whose highlight is one code point off")
    func checkCanFail() throws {
        let (site, folder) = try makeSite(gold: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = site.appendingPathComponent("documents")
        for file in try FileManager.default.contentsOfDirectory(atPath: documents.path) where !file.hasPrefix("hostile.txt") {
            try FileManager.default.removeItem(at: documents.appendingPathComponent(file))
        }
        let page = documents.appendingPathComponent("hostile.txt.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        let marker = "data-ids=\"amounts-0\">"
        #expect(html.contains(marker))
        // The highlight starts one code point early: the character before it moves inside.
        let range = try #require(html.range(of: marker))
        let before = html.index(before: html[..<range.lowerBound].lastIndex(of: "<")!)
        var tampered = html
        let moved = String(html[before])
        tampered.remove(at: before)
        tampered = tampered.replacingOccurrences(of: marker, with: marker + moved)
        try Data(tampered.utf8).write(to: page)
        let outcome = try check(site, gold: false)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("amounts-0 (amounts) is highlighted at"), "\(outcome.stdout)")
    }
}
