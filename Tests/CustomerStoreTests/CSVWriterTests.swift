import Testing

@testable import CustomerStore

@Suite("CSV export")
struct CSVWriterTests {
    @Test(
        "Formulas are neutralised; signed numbers and phone numbers stay as they are",
        arguments: [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("-cmd", "'-cmd"), ("@import", "'@import"),
            ("+SUM(A1)", "'+SUM(A1)"), ("=1+1", "'=1+1"), ("@x", "'@x"), ("+", "'+"), ("+ ()", "'+ ()"),
            ("+49 A1", "'+49 A1"), ("-49 341 261311", "'-49 341 261311"),
            // Phone numbers go to diallers as written: no letter, so no function and no reference.
            ("+49 341 261311", "+49 341 261311"), ("+49 (0)341/26-13.11", "+49 (0)341/26-13.11"),
            ("\tTab", "'\tTab"), ("-12.50", "-12.50"), ("+5", "+5"), ("Müller", "Müller"),
            ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ])
    func cells(raw: String, written: String) {
        #expect(CSVWriter().field(raw) == written)
    }

    @Test("Excel's semicolon CSV keeps phone numbers and guards formulas alike")
    func semicolons() {
        let writer = CSVWriter(delimiter: ";")
        #expect(
            writer.line(["+49 341 261311", "+SUM(A1)", "=1+1", "@x"])
                == "+49 341 261311;'+SUM(A1);'=1+1;'@x\r\n")
    }

    /// Random fields from an alphabet full of trouble: no written cell may start a formula, and
    /// reading the line back gives the fields (with the apostrophe where one was added).
    @Test("Property: no cell starts a formula and every field survives a round trip")
    func roundTrip() throws {
        let alphabet = Array("=+-@\t\r\n,;\"' aöü東😀1.")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let fields = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                String(
                    (0..<Int.random(in: 0...8, using: &random)).map { _ in
                        alphabet.randomElement(using: &random) ?? "a"
                    })
            }
            let writer = CSVWriter()
            let line = writer.line(fields)
            let records = try CSVReader().records(Array(line.utf8))
            let read = records.first?.fields ?? (fields.allSatisfy(\.isEmpty) ? fields : [])
            #expect(read.count == fields.count || fields.allSatisfy(\.isEmpty), "\(fields)")
            for (original, back) in zip(fields, read) {
                #expect(!CSVWriter.looksLikeFormula(back), "cell starts a formula: \(back)")
                let expected = CSVWriter.looksLikeFormula(original) ? "'" + original : original
                // The reader treats CR and CRLF inside quotes as data, so compare exactly.
                #expect(back == expected, "\(original) came back as \(back)")
            }
        }
    }
}
