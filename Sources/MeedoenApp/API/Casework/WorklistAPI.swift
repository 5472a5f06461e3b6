import MeedoenCore
import MeedoenStorage
import Vapor

/// The worklists through the API (R6, R7): the same items as the page, late first, paged.
enum WorklistAPI {
    @Sendable static func overview(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let profile = try await req.profile().profile
        let counts = try await req.worklistCounts(profile: profile)
        try await req.audit(part: FilePart.contacts.rawValue, action: "lijst", purpose: "api werklijsten (alleen aantallen)")
        return try .json(
            CaseworkDTO.WorklistOverview(
                lists: Worklist.lists(for: viewer.role, profile: profile).map {
                    CaseworkDTO.WorklistCount(
                        list: $0, title: Dutch.worklistTitle($0), description: Dutch.worklistDescription($0), count: counts[$0] ?? 0)
                }))
    }

    @Sendable static func list(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        let profile = try await req.profile().profile
        guard let list = req.parameters.get("list").flatMap(Worklist.List.init(rawValue:)),
            Worklist.lists(for: viewer.role, profile: profile).contains(list)
        else { throw AppError.notFound }
        let all = try await req.worklistItems(list, profile: profile)
        let per = min(max(1, (try? req.query.get(Int.self, at: "per")) ?? 25), 200)
        // An integration pages until a page is empty: past the end there is nothing, not the last page again.
        let number = min(max(1, (try? req.query.get(Int.self, at: "page")) ?? 1), 100_000)
        let shown = ResultPage(rows: Array(all.dropFirst((number - 1) * per).prefix(per)), page: number, per: per, total: all.count)
        try await req.auditList(
            part: .contacts, purpose: "api werklijst \(Dutch.worklistTitle(list).lowercased())", searchText: nil,
            shown: shown.rows.map(\.residentID))
        return try .json(
            CaseworkDTO.Worklist(
                list: list, title: Dutch.worklistTitle(list), items: shown.rows.map { CaseworkDTO.WorklistEntry($0, today: req.today) },
                page: shown.page, per: shown.per, total: shown.total))
    }
}
