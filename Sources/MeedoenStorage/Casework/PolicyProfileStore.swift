import Fluent
import Foundation
import MeedoenCore
import NIOConcurrencyHelpers

/// One stored version of a profile: its number, date of effect, where it came from and the document.
public struct ProfileVersion: Sendable, Equatable {
    public var id: UUID
    public var version: Int
    public var validFrom: Day
    public var origin: PolicyProfileStore.Origin
    public var note: String?
    public var recordedAt: Date
    public var recordedBy: UUID?
    public var document: String

    init(_ model: PolicyProfileModel) {
        (id, version, validFrom, origin) = (model.id!, model.version, Day(model.validFrom), .init(rawValue: model.origin) ?? .edited)
        (note, recordedAt, recordedBy, document) = (model.note, model.recordedAt, model.recordedBy, model.document)
    }
}

/// The versions of each organisation's policy profile. A document is checked in full before it is
/// stored (PolicyProfile.load); a refused one changes nothing, so the last valid version stays in force.
public struct PolicyProfileStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    /// The version in force, read: its number and the checked profile.
    public struct Version: Sendable {
        public var version: Int
        public var profile: PolicyProfile
    }

    /// Parsed documents by their text: a document is read and checked once per process, not on
    /// every request (nil: it no longer reads). Keyed by the text itself, so it can never be stale.
    private static let parsed = NIOLockedValueBox<[String: PolicyProfile?]>([:])

    /// The version in force on a day: the latest stored one whose date of effect has come.
    /// Stored documents passed the same check when they were added; one that no longer reads (a
    /// later schema version of Meedoen) is passed over for the one before it, never a 500.
    public func current(_ organisationID: UUID, on day: Day) async throws -> Version? {
        let candidates = try await PolicyProfileModel.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$validFrom <= day.date).sort(\.$validFrom, .descending).sort(\.$version, .descending).all()
        for candidate in candidates {
            if let profile = Self.parse(candidate.document, version: candidate.version) {
                return Version(version: candidate.version, profile: profile)
            }
        }
        return nil
    }

    private static func parse(_ document: String, version: Int) -> PolicyProfile? {
        if let known = parsed.withLockedValue({ $0[document] }) { return known }
        let profile = try? PolicyProfile.load(Data(document.utf8), file: "versie \(version)")
        parsed.withLockedValue { $0[document] = .some(profile) }
        return profile
    }

    /// Every version, newest first.
    public func versions(_ organisationID: UUID) async throws -> [ProfileVersion] {
        try await PolicyProfileModel.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$version, .descending).all()
            .map(ProfileVersion.init)
    }

    public enum Origin: String, Sendable { case shipped, edited }

    /// Checks and stores a new version; throws the ProfileProblem when the document is refused.
    @discardableResult
    public func add(
        _ document: String, file: String, for organisation: OrganisationModel, validFrom: Day, origin: Origin, note: String?,
        by recorder: Recorder
    ) async throws -> ProfileVersion {
        let profile = try PolicyProfile.load(Data(document.utf8), file: file)
        guard profile.organisation == organisation.code else {
            throw ProfileProblem(
                file: file, key: "organisation", fault: .otherOrganisation(document: profile.organisation, expected: organisation.code))
        }
        let latest = try await PolicyProfileModel.query(on: db).filter(\.$organisation.$id == organisation.id!).sort(
            \.$version, .descending
        )
        .first()
        let model = PolicyProfileModel()
        model.id = recorder.ids.next()
        model.$organisation.id = organisation.id!
        (model.version, model.validFrom, model.document) = ((latest?.version ?? 0) + 1, validFrom.date, document)
        (model.origin, model.note, model.recordedBy, model.recordedAt) = (origin.rawValue, note, recorder.userID, recorder.clock.now())
        try await model.create(on: db)
        return ProfileVersion(model)
    }

    /// At start-up: a shipped profile is stored when the organisation has none, or when the file
    /// changed since the last shipped version and nobody edited the profile since. Returns what was
    /// not applied; the caller logs it, and the organisations concerned keep the version they had.
    public func installShipped(_ files: [String: (file: String, document: String)], recorder: Recorder, on day: Day) async throws
        -> [ProfileProblem]
    {
        var refused: [ProfileProblem] = []
        for organisation in try await OrganisationModel.query(on: db).all() {
            guard let shipped = files[organisation.code] else { continue }
            let lastShipped = try await PolicyProfileModel.query(on: db).filter(\.$organisation.$id == organisation.id!)
                .filter(\.$origin == Origin.shipped.rawValue).sort(\.$version, .descending).first()
            if lastShipped?.document == shipped.document { continue }
            // A new shipped version never overrides the functioneel beheerder's own later version.
            if let lastShipped,
                try await PolicyProfileModel.query(on: db).filter(\.$organisation.$id == organisation.id!)
                    .filter(\.$origin == Origin.edited.rawValue).filter(\.$version > lastShipped.version).count() > 0
            {
                refused.append(ProfileProblem(file: shipped.file, key: "", fault: .editedSinceShipped))
                continue
            }
            do {
                let isFirst = lastShipped == nil
                try await add(
                    shipped.document, file: shipped.file, for: organisation, validFrom: isFirst ? Day(year: 2000, month: 1, day: 1)! : day,
                    origin: .shipped, note: isFirst ? "Bij de installatie geladen" : "Nieuwe versie van het meegeleverde profiel",
                    by: recorder)
            } catch let problem as ProfileProblem {
                refused.append(problem)
            }
        }
        return refused
    }
}
