import Foundation

/// An organisation's policy profile (R4, R6, R7, R22): a versioned data document, shipped in
/// Resources/Profiles and editable by the functioneel beheerder. Later features add sections by
/// raising `schemaVersion`.
public struct PolicyProfile: Codable, Sendable, Equatable {
    public static let schemaVersion = 2

    public var schemaVersion: Int
    public var organisation: String
    public var income: MunicipalIncomePolicy
    public var contacts: ContactPolicy
    public var segmentation: Segmentation
    /// Present when the organisation works with the participatieladder (Nijkerk, Wijchen): its
    /// clients then need a measurement at least every `remeasureMonths`.
    public var ladder: LadderPolicy?
    /// Deviations per municipality inside a shared body (WPDA), by municipality code.
    public var municipalities: [String: MunicipalDeviation]?
    /// The maatregelenverordening's periods for art. 18 lid 5 and 6; without it a lid-5 measure is refused.
    public var measures: MeasureOrdinance?
    /// The names the organisation uses for roles (Nijkerk's arbeidsconsulent, WPDA's coach, Wijchen's
    /// bedrijfsdienstverlener): display only, the rights stay the role's.
    public var roleNames: RoleNames?
    /// Nijkerk: reaching out to young people without income and startkwalificatie (seed 001).
    public var outreach: OutreachPolicy?

    public init(
        organisation: String, income: MunicipalIncomePolicy, contacts: ContactPolicy, segmentation: Segmentation,
        municipalities: [String: MunicipalDeviation]? = nil
    ) {
        self.schemaVersion = Self.schemaVersion
        (self.organisation, self.income, self.contacts, self.segmentation, self.municipalities) = (
            organisation, income, contacts, segmentation, municipalities
        )
    }

    /// The contact norm for a client: the group's own, else the municipality's deviation, else
    /// the organisation's. Loaded profiles have valid norms (ProfileValidation), hence the fallback
    /// is never reached in practice.
    public func contactNorm(group: String?, municipality: String?) -> ContactNorm {
        let policy =
            group.flatMap { segmentation.group($0)?.service.contacts }
            ?? municipality.flatMap { municipalities?[$0]?.contacts } ?? contacts
        return policy.norm ?? .perCalendarYear
    }
}

public struct LadderPolicy: Codable, Sendable, Equatable {
    public var remeasureMonths: Int
    public var source: String

    public init(remeasureMonths: Int, source: String) { (self.remeasureMonths, self.source) = (remeasureMonths, source) }
}

public struct MunicipalDeviation: Codable, Sendable, Equatable {
    public var contacts: ContactPolicy?
    /// What differs, in words, with its source.
    public var note: String

    public init(contacts: ContactPolicy? = nil, note: String) { (self.contacts, self.note) = (contacts, note) }
}

public struct RoleNames: Codable, Sendable, Equatable {
    /// By role (its raw value).
    public var names: [String: String]
    public var source: String

    public init(names: [String: String], source: String) { (self.names, self.source) = (names, source) }

    public func name(of role: Role) -> String? { names[role.rawValue] }
}
