import MeedoenCore
import MeedoenStorage
import Vapor

/// The applicatiebeheerder's page for the national, dated legal parameters: every period with its
/// source, and a form to add the next period (or correct one) without a code change.
enum ParameterAdminController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.adminParameters, use: list).require(.capability(.manageLegalParameters))
        routes.post(.adminParameters, use: add).require(.capability(.manageLegalParameters))
    }

    struct Row: Encodable {
        var key: String
        var validFrom: String
        var value: String
        var source: String
        var recorded: String
    }

    struct Page: Encodable {
        var rows: [Row]
        var form: FormPage
    }

    static func display(_ key: ParameterKey, _ value: Int) -> String {
        switch key.unit {
        case .cents: Dutch.money(Money(cents: value))
        case .basisPoints: Dutch.percent(basisPoints: value)
        case .months: Dutch.count(value, "maand", "maanden")
        case .years: "\(value) jaar"
        case .hours: "\(value) uur per week"
        case .flag: value == 0 ? "uit" : "aan"
        case .ageByBirthDate:
            value == 0
                ? "nog niet vastgesteld (laatst bekende leeftijd)"
                : "\(value / 12) jaar" + (value % 12 == 0 ? "" : " en " + Dutch.count(value % 12, "maand", "maanden"))
                    + " (voor wie vanaf deze datum geboren is)"
        }
    }

    private static func page(_ req: Request, values: [String: String] = [:], issues: FieldIssues = FieldIssues()) async throws -> Response {
        let rows = try await LegalParameterStore(db: req.db).models().map {
            Row(
                key: $0.key.rawValue, validFrom: Dutch.date($0.validFrom), value: display($0.key, $0.value), source: $0.source,
                recorded: Dutch.moment($0.recordedAt))
        }
        let form = FormPage(
            heading: "Wettelijke parameters", action: SitePath.adminParameters.path, cancel: SitePath.adminParameters.path, values: values,
            issues: issues,
            choices: [
                "key": ParameterKey.allCases.map {
                    Choice(value: $0.rawValue, label: "\($0.rawValue) (\($0.unit.rawValue))", selected: false)
                }
            ])
        return try await req.renderPage(
            "parameters", title: "Wettelijke parameters", Page(rows: rows, form: form), status: issues.isEmpty ? .ok : .badRequest)
    }

    @Sendable static func list(req: Request) async throws -> Response { try await page(req) }

    @Sendable static func add(req: Request) async throws -> Response {
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let key = reader.requiredOption("key", as: ParameterKey.self)
        let validFrom = reader.requiredDay("validFrom")
        let source = reader.requiredText("source", max: 500)
        var value: Int?
        if let raw = reader.raw("value"), let key {
            switch key.unit {
            case .cents, .basisPoints: value = Money(parsing: raw.replacingOccurrences(of: "%", with: ""))?.cents  // "285,00" or "12,5"
            case .months, .years, .hours, .flag, .ageByBirthDate: value = Int(raw)
            }
            // Bounds that keep every calculation meaningful (and free of overflow or division by zero).
            let bounds: ClosedRange<Int> =
                switch key.unit {
                case .cents: 0...100_000_000
                case .basisPoints: 0...10_000
                case .months: 1...120
                case .years: 1...100
                case .hours: 1...60
                case .flag: 0...1
                case .ageByBirthDate: 0...1_200  // 0: not yet fixed by law
                }
            if value == nil || !bounds.contains(value!) {
                reader.fail("value", .custom("Vul een geldige, niet-negatieve waarde in (bedragen als 285,00; percentages als 12,5)."))
            }
        } else if reader.raw("value") == nil {
            reader.fail("value", .required)
        }
        if source.count < 10 && reader.issues["source"] == nil {
            reader.fail("source", .custom("Noem de bron: artikel, geldigheidsdatum en vindplaats."))
        }
        guard reader.issues.isEmpty, let key, let validFrom, let value else {
            return try await page(req, values: fields, issues: reader.issues)
        }
        let entry = ParameterEntry(key: key, validFrom: validFrom, value: value, source: source)
        let (now, userID) = (req.services.clock.now(), req.currentUser?.id)
        try await req.recordChange { tx in
            let old = try await LegalParameterStore(db: tx.db).set(entry, recordedAt: now, by: userID)
            try await tx.append(
                req.auditRecord(
                    part: "wettelijke-parameters", action: old == nil ? "aanmaken" : "wijzigen", purpose: "parameterbeheer",
                    change: ChangeSummary(
                        old: old.map { ["waarde": display($0.key, $0.value), "bron": $0.source] } ?? [:],
                        new: ["parameter": key.rawValue, "vanaf": validFrom.iso, "waarde": display(key, value), "bron": source])))
        }
        return req.redirect(
            to: .adminParameters, flash: "\(key.rawValue) is vastgelegd vanaf \(Dutch.date(validFrom)): \(display(key, value)).")
    }
}
