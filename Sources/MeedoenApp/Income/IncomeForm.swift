import MeedoenCore
import Vapor

/// Reads the "werken loont" form into an IncomeInput, and turns the calculator's refusals into
/// Dutch messages beside the field concerned.
enum IncomeForm {
    static let childFields = ["child1", "child2", "child3", "child4"]
    static let coResidentFields = ["coResident1", "coResident2", "coResident3"]

    static func month(_ reader: inout FormReader, _ name: String) -> Day? {
        guard let raw = reader.raw(name) else { return nil }
        let parts = raw.split(separator: "-")
        if parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), let day = Day(year: year, month: month, day: 1) {
            return day
        }
        if let day = Day(iso: raw) ?? Day(dutch: raw) { return Day(year: day.year, month: day.month, day: 1) }
        reader.fail(name, .custom("Vul een maand in als jjjj-mm, bijvoorbeeld 2026-12."))
        return nil
    }

    static func money(_ reader: inout FormReader, _ name: String, required: Bool) -> Money? {
        guard let raw = reader.raw(name) else {
            if required { reader.fail(name, .required) }
            return nil
        }
        guard let money = Money(parsing: raw) else {
            reader.fail(name, .custom("Vul een bedrag in euro's in, bijvoorbeeld 1.250,00."))
            return nil
        }
        if money < .zero { reader.fail(name, .custom("Een bedrag kan niet negatief zijn.")) }
        return money
    }

    static func whole(_ reader: inout FormReader, _ name: String, range: ClosedRange<Int>, message: String) -> Int? {
        guard let raw = reader.raw(name) else {
            reader.fail(name, .required)
            return nil
        }
        guard let value = Int(raw), range.contains(value) else {
            reader.fail(name, .custom(message))
            return nil
        }
        return value
    }

    static func read(_ fields: [String: String], today: Day, policy: MunicipalIncomePolicy) throws(FieldIssues) -> IncomeInput {
        var reader = FormReader(fields, today: today)
        let start = month(&reader, "startMonth")
        if reader.raw("startMonth") == nil { reader.fail("startMonth", .required) }
        let months = whole(&reader, "months", range: 1...60, message: "Reken met 1 tot 60 maanden.")
        let claimant = reader.requiredDay("claimantBirth", notInFuture: true)
        let partner = reader.day("partnerBirth", notInFuture: true)
        let children = childFields.compactMap { reader.day($0, notInFuture: false) }
        let coResidents = coResidentFields.compactMap { name -> CostSharingMember? in
            guard let born = reader.day(name, notInFuture: true) else { return nil }
            return CostSharingMember(
                relation: .coResident, dateOfBirth: born, exception: reader.option(name + "Exception", as: CoResidentException.self))
        }
        let earnings = money(&reader, "netMonthlyEarnings", required: true)
        let hours = whole(
            &reader, "hoursPerWeek", range: 0...60, message: "Vul 0 tot 60 uur per week in; meer dan 60 uur is niet realistisch.")
        var premiums: [IncomeInput.Premium] = []
        for number in 1...2 {
            let amount = money(&reader, "premium\(number)Amount", required: false)
            let when = month(&reader, "premium\(number)Month")
            if let amount, let when {
                premiums.append(.init(month: when, amount: amount))
            } else if amount != nil {
                reader.fail("premium\(number)Month", .custom("Kies de maand van deze premie."))
            } else if when != nil {
                reader.fail("premium\(number)Amount", .custom("Vul het bedrag van deze premie in."))
            }
        }
        if partner == nil && reader.flag("earnerIsPartner") {
            reader.fail("earnerIsPartner", .custom("Zonder partner kan de partner niet de werkende zijn."))
        }
        try reader.issues.throwIfAny()
        var input = IncomeInput(
            startMonth: start!, months: months!, claimantBirth: claimant!, partnerBirth: partner,
            earnerIsPartner: reader.flag("earnerIsPartner"),
            childrenBirths: children, coResidents: coResidents, netMonthlyEarnings: earnings!, hoursPerWeek: hours!,
            medicallyLimitedHours: reader.flag("medicallyLimitedHours"),
            wageCostSubsidyTargetGroup: reader.flag("wageCostSubsidyTargetGroup"),
            hoursCannotIncrease: reader.flag("hoursCannotIncrease"), premiums: premiums, policy: policy)
        input.staysElsewhereForCare = reader.flag("staysElsewhereForCare")
        return input
    }

    /// The calculator's refusal as a Dutch message on the field it is about.
    static func issues(for problem: IncomeProblem, input: IncomeInput, fields: [String: String]) -> FieldIssues {
        var issues = FieldIssues()
        switch problem {
        case .negativeEarnings:
            issues.add(
                input.netMonthlyEarnings < .zero ? "netMonthlyEarnings" : premiumField(input, \.amount) { $0 < .zero },
                .custom("Een bedrag kan niet negatief zijn."))
        case .amountTooLarge:
            issues.add(
                input.netMonthlyEarnings > Money(euros: 100_000)
                    ? "netMonthlyEarnings" : premiumField(input, \.amount) { $0 > Money(euros: 100_000) },
                .custom("Dit bedrag is onwaarschijnlijk hoog (meer dan € 100.000 per maand); controleer het."))
        case .earnerWithoutPartner: issues.add("earnerIsPartner", .custom("Zonder partner kan de partner niet de werkende zijn."))
        case .hoursOutOfRange: issues.add("hoursPerWeek", .custom("Vul 0 tot 60 uur per week in."))
        case .monthsOutOfRange: issues.add("months", .custom("Reken met 1 tot 60 maanden."))
        case .claimantUnder21:
            issues.add(
                "claimantBirth",
                .custom(
                    "Voor jongeren onder 21 gelden jongerennormen die Meedoen nog niet kent; deze berekening zou niet kloppen en wordt daarom niet gemaakt."
                ))
        case .partnerUnder21:
            issues.add(
                "partnerBirth",
                .custom(
                    "Met een partner onder 21 gelden andere normen die Meedoen nog niet kent; deze berekening wordt daarom niet gemaakt."))
        case .pensionAgeReached:
            issues.add(
                "claimantBirth",
                .custom(
                    "De AOW-leeftijd is bereikt (AOW art. 7a): de bijstand van de gemeente is geëindigd en de SVB neemt het over met de AOW en zo nodig de AIO. Deze berekening is niet van toepassing."
                ))
        case .childBornAfterStart:
            let field =
                childFields.first { name in
                    fields[name].flatMap { Day(iso: $0) ?? Day(dutch: $0) }.map { $0 > input.startMonth } ?? false
                } ?? "child1"
            issues.add(
                field, .custom("Een kind kan niet na de startmaand geboren zijn; kies een latere startmaand of controleer de datum."))
        case .policyBeyondLegalMaximum:
            issues.add(
                "startMonth",
                .custom(
                    "Het beleid van uw organisatie gaat verder dan de wet toestaat; laat de functioneel beheerder het profiel nakijken."))
        case .missingParameter(_, let day):
            issues.add(
                "startMonth",
                .custom(
                    "Voor \(Dutch.month(day)) zijn nog geen wettelijke bedragen ingevoerd. Kies een latere maand, of vraag de applicatiebeheerder de bedragen toe te voegen."
                ))
        case .premiumNotAllowedUnder27:
            issues.add(
                "premium1Amount", .custom("Een premie (art. 31 lid 2 onder j) kan onder 27 jaar alleen in de doelgroep loonkostensubsidie.")
            )
        case .tooManyPremiums(let year):
            issues.add(premiumField(input, \.month) { $0.year == year }, .custom("Hoogstens twee premies per kalenderjaar (\(year))."))
        case .premiumsOverCap(let year, let cap):
            issues.add("premium1Amount", .custom("De premies in \(year) zijn samen meer dan het maximum van \(Dutch.money(cap))."))
        case .premiumOutsidePeriod(let month):
            issues.add(
                premiumField(input, \.month, suffix: "Month") { $0 == month },
                .custom("Een premie moet vallen in de maanden van de berekening."))
        }
        return issues
    }

    /// The form field of the last premium that matches, so the message stands beside it.
    static func premiumField<T>(
        _ input: IncomeInput, _ path: KeyPath<IncomeInput.Premium, T>, suffix: String = "Amount", where matches: (T) -> Bool
    ) -> String {
        let index = input.premiums.lastIndex { matches($0[keyPath: path]) } ?? 0
        return "premium\(index + 1)\(suffix)"
    }
}
