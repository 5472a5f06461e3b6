import Fluent
import Foundation
import MeedoenCore

/// The versions of each organisation's policy profile. A document is checked in full before it is
/// stored (PolicyProfile.load); a refused one changes nothing, so the last valid version stays in force.
public struct PolicyProfileStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public struct Version: Sendable {
        public var model: PolicyProfileModel
        public var profile: PolicyProfile
    }

    /// The version in force on a day: the latest stored one whose date of effect has come.
    /// Stored documents passed the same check when they were added; one that no longer reads (a
    /// later schema version of Meedoen) is passed over for the one before it, never a 500.
    public func current(_ organisationID: UUID, on day: Day) async throws -> Version? {
        let candidates = try await PolicyProfileModel.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$validFrom <= day.date).sort(\.$validFrom, .descending).sort(\.$version, .descending).all()
        for model in candidates {
            if let profile = try? PolicyProfile.load(Data(model.document.utf8), file: "versie \(model.version)") {
                return Version(model: model, profile: profile)
            }
        }
        return nil
    }

    public func versions(_ organisationID: UUID) async throws -> [PolicyProfileModel] {
        try await PolicyProfileModel.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$version, .descending).all()
    }

    public enum Origin: String, Sendable { case shipped, edited }

    /// Checks and stores a new version; throws the ProfileProblem when the document is refused.
    @discardableResult
    public func add(
        _ document: String, file: String, for organisation: OrganisationModel, validFrom: Day, origin: Origin, note: String?,
        by recorder: Recorder
    ) async throws -> PolicyProfileModel {
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
        return model
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
