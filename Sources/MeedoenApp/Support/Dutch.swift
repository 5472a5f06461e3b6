import Foundation
import MeedoenCore

/// User-facing Dutch text for domain values; the domain itself carries no UI text.
enum Dutch {
    /// The name of a part of the file as the access log shows it; parts logged under a Dutch
    /// name already ("sessie", "toegangslog") stay as they are.
    static func part(_ raw: String) -> String {
        if raw.contains(",") { return raw.split(separator: ",").map { part(String($0)) }.joined(separator: ", ") }
        guard let part = FilePart(rawValue: raw) else { return raw }
        return switch part {
        case .identity: "persoonsgegevens"
        case .household: "huishouden"
        case .benefit: "uitkeringsgegevens"
        case .specialGroups: "bijzondere groepen"
        case .supportPeriods: "ondersteuningsperiodes"
        case .director: "regisseur"
        case .ladder: "participatieladder"
        case .contacts: "contacten"
        case .intake: "intake"
        case .plan: "plan van aanpak"
        case .workProfile: "werkprofiel"
        case .measures: "maatregelen"
        case .handovers: "warme overdrachten"
        case .signals: "signalen"
        case .sensitive: "gezondheid, verslaving en justitie (extra beveiligd)"
        case .notes: "gespreksverslagen (extra beveiligd)"
        }
    }

    /// "1 maand", "3 maanden": the number with the word in the right form.
    static func count(_ number: Int, _ one: String, _ many: String) -> String {
        "\(number) \(abs(number) == 1 ? one : many)"
    }

