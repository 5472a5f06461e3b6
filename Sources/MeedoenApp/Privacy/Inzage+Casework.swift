import Fluent
import MeedoenCore
import MeedoenStorage
import Vapor

extension Inzage {
    /// One thing recorded about the resident in their casework, in words.
    struct Record: Content {
        var what: String
        var on: Day
        var text: String
    }

    /// Everything of the casework about this resident — their own data, the extra level included.
    static func caseworkRecords(of resident: Resident, profile: PolicyProfile?, on db: any Database) async throws -> [Record] {
        let store = CaseworkStore(db: db)
        let id = resident.id
        var records: [Record] = []
        for measurement in try await HouseholdStore(db: db).ladder(of: id).map(\.measurement) {
            records.append(
                Record(
                    what: "Participatieladder", on: measurement.measuredOn,
                    text: "trede \(measurement.rung.rawValue)"
                        + (measurement.expectedEnd.map { ", verwachte eindtrede \($0.rawValue)" } ?? "")))
        }
        // The resident sees every intake field, the extra level included, as the intake's show page words it.
        let intakeTable = IntakeFields.table(asking: Fact.allCases, profile: profile, statusHolder: true)
        for stored in try await store.intakes(of: id, withSensitive: true) {
            let intake = stored.intake
            let shown = intakeTable.shown(IntakeRecord(intake: intake, work: nil), parts: [.intake, .sensitive])
            let text = shown.filter { !$0.lines.isEmpty }.map { "\($0.heading) — \($0.text)" }.joined(separator: "; ")
            records.append(Record(what: "Intake", on: intake.heldOn, text: text))
        }
        if let work = try await store.workProfile(of: id) {
            let shown = intakeTable.shown(
                IntakeRecord(intake: Intake(heldOn: Day(work.recordedAt)), work: work.profile), parts: [.workProfile])
            records.append(Record(what: "Werkprofiel", on: Day(work.recordedAt), text: shown.map(\.text).joined(separator: "; ")))
        }
        for model in try await store.assignments(of: id) {
            let name = profile?.segmentation.group(model.groupCode)?.name ?? model.groupCode
            records.append(
                Record(
                    what: profile?.segmentation.label ?? "Klantgroep", on: model.validFrom,
                    text: name + (model.overrideReason.map { " (afgeweken van het voorstel: \($0))" } ?? " (voorstel bevestigd)")))
        }
        for plan in try await store.plans(of: id) {
            let goals = plan.goals.map {
                "\($0.description) (\(Dutch.goalStatus($0.status).lowercased()))"
            }
            let text =
                goals + [plan.agreements.map { "afspraken: \($0)" }, plan.obligations.map { "verplichtingen: \($0)" }].compactMap { $0 }
            records.append(Record(what: "Plan van aanpak", on: plan.startedOn, text: text.joined(separator: "; ")))
            let goalNames = Dictionary(uniqueKeysWithValues: plan.goals.map { ($0.id, $0.description) })
            for review in plan.reviews {
                let progress = review.progress.map {
                    "\(goalNames[$0.goalID] ?? "doel"): \(Dutch.goalStatus($0.status).lowercased())" + ($0.note.map { " — \($0)" } ?? "")
                }
                records.append(
                    Record(
                        what: "Evaluatie van het plan", on: review.reviewedOn,
                        text: ([review.summary ?? "zonder samenvatting"] + progress).joined(separator: "; ")))
            }
        }
        for review in try await store.caseReviews(of: id) {
            records.append(Record(what: Dutch.reviewKind(review.kind), on: review.heldOn, text: review.outcome))
        }
        for measure in try await store.measures(of: id) {
            records.append(
                Record(
                    what: "Maatregel", on: measure.startsOn,
                    text:
                        "\(Dutch.measureGround(measure.ground)): \(measure.percentage)%; \(measure.breach); afweging: \(measure.proportionalityCheck)"
                ))
        }
        // Contacts are kept with the household; each concerns this resident's file too.
        for contact in try await HouseholdStore(db: db).contacts(of: resident.householdID) {
            records.append(
                Record(
                    what: "Contact (\(Dutch.contactKind(contact.kind).lowercased()))", on: contact.contactOn,
                    text: contact.summary ?? "zonder verslag"))
        }
        for handover in try await store.handovers(of: id) {
            records.append(
                Record(
                    what: "Warme overdracht", on: handover.handedOverOn,
                    text: "\(handover.goal); reden: \(handover.reason) (\(Dutch.handoverStatus(handover.status).lowercased()))"
                        + (handover.decisionNote.map { "; antwoord: \($0)" } ?? "")))
        }
        for signal in try await store.signals(of: id) {
            records.append(
                Record(
                    what: "Signaal \(Dutch.signalDomain(signal.domain).lowercased())", on: signal.signalledOn,
                    text: signal.subject + (signal.outcome.map { "; uitkomst: \($0)" } ?? "")))
        }
        for checklist in try await store.youthChecklists(of: id) {
            let missing = checklist.checklist.missing.map(Dutch.youthItem)
            records.append(
                Record(
                    what: "Pas loslaten als…", on: checklist.checkedOn,
                    text: missing.isEmpty ? "alles geregeld" : "nog niet geregeld: " + missing.joined(separator: ", ")))
        }
        return records.sorted { $0.on > $1.on }
    }
}
