import Fluent
import Foundation
import MeedoenCore

/// Which municipality a household belongs to; exactly one at a time (R22).
public final class HouseholdMunicipalityModel: DatedRecord, @unchecked Sendable {
    public static let schema = "household_municipalities"
    @ID public var id: UUID?
    @Parent(key: "household_id") public var household: HouseholdModel
    @Field(key: "municipality_id") public var municipalityID: UUID
    @Field(key: "valid_from") public var validFrom: Date
    @OptionalField(key: "valid_to") public var validTo: Date?
    @Field(key: "recorded_at") public var recordedAt: Date
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @OptionalField(key: "superseded_at") public var supersededAt: Date?
    @OptionalField(key: "superseded_by") public var supersededBy: UUID?

    public var value: UUID {
        get { municipalityID }
        set { municipalityID = newValue }
    }

    public init() {}
}

/// The one fixed contact (regisseur) of a household (R1: one family, one plan, one director).
public final class HouseholdDirectorModel: DatedRecord, @unchecked Sendable {
    public static let schema = "household_directors"
    @ID public var id: UUID?
    @Parent(key: "household_id") public var household: HouseholdModel
    @Field(key: "director_id") public var directorID: UUID
    @Field(key: "valid_from") public var validFrom: Date
    @OptionalField(key: "valid_to") public var validTo: Date?
    @Field(key: "recorded_at") public var recordedAt: Date
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @OptionalField(key: "superseded_at") public var supersededAt: Date?
    @OptionalField(key: "superseded_by") public var supersededBy: UUID?

    public var value: UUID {
        get { directorID }
        set { directorID = newValue }
    }

    public init() {}
}

/// Benefit facts of the household's benefit unit, as reported by the income administration.
public final class BenefitFactsModel: DatedRecord, @unchecked Sendable {
    public static let schema = "benefit_facts"
    @ID public var id: UUID?
    @Parent(key: "household_id") public var household: HouseholdModel
    @Field(key: "receives_bijstand") public var receivesBijstand: Bool
    @OptionalEnum(key: "norm_category") public var normCategory: NormCategory?
    @Field(key: "partial_benefit") public var partialBenefit: Bool
    @Field(key: "valid_from") public var validFrom: Date
    @OptionalField(key: "valid_to") public var validTo: Date?
    @Field(key: "recorded_at") public var recordedAt: Date
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @OptionalField(key: "superseded_at") public var supersededAt: Date?
    @OptionalField(key: "superseded_by") public var supersededBy: UUID?

    public var value: BenefitFacts {
        get { BenefitFacts(receivesBijstand: receivesBijstand, normCategory: normCategory, partialBenefit: partialBenefit) }
        set {
            (receivesBijstand, normCategory, partialBenefit) = (newValue.receivesBijstand, newValue.normCategory, newValue.partialBenefit)
        }
    }

    public init() {}
}

/// Membership of a special group (R1, R14–R16); one timeline per resident and kind.
public final class SpecialGroupModel: DatedRecord, @unchecked Sendable {
    public static let schema = "special_groups"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @Enum(key: "kind") public var kind: SpecialGroup
    @OptionalField(key: "integration_start") public var integrationStart: Date?
    @Field(key: "valid_from") public var validFrom: Date
    @OptionalField(key: "valid_to") public var validTo: Date?
    @Field(key: "recorded_at") public var recordedAt: Date
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @OptionalField(key: "superseded_at") public var supersededAt: Date?
    @OptionalField(key: "superseded_by") public var supersededBy: UUID?

    public struct Membership: Equatable, Sendable {
        public var kind: SpecialGroup
        public var integrationStart: Day?
        public init(kind: SpecialGroup, integrationStart: Day? = nil) {
            (self.kind, self.integrationStart) = (kind, integrationStart)
        }
    }

    public var value: Membership {
        get { Membership(kind: kind, integrationStart: integrationStart.map(Day.init)) }
        set { (kind, integrationStart) = (newValue.kind, newValue.integrationStart?.date) }
    }

    public init() {}
}

/// A period of support by the organisation; its end carries the outflow reason (R17).
public final class SupportPeriodModel: DatedRecord, @unchecked Sendable {
    public static let schema = "support_periods"
    @ID public var id: UUID?
    @Parent(key: "resident_id") public var resident: ResidentModel
    @OptionalEnum(key: "end_reason") public var endReason: SupportEndReason?
    @Field(key: "valid_from") public var validFrom: Date
    @OptionalField(key: "valid_to") public var validTo: Date?
    @Field(key: "recorded_at") public var recordedAt: Date
    @OptionalField(key: "recorded_by") public var recordedBy: UUID?
    @OptionalField(key: "superseded_at") public var supersededAt: Date?
    @OptionalField(key: "superseded_by") public var supersededBy: UUID?

    public var value: SupportEndReason? {
        get { endReason }
        set { endReason = newValue }
    }

    public init() {}
}