    static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
    ]

    /// 28 november 2026
    static func date(_ day: Day?) -> String {
        guard let day else { return "" }
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    static func date(_ date: Date?) -> String { self.date(date.map(Day.init)) }

    /// 28-11-2026 14:05, in Dutch time.
    static func moment(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "dd-MM-yyyy HH:mm"
        return formatter.string(from: date)
    }

    static func issue(_ issue: FieldIssue) -> String {
        switch issue {
        case .required: "Vul dit veld in."
        case .tooLong(let max): "Gebruik hier niet meer dan \(max) tekens."
        case .invalidDate: "Vul een geldige datum in, bijvoorbeeld 28-11-2026."
        case .dateInFuture: "Deze datum ligt in de toekomst; dat kan hier niet."
        case .endBeforeStart: "De einddatum ligt vóór de begindatum."
        case .invalidBSN: "Een BSN bestaat uit 9 cijfers."
        case .bsnFailsElevenTest: "Dit is geen geldig BSN (het voldoet niet aan de elfproef). Controleer de cijfers."
        case .bsnInUse: "Er is in uw organisatie al een inwoner met dit BSN. Zoek die inwoner op in plaats van een nieuwe aan te maken."
        case .unknownOption: "Kies een van de mogelijkheden uit de lijst."
        case .invalidEmail: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."
        case .invalidPostcode: "Vul een geldige postcode in, bijvoorbeeld 8331 AB."
        case .invalidPhone: "Vul een geldig telefoonnummer in, bijvoorbeeld 06-12345678."
        case .outOfRange: "Deze waarde valt buiten het toegestane bereik."
        case .invisibleCharacters: "Gebruik geen onzichtbare tekens of stuurtekens in een naam."
        case .controlCharacters: "Gebruik geen stuurtekens (onzichtbare tekens)."
        case .usernameCharacters: "Gebruik alleen kleine letters a-z, cijfers, punt, streepje of liggend streepje."
        case .custom(let text): text
        }
    }

    static func role(_ role: Role) -> String {
        switch role {
        case .caseManager: "Klantmanager"
        case .employerServices: "Werkgeversdienstverlener"
        case .participationCoach: "Participatiecoach"
        case .jobCoach: "Jobcoach"
        case .careProfessional: "Zorgprofessional"
        case .teamLeader: "Teamleider"
        case .policyOfficer: "Beleidsmedewerker"
        case .functionalAdmin: "Functioneel beheerder"
        case .privacyOfficer: "Privacyfunctionaris"
        case .applicationAdmin: "Applicatiebeheerder"
        }
    }

    static func relation(_ relation: MemberRelation) -> String {
        switch relation {
        case .applicant: "Aanvrager"
        case .partner: "Partner"
        case .child: "Kind"
        case .coResident: "Medebewoner"
        }
    }

    static func exception(_ exception: CoResidentException) -> String {
        switch exception {
        case .studentWithStudyFinance: "Student met recht op studiefinanciering (art. 19a lid 1 sub d 1°)"
        case .wtosStudent: "Scholier met recht op een WTOS-tegemoetkoming (art. 19a lid 1 sub d 2°)"
        case .bblPupil: "BBL-leerling (art. 19a lid 1 sub d 3°)"
        case .educationAbroad: "Vergelijkbaar onderwijs in het buitenland (art. 19a lid 1 sub d 4°)"
        case .commercialRenter:
            "Commerciële huurder, verhuurder of kostganger met schriftelijke overeenkomst, geen familie in de 1e of 2e graad (art. 19a lid 1 sub b)"
        case .sameLandlordTenant: "Huurder of kostganger bij dezelfde verhuurder tegen een commerciële prijs (art. 19a lid 1 sub c)"
        case .relativePayingCommercialRent:
            "Familie in de 1e of 2e graad die commerciële huur betaalt: telt wél mee (art. 19a lid 1 sub b)"
        }
    }

    static func norm(_ category: NormCategory) -> String {
        switch category {
        case .single: "Alleenstaande"
        case .singleParent: "Alleenstaande ouder"
        case .married: "Gehuwden / samenwonenden"
        case .costSharer: "Kostendeler"
        case .under21: "Jonger dan 21"
        case .institution: "Verblijf in een inrichting"
        }
    }

    static func specialGroup(_ group: SpecialGroup) -> String {
        switch group {
        case .targetGroupRegister: "Doelgroepregister (banenafspraak)"
        case .wswIndication: "Wsw-indicatie"
        case .shelteredWorkIndication: "Indicatie beschut werk"
        case .statusHolder: "Statushouder / inburgeraar"
        case .schoolLeaverPrOVSO: "Schoolverlater PrO/VSO"
        case .nonBenefitClient: "Niet-uitkeringsgerechtigde (nugger)"
        }
    }

    static func endReason(_ reason: SupportEndReason) -> String {
        switch reason {
        case .work: "Werk"
        case .education: "Opleiding"
        case .movedAway: "Verhuisd"
        case .otherIncome: "Ander inkomen"
        case .detention: "Detentie"
        case .deceased: "Overleden"
        case .noLongerEntitled: "Geen recht meer"
        case .ownRequest: "Op eigen verzoek"
        case .other: "Anders"
        }
    }

    static func benefit(_ facts: BenefitFacts) -> String {
        guard facts.receivesBijstand, let category = facts.normCategory else { return "Geen bijstand" }
        return "Bijstand, \(norm(category).lowercased())" + (facts.partialBenefit ? ", aanvullend (gedeeltelijk)" : "")
    }
}

/// An option of a select list, with whether it is chosen.
struct Choice: Encodable {
    var value: String
    var label: String
    var selected: Bool

    static func list<T: RawRepresentable & CaseIterable>(_ type: T.Type, selected: String?, label: (T) -> String) -> [Choice]
    where T.RawValue == String {
        T.allCases.map { Choice(value: $0.rawValue, label: label($0), selected: $0.rawValue == selected) }
    }
}

extension Dutch {
    /// € 1.234,56
    static func money(_ money: Money) -> String {
        let negative = money.cents < 0
        let cents = abs(money.cents)
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return (negative ? "− " : "") + "€ " + whole + grouped + "," + String(format: "%02d", cents % 100)
    }

