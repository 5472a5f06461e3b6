import Foundation
import MeedoenCore
import MeedoenStorage

/// One line of a dated fact's history: what held when, and who recorded it when.
struct HistoryRow: Encodable {
    var value: String
    var from: String
    var to: String
    var recorded: String
    var superseded: String?

    init<V>(_ record: Dated<V>, file: HouseholdFile, value: String) {
        self.value = value
        from = Dutch.date(record.validFrom)
        to = record.validTo.map { Dutch.date($0) } ?? "heden"
        recorded = "\(Dutch.moment(record.recordedAt)) door \(record.recordedBy.map { file.name(of: $0) } ?? "gegevenslevering")"
        superseded = record.supersededAt.map { "vervangen op \(Dutch.moment($0)) door \(file.name(of: record.supersededBy))" }
    }
}

/// A history table, passed to the `history` view as its whole context.
struct HistoryTable: Encodable {
    var rows: [HistoryRow]
}

/// The household page: address, municipality, regisseur, benefit facts and members, each with history.
struct HouseholdShowPage: Encodable {
    struct Member: Encodable {
        var href: String
        var name: String
        var relation: String
        var dateOfBirth: String
        var age: Int
        var bsn: String
        var note: String?
        var groups: [String]
    }

    var id: String
    /// The household's pages (`SitePath.links(household:)`).
    var links: [String: String]
    var title: String
    var address: String
    var municipality: String
    var director: String
    var benefit: String
    var members: [Member]
    var municipalityHistory: HistoryTable
    var directorHistory: HistoryTable
    var benefitHistory: HistoryTable
    var canEditHousehold: Bool
    var canEditDirector: Bool
    var canEditBenefit: Bool
    var canSeeBenefit: Bool
    var costSharers: Int
    var contacts: ContactsView?
    var canAddContact: Bool = false

    init(file: HouseholdFile, today: Day, canEditHousehold: Bool, canEditDirector: Bool, canEditBenefit: Bool, canSeeBenefit: Bool) {
        id = file.id.uuidString
        links = SitePath.links(household: file.id)
        let applicant = file.applicant
        title = "Huishouden \(applicant.map { $0.fullName } ?? "")"
        let household = file.household
        address = "\(household.street) \(household.houseNumber), \(household.postcode) \(household.city)"
        municipality = file.current(file.municipalities, on: today).map { file.name(of: $0.value) } ?? "onbekend"
        director = file.current(file.directors, on: today).map { file.name(of: $0.value) } ?? "geen regisseur"
        benefit = file.current(file.benefits, on: today).map { Dutch.benefit($0.value) } ?? "Geen bijstand"
        let activeGroups = file.specialGroups.filter { $0.holds(on: today) }
        members = file.members.map { member in
            Member(
                href: SitePath.client(.id(member.id)).path, name: member.fullName, relation: Dutch.relation(member.relation),
                dateOfBirth: Dutch.date(member.dateOfBirth), age: member.dateOfBirth.age(on: today),
                bsn: (try? BSN(member.bsn).masked) ?? "", note: member.coResidentException.map(Dutch.exception),
                groups: activeGroups.filter { $0.value.residentID == member.id }.map { Dutch.specialGroup($0.value.kind) })
        }
        municipalityHistory = HistoryTable(
            rows: file.municipalities.reversed().map { HistoryRow($0, file: file, value: file.name(of: $0.value)) })
        directorHistory = HistoryTable(
            rows: file.directors.reversed().map { HistoryRow($0, file: file, value: file.name(of: $0.value)) })
        benefitHistory = HistoryTable(rows: file.benefits.reversed().map { HistoryRow($0, file: file, value: Dutch.benefit($0.value)) })
        (self.canEditHousehold, self.canEditDirector, self.canEditBenefit, self.canSeeBenefit) = (
            canEditHousehold, canEditDirector, canEditBenefit, canSeeBenefit
        )
        costSharers = CostSharing.numberOfCostSharers(
            file.members.map {
                CostSharingMember(relation: $0.relation, dateOfBirth: $0.dateOfBirth, exception: $0.coResidentException)
            },
            on: today)
    }
}

/// The client page: personal data, special groups and support periods with their history.
struct ClientShowPage: Encodable {
    struct Group: Encodable {
        var kind: String
        var label: String
        var from: String
        var to: String
        var integrationStart: String?
        var active: Bool
        var recorded: String
        var superseded: String?
    }

