/// Loonkostensubsidie, Participatiewet art. 10d, per month for the employer:
/// (WML + holiday allowance) − wage value, at most 70% of (WML + holiday allowance), reduced or
/// increased in proportion to the agreed hours against 36 a week, up to the sector's full-time
/// hours (lid 4), plus 23.5% for employer's costs (Regeling Participatiewet; Stcrt 2017, 68248).
/// While the wage value is not yet assessed, a flat 50% for at most the first 6 months (lid 5).
/// Set at the start and again each 1 January (lid 7). Amounts: the dated LegalParameters.
/// For an employee under 21 the minimum wage is the youth minimum wage of their age (art. 10d lid 2
/// "het wettelijk minimumloon"; Wml art. 8 lid 3, Besluit minimumjeugdloon art. 2): the age on the day the subsidy is set.
public struct WageCostSubsidyInput: Sendable, Equatable {
    public var startMonth: Day
    public var months: Int
    /// Wage value as basis points of WML (5000 = 50%); nil while not yet assessed.
    public var wageValue: Int?
    public var hoursPerWeek: Int
    /// The wage the employer pays per hour, to show the employer's cost; nil = the minimum wage.
    public var hourlyWage: Money?
    /// When the wage value is to be assessed again (shown beside the result).
    public var reviewDate: Day?
    /// The sector's normal full-time hours: hours above 36 raise the subsidy up to this.
    public var sectorFullTimeHours: Int
    /// Nil: 21 or older (the adult minimum wage).
    public var employeeBirth: Day?

    public init(
        startMonth: Day, months: Int = 12, wageValue: Int?, hoursPerWeek: Int, hourlyWage: Money? = nil, reviewDate: Day? = nil,
        sectorFullTimeHours: Int = 36, employeeBirth: Day? = nil
    ) {
        self.employeeBirth = employeeBirth
        self.startMonth = Day(year: startMonth.year, month: startMonth.month, day: 1)!
        (self.months, self.wageValue, self.hoursPerWeek, self.hourlyWage) = (months, wageValue, hoursPerWeek, hourlyWage)
        (self.reviewDate, self.sectorFullTimeHours) = (reviewDate, sectorFullTimeHours)
    }
}

public struct WageCostSubsidyMonth: Sendable, Equatable {
    public var month: Day
    /// WML plus holiday allowance for a full-time (36-hour) month.
    public var fullTimeWage: Money
    /// The employee's minimum wage as basis points of the adult one (10,000 from 21).
    public var minimumWageShare: Int
    public var flatRate: Bool
    public var subsidy: Money
    public var employerAllowance: Money
    public var total: Money
    /// What the employer pays in wages (with holiday allowance) for the agreed hours.
    public var wageCost: Money
}

public struct WageCostSubsidyResult: Sendable, Equatable {
    public var months: [WageCostSubsidyMonth]
    public var perYear: [(year: Int, total: Money)]

    public static func == (a: Self, b: Self) -> Bool {
        a.months == b.months && a.perYear.map(\.year) == b.perYear.map(\.year) && a.perYear.map(\.total) == b.perYear.map(\.total)
    }
}

public enum WageCostSubsidyProblem: Error, Equatable, Sendable {
    case wageValueOutOfRange  // 0…100%
    case hoursOutOfRange  // 1…60
    case monthsOutOfRange  // 1…60
    case sectorHoursOutOfRange  // 36…48
    case wageBelowMinimum
    case wageTooHigh  // above € 1.000 an hour: a typing error, not a wage
    case employeeTooYoung  // under 15: the Wml sets no minimum wage
    /// Without an assessed wage value, only the first months may use the flat rate.
    case wageValueNeededAfterFlatPeriod(months: Int)
    case missingParameter(ParameterKey, Day)
}