    /// januari 2026
    static func month(_ day: Day) -> String { "\(months[day.month - 1]) \(day.year)" }

    static func exemptionRule(_ rule: ExemptionRule) -> String {
        switch rule {
        case .n: "vrijlating 25% (art. 31 lid 2 onder n)"
        case .r: "alleenstaande ouder 12,5% (onder r)"
        case .y: "medisch urenbeperkt 15% (onder y)"
        case .z: "doelgroep loonkostensubsidie 15% (onder z)"
        case .aa: "doelgroep loonkostensubsidie 15% (onder aa)"
        case .balans: "vrijlating 15% (art. 34a)"
        }
    }

    static func percent(basisPoints: Int) -> String {
        var fraction = String(format: "%02d", basisPoints % 100)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(basisPoints / 100)%" : "\(basisPoints / 100),\(fraction)%"
    }
}

extension Dutch {
    /// Rung names as the ladder's authors (VNG/Divosa) give them; reference/domain.md.
    static func ladderQuestion(_ question: LadderQuestion) -> String {
        switch question {
        case .socialContacts: "Heeft sociale contacten buiten de deur"
        case .organisedActivities: "Neemt deel aan georganiseerde activiteiten (vereniging, dagbesteding, cursus)"
        case .unpaidWork: "Doet onbetaald werk (vrijwilligerswerk, werkervaringsplek zonder loon)"
        case .paidWorkWithSupport: "Heeft betaald werk met ondersteuning (loonkostensubsidie, jobcoach, Wsw, beschut werk)"
        case .paidWork: "Heeft betaald werk zonder ondersteuning"
        }
    }

    static func rung(_ rung: Rung) -> String {
        switch rung {
        case .isolated: "1 – Geïsoleerd"
        case .socialContacts: "2 – Sociale contacten buiten de deur"
        case .organisedActivities: "3 – Deelname georganiseerde activiteiten"
        case .unpaidWork: "4 – Onbetaald werk"
        case .paidWorkWithSupport: "5 – Betaald werk met ondersteuning"
        // Seed 001 (Nijkerk) names rung 6 in full; the seed wins over domain.md's short name (issue 13).
        case .paidWork: "6 – Betaald werk zonder ondersteuning"
        }
    }

    static func measurementKind(_ kind: MeasurementKind) -> String {
        switch kind {
        case .start: "Startmeting"
        case .interim: "Tussenmeting"
        case .end: "Eindmeting"
        }
    }
}

extension HouseholdFile {
    /// The display name of a user or municipality in the histories, "onbekend" when not known.
    func name(of id: UUID?) -> String { knownName(of: id) ?? "onbekend" }
}

extension ZRMDomain {
    /// The life domain's name as the ZRM 2017 (GGD Amsterdam) gives it.
    var dutchName: String {
        switch self {
        case .finances: "Financiën"
        case .workAndEducation: "Werk & opleiding"
        case .timeUse: "Tijdsbesteding"
        case .housing: "Huisvesting"
        case .domesticRelations: "Huiselijke relaties"
        case .mentalHealth: "Geestelijke gezondheid"
        case .physicalHealth: "Lichamelijke gezondheid"
        case .substanceUse: "Middelengebruik"
        case .basicADL: "Basale ADL"
        case .instrumentalADL: "Instrumentele ADL"
        case .socialNetwork: "Sociaal netwerk"
        case .socialParticipation: "Maatschappelijke participatie"
        case .justice: "Justitie"
        case .parenting: "Ouderschap (aanvulling)"
        }
    }
}

extension ZRMScore {
    var dutchName: String {
        switch self {
        case .acute: "1 – acute problematiek"
        case .notSelfSufficient: "2 – niet zelfredzaam"
        case .limited: "3 – beperkt zelfredzaam"
        case .sufficient: "4 – voldoende zelfredzaam"
        case .fully: "5 – volledig zelfredzaam"
        }
    }
}
