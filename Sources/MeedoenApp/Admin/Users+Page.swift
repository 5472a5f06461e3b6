import Foundation
import MeedoenCore
import MeedoenStorage

/// The functioneel beheerder's list of users, each with its actions and its team to choose.
struct UsersPage: Encodable {
    struct Row: Encodable {
        var id: String
        /// The row's actions by name (team, activate, deactivate, unlock, resetSecondFactor, resetPassword).
        var actions: [String: String]
        var username: String
        var name: String
        var role: String
        var team: String
        var active: Bool
        var locked: Bool
        var teams: [Choice]
    }

    var users: [Row]
    var newPassword: String?

    /// Locked: a lock that has not ended, or as many failed log-ins as lock an account.
    init(staff: [StaffMember], teams: [Team], roleName: (Role) -> String, now: Date, newPassword: String?) {
        let actions = [
            ("team", "team"), ("activate", "activate"), ("deactivate", "deactivate"), ("unlock", "unlock"),
            ("resetSecondFactor", "reset-2fa"), ("resetPassword", "reset-password"),
        ]
        users = staff.map { user in
            Row(
                id: user.id.uuidString,
                actions: Dictionary(uniqueKeysWithValues: actions.map { ($0.0, SitePath.adminUser(.id(user.id), .id($0.1)).path) }),
                username: user.username, name: user.displayName, role: roleName(user.role),
                team: teams.first { $0.id == user.teamID }?.name ?? "–", active: user.active,
                locked: (user.lockedUntil ?? .distantPast) > now || user.failedLogins >= LoginController.maxFailures,
                teams: [Choice(value: "", label: "Geen team", selected: user.teamID == nil)]
                    + teams.map { Choice(value: $0.id.uuidString, label: $0.name, selected: $0.id == user.teamID) })
        }
        self.newPassword = newPassword
    }
}