public enum WageCostSubsidyCalculator {
    /// Rounding choices: the full-time monthly WML is hourly WML × 36 × 52 / 12 rounded to the
    /// cent (the usual conversion of a weekly to a monthly amount), each further percentage is
    /// rounded to the cent, and the share for the hours last.
    public static func calculate(_ input: WageCostSubsidyInput, parameters: LegalParameters) throws(WageCostSubsidyProblem)
        -> WageCostSubsidyResult
    {
        if let wageValue = input.wageValue, !(0...10_000).contains(wageValue) { throw .wageValueOutOfRange }
        if !(1...60).contains(input.hoursPerWeek) { throw .hoursOutOfRange }
        if !(1...60).contains(input.months) { throw .monthsOutOfRange }
        if !(36...48).contains(input.sectorFullTimeHours) { throw .sectorHoursOutOfRange }
        if let wage = input.hourlyWage, wage > Money(euros: 1_000) { throw .wageTooHigh }
        func value(_ key: ParameterKey, _ day: Day) throws(WageCostSubsidyProblem) -> Int {
            do { return try parameters.value(key, on: day) } catch { throw .missingParameter(key, day) }
        }
        func share(on day: Day) throws(WageCostSubsidyProblem) -> Int {
            guard let birth = input.employeeBirth else { return 10_000 }
            let found: Int?
            do { found = try parameters.minimumWageShare(age: birth.age(on: day), on: day) } catch {
                switch error {
                case .missing(let key, let day): throw .missingParameter(key, day)
                }
            }
            guard let found else { throw .employeeTooYoung }
            return found
        }
        let flatMonths = try value(.lksFlatMonths, input.startMonth)
        if input.wageValue == nil && input.months > flatMonths { throw .wageValueNeededAfterFlatPeriod(months: flatMonths) }

        var months: [WageCostSubsidyMonth] = []
        for index in 0..<input.months {
            let month = input.startMonth.adding(months: index)
            // Lid 7: set at the start and again each 1 January, so a July change waits for January.
            let setOn = max(input.startMonth, Day(year: month.year, month: 1, day: 1)!)
            let fullTimeHours = try value(.fullTimeHours, setOn)
            let wmlHour = Money(cents: try value(.wmlHour, setOn)).percent(try share(on: setOn))
            if let wage = input.hourlyWage, wage < wmlHour { throw .wageBelowMinimum }
            let holiday = try value(.wmlHolidayAllowancePercent, setOn)
            let monthlyWML = wmlHour.scaled(by: fullTimeHours * 52, over: 12)
            let fullTime = monthlyWML + monthlyWML.percent(holiday)
            let fullTimeSubsidy: Money
            if let wageValue = input.wageValue {
                let cap = fullTime.percent(try value(.lksMaxPercent, setOn))
                fullTimeSubsidy = Money.min(fullTime - fullTime.percent(wageValue), cap)
            } else {
                fullTimeSubsidy = fullTime.percent(try value(.lksFlatPercent, setOn))
            }
            let subsidy = fullTimeSubsidy.scaled(by: min(input.hoursPerWeek, input.sectorFullTimeHours), over: fullTimeHours)
            let allowance = subsidy.percent(try value(.lksEmployerAllowancePercent, setOn))
            let monthlyWage = (input.hourlyWage ?? wmlHour).scaled(by: input.hoursPerWeek * 52, over: 12)
            months.append(
                WageCostSubsidyMonth(
                    month: month, fullTimeWage: fullTime, minimumWageShare: try share(on: setOn), flatRate: input.wageValue == nil,
                    subsidy: subsidy, employerAllowance: allowance,
                    total: subsidy + allowance, wageCost: monthlyWage + monthlyWage.percent(holiday)))
        }
        let years = Dictionary(grouping: months, by: \.month.year).map { ($0.key, $0.value.reduce(Money.zero) { $0 + $1.total }) }
        return WageCostSubsidyResult(months: months, perYear: years.sorted { $0.0 < $1.0 }.map { (year: $0.0, total: $0.1) })
    }
}