    var id: String
    var householdHref: String
    /// The client's pages (`SitePath.links(client:household:)`).
    var links: [String: String]
    var name: String
    var bsn: String
    var dateOfBirth: String
    var age: Int
    var relation: String
    var exception: String?
    var email: String
    var phone: String
    var groups: [Group]
    var support: HistoryTable
    var supportOpen: Bool
    var canEdit: Bool
    var canSeeGroups: Bool
    var canEditGroups: Bool
    var canSeeSupport: Bool
    var canEditSupport: Bool
    var ladder: LadderView?
    var canEditLadder: Bool
    var casework: CaseworkView?

    init(resident: Resident, opened: OpenedFile, today: Day, ladder: LadderView?) {
        let file = opened.file
        self.ladder = opened.may(.ladder, .read) ? ladder : nil
        canEditLadder = opened.may(.ladder, .write)
        id = resident.id.uuidString
        householdHref = SitePath.household(.id(file.id)).path
        links = SitePath.links(client: resident.id, household: file.id)
        name = resident.fullName
        bsn = resident.bsn
        dateOfBirth = Dutch.date(resident.dateOfBirth)
        age = resident.dateOfBirth.age(on: today)
        relation = Dutch.relation(resident.relation)
        exception = resident.coResidentException.map(Dutch.exception)
        email = resident.email ?? "–"
        phone = resident.phone ?? "–"
        groups = file.specialGroups.filter { $0.value.residentID == resident.id }.reversed().map { record in
            let history = HistoryRow(record, file: file, value: Dutch.specialGroup(record.value.kind))
            return Group(
                kind: record.value.kind.rawValue, label: history.value, from: history.from, to: history.to,
                integrationStart: record.value.integrationStart.map { Dutch.date($0) },
                active: record.holds(on: today), recorded: history.recorded, superseded: history.superseded)
        }
        let periods = file.supportPeriods.filter { $0.value.residentID == resident.id }
        support = HistoryTable(
            rows: periods.reversed().map {
                HistoryRow($0, file: file, value: $0.value.endReason.map { "Beëindigd: \(Dutch.endReason($0).lowercased())" } ?? "Lopend")
            })
        supportOpen = periods.contains { $0.isCurrent && $0.validTo == nil }
        canEdit = opened.may(.identity, .write)
        (canSeeGroups, canEditGroups) = (opened.may(.specialGroups, .read), opened.may(.specialGroups, .write))
        (canSeeSupport, canEditSupport) = (opened.may(.supportPeriods, .read), opened.may(.supportPeriods, .write))
        // Parts the user may not see are left out of the page data, not just hidden in the view.
        if !canSeeGroups { groups = [] }
        if !canSeeSupport { (support, supportOpen) = (HistoryTable(rows: []), false) }
    }
}

/// The contacts section of the household page: per client (applicant and partner) the norm and
/// where that person stands, then the history with who took part.
struct ContactsView: Encodable {
    struct Row: Encodable {
        var date: String
        var kind: String
        var with: String
        var by: String
        var summary: String?
    }

    struct Client {
        var resident: Resident
        var norm: ContactNorm
    }

    var status: [String]
    var rows: [Row]

    init(
        _ contacts: [Contact], participants: [UUID: Set<UUID>], clients: [Client], policy: ContactPolicy, supportStart: Day?,
        names: [UUID: String], showSummaries: Bool, today: Day
    ) {
        let people = Dictionary(uniqueKeysWithValues: clients.map { ($0.resident.id, $0.resident.givenName) })
        rows = contacts.map { contact in
            let with = (participants[contact.id] ?? []).compactMap { people[$0] }.sorted()
            return Row(
                date: Dutch.date(contact.contactOn),
                kind: Dutch.contactKind(contact.kind) + (policy.counts(contact.kind) ? "" : " (telt niet mee voor de norm)"),
                with: with.isEmpty ? "–" : with.joined(separator: ", "), by: contact.recordedBy.flatMap { names[$0] } ?? "onbekend",
                summary: showSummaries ? contact.summary : nil)
        }
        guard let start = supportStart else {
            status = ["Geen lopende ondersteuning."]
            return
        }
        status = clients.map { client in
            let id = client.resident.id
            let last = contacts.first { policy.counts($0.kind) && participants[$0.id]?.contains(id) == true }.map(\.contactOn)
            let norm = client.norm
            let (status, deadline) = norm.status(
                lastContact: last, supportStart: start, today: today, firstDueAfterMonths: policy.firstDueMonths)
            let state: String =
                switch status {
                case .withinNorm: "binnen de norm"
                case .due: "nog te doen: " + Dutch.contactReason(norm, status: .due, deadline: deadline, today: today).lowercased()
                case .overdue: "te laat: " + Dutch.contactReason(norm, status: .overdue, deadline: deadline, today: today).lowercased()
                }
            return "\(client.resident.fullName): \(state) (\(Dutch.contactNorm(norm)))."
        }
    }
}
