import MeedoenCore
import MeedoenStorage
import Vapor

/// "Werken loont" and the wage-cost subsidy: stand-alone, prefilled from a household, and as API.
enum IncomeController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.incomeCalculation, use: incomeForm).require(.signedIn)
        routes.post(.incomeCalculation, use: income).require(.signedIn)
        routes.get(.household(.key, .income), use: incomeForHousehold).require(.file(.household, .read))
        routes.get(.wageCostSubsidy, use: subsidyForm).require(.signedIn)
        routes.post(.wageCostSubsidy, use: subsidy).require(.signedIn)
    }

    /// A calculator's page: the form (drawn by form-body) and, once calculated, its result.
    struct IncomePage: Encodable {
        var form: SectionedFormPage
        var result: IncomeResultView?
        var organisation: String
        var policy: String
        var note: String?
    }

    static func calculatorForm(heading: String, action: SitePath, sections: [FormSection], values: [String: String], issues: FieldIssues)
        -> SectionedFormPage
    {
        var form = SectionedFormPage(
            heading: heading, action: action.path, cancel: nil, submit: "Berekenen", sections: sections, values: values, issues: issues)
        // Printed for the resident: the result and the letter, not the form.
        form.formClass = "form no-print"
        return form
    }

    static func policy(for req: Request) async throws -> (MunicipalIncomePolicy, String) {
        guard let organisationID = req.currentUser?.organisationID,
            let organisation = try await DirectoryStore(db: req.db).organisation(organisationID)
        else {
            return (.legalMaximum, "wettelijke maxima")
        }
        return (try await req.profile(of: organisationID).profile.income, organisation.name)
    }

    static func renderIncome(
        _ req: Request, values: [String: String], issues: FieldIssues = FieldIssues(), result: IncomeResultView? = nil,
        membersLeftOut: Int = 0
    ) async throws -> Response {
        let (policy, organisation) = try await policy(for: req)
        var description =
            "Vrijlating onder n: \(policy.exemptionNMonths) maanden; alleenstaande ouders onder r: tot \(policy.exemptionRMonths) maanden."
        if policy.exitPremium != nil { description += " Uitstroompremie bij volledige uitstroom." }
        let form = calculatorForm(
            heading: "Werken loont: wat houdt u over?", action: .incomeCalculation, sections: IncomeForm.sections, values: values,
            issues: issues)
        let note =
            membersLeftOut > 0
            ? "Dit huishouden heeft meer leden dan het formulier vakken heeft; \(membersLeftOut) lid/leden zijn niet ingevuld. Controleer of de norm klopt."
            : nil
        let page = IncomePage(form: form, result: result, organisation: organisation, policy: description, note: note)
        return try await req.renderPage("income", title: form.heading, page, status: issues.isEmpty ? .ok : .badRequest)
    }

    static func defaults(_ req: Request) -> [String: String] {
        let next = req.today.adding(months: 1)
        return ["startMonth": String(format: "%04d-%02d", next.year, next.month), "months": "36", "hoursPerWeek": "20"]
    }

    @Sendable static func incomeForm(req: Request) async throws -> Response {
        try await renderIncome(req, values: defaults(req))
    }

    /// Prefilled with the household's members; reading the file is logged like any other.
    @Sendable static func incomeForHousehold(req: Request) async throws -> Response {
        let file = try await req.openFile(try req.idParameter(), .household, .read, purpose: "werken loont berekenen")
        var values = defaults(req)
        var children = IncomeForm.childFields.makeIterator()
        var coResidents = IncomeForm.coResidentFields.makeIterator()
        var left = 0
        for member in file.members {
            let born = member.dateOfBirth.iso
            switch member.relation {
            case .applicant: values["claimantBirth"] = born
            case .partner: values["partnerBirth"] = born
            case .child:
                if member.dateOfBirth.age(on: req.today) >= 27, let field = coResidents.next() {
                    values[field] = born
                } else if let field = children.next() {
                    values[field] = born
                } else {
                    left += 1
                }
            case .coResident:
                if let field = coResidents.next() {
                    values[field] = born
                    values[field + "Exception"] = member.coResidentException?.rawValue
                } else {
                    left += 1
                }
            }
        }
        return try await renderIncome(req, values: values, membersLeftOut: left)
    }

    @Sendable static func income(req: Request) async throws -> Response {
        let fields = try req.formFields()
        let (policy, organisation) = try await policy(for: req)
        let input: IncomeInput
        do { input = try IncomeForm.read(fields, today: req.today, policy: policy) } catch {
            return try await renderIncome(req, values: fields, issues: error)
        }
        do {
            let result = try IncomeCalculator.calculate(input, parameters: try await LegalParameterStore(db: req.db).all())
            return try await renderIncome(req, values: fields, result: IncomeResultView(result, input: input, organisation: organisation))
        } catch let problem as IncomeProblem {
            return try await renderIncome(req, values: fields, issues: IncomeForm.issues(for: problem, input: input, fields: fields))
        }
    }

    // MARK: Wage-cost subsidy

    struct SubsidyPage: Encodable {
        var form: SectionedFormPage
        var result: WageCostSubsidyView?
    }

    static func renderSubsidy(
        _ req: Request, values: [String: String], issues: FieldIssues = FieldIssues(), result: WageCostSubsidyView? = nil
    ) async throws -> Response {
        let form = calculatorForm(
            heading: "Loonkostensubsidie berekenen", action: .wageCostSubsidy, sections: IncomeForm.subsidySections, values: values,
            issues: issues)
        return try await req.renderPage(
            "wage-cost-subsidy", title: form.heading, SubsidyPage(form: form, result: result), status: issues.isEmpty ? .ok : .badRequest)
    }

    @Sendable static func subsidyForm(req: Request) async throws -> Response {
        var values = defaults(req)
        values["hoursPerWeek"] = "36"
        values["months"] = "12"
        return try await renderSubsidy(req, values: values)
    }

    @Sendable static func subsidy(req: Request) async throws -> Response {
        let fields = try req.formFields()
        var reader = FormReader(fields, today: req.today)
        let start = IncomeForm.month(&reader, "startMonth")
        if reader.raw("startMonth") == nil { reader.fail("startMonth", .required) }
        let months = IncomeForm.whole(&reader, "months", range: 1...60, message: "Reken met 1 tot 60 maanden.")
        let hours = IncomeForm.whole(&reader, "hoursPerWeek", range: 1...60, message: "Vul 1 tot 60 uur per week in.")
        var wageValue: Int?
        if let raw = reader.raw("wageValue") {
            // A percentage with up to two decimals reads like an amount: "50,5" → 5050 basis points.
            if let basisPoints = Money(parsing: raw.replacingOccurrences(of: "%", with: ""))?.cents, (0...10_000).contains(basisPoints) {
                wageValue = basisPoints
            } else {
                reader.fail(
                    "wageValue",
                    .custom("Vul een loonwaarde in van 0 tot 100 procent, of laat het veld leeg als die nog niet is vastgesteld."))
            }
        }
        let wage = IncomeForm.money(&reader, "hourlyWage", required: false)
        let review = reader.day("reviewDate")
        let employeeBirth = reader.day("employeeBirth")
        let sectorHours =
            reader.raw("sectorFullTimeHours") == nil
            ? 36
            : IncomeForm.whole(
                &reader, "sectorFullTimeHours", range: 36...48,
                message: "Vul de normale voltijdsduur in de sector in, 36 tot 48 uur per week.")
        guard reader.issues.isEmpty, let start, let months, let hours else {
            return try await renderSubsidy(req, values: fields, issues: reader.issues)
        }
        let input = WageCostSubsidyInput(
            startMonth: start, months: months, wageValue: wageValue, hoursPerWeek: hours, hourlyWage: wage, reviewDate: review,
            sectorFullTimeHours: sectorHours ?? 36, employeeBirth: employeeBirth)
        do {
            let result = try WageCostSubsidyCalculator.calculate(input, parameters: try await LegalParameterStore(db: req.db).all())
            return try await renderSubsidy(req, values: fields, result: WageCostSubsidyView(result, input: input))
        } catch let problem as WageCostSubsidyProblem {
            return try await renderSubsidy(req, values: fields, issues: subsidyIssues(problem))
        }
    }

    static func subsidyIssues(_ problem: WageCostSubsidyProblem) -> FieldIssues {
        var issues = FieldIssues()
        switch problem {
        case .wageValueOutOfRange: issues.add("wageValue", .custom("Vul een loonwaarde in van 0 tot 100 procent."))
        case .hoursOutOfRange: issues.add("hoursPerWeek", .custom("Vul 1 tot 60 uur per week in."))
        case .monthsOutOfRange: issues.add("months", .custom("Reken met 1 tot 60 maanden."))
        case .wageBelowMinimum:
            issues.add(
                "hourlyWage",
                .custom(
                    "Het uurloon ligt onder het wettelijk minimum(jeugd)loon voor deze leeftijd (Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2); dat mag niet."
                ))
        case .employeeTooYoung:
            issues.add("employeeBirth", .custom("Onder de 15 jaar kent de Wet minimumloon geen minimumloon; controleer de geboortedatum."))
        case .wageTooHigh: issues.add("hourlyWage", .custom("Dit uurloon is onwaarschijnlijk hoog (meer dan € 1.000); controleer het."))
        case .sectorHoursOutOfRange:
            issues.add("sectorFullTimeHours", .custom("Vul de normale voltijdsduur in de sector in, 36 tot 48 uur per week."))
        case .wageValueNeededAfterFlatPeriod(let months):
            issues.add(
                "wageValue",
                .custom(
                    "Zonder vastgestelde loonwaarde geldt het forfaitaire percentage hoogstens \(months) maanden (art. 10d lid 5). Vul de loonwaarde in of reken met \(months) maanden."
                ))
        case .missingParameter(_, let day):
            issues.add(
                "startMonth", .custom("Voor \(Dutch.month(day)) zijn nog geen wettelijke bedragen ingevoerd. Kies een latere maand."))
        }
        return issues
    }
}
