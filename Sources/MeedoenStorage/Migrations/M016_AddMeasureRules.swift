import Fluent
import SQLKit

/// Measures under the dated art. 18 / 18b rule set (issue 13): the rule set a measure was imposed
/// under, the lid-4 obligation and the breach day, the decision day and the repeat step (lid 5–8),
/// dringende redenen (lid 10), spreading (lid 5), the taaleis test and notice (art. 18b lid 2–4)
/// and a herziening on request (lid 11). Existing measures were imposed under the same rule set
/// and decided on their first day.
public struct M016_AddMeasureRules: AsyncMigration {
    public init() {}

    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("rule_set", .string), ("breach_kind", .string), ("breach_on", .date), ("decided_on", .date), ("repeat_step", .string),
        ("urgent_reasons", .string), ("spread", .bool), ("test_on", .date), ("test_mastered", .bool), ("notice_on", .date),
        ("new_test_on", .date), ("new_test_no_progress", .bool), ("revised_on", .date), ("revision_note", .string), ("revised_by", .uuid),
    ]

    public func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for (name, type) in Self.columns {
            try await db.schema("measures").field(.definition(name: .key(.string(name)), dataType: type, constraints: [])).update()
        }
        try await Self.backfill(on: db)
    }

    /// Measures stored before: imposed under the same rule set, decided on their first day, spread
    /// never; an earlier lid-4 measure counts for the repeat rules as a first one (lid 5).
    public static func backfill(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.update("measures").set("rule_set", to: MeasureRuleSetID.participatiewet2015)
            .set(SQLIdentifier("decided_on"), to: SQLIdentifier("starts_on")).set("spread", to: false).where(
                "rule_set", .is, SQLLiteral.null
            ).run()
        try await sql.update("measures").set("repeat_step", to: "lid5").where("ground", .equal, "workObligation")
            .where("repeat_step", .is, SQLLiteral.null).run()
    }

    public func revert(on db: any Database) async throws {
        for (name, _) in Self.columns.reversed() { try await db.schema("measures").deleteField(.key(.string(name))).update() }
    }
}

/// The stored id of the rule set; kept here so the migration does not change when the domain's list grows.
enum MeasureRuleSetID {
    static let participatiewet2015 = "participatiewet-art18-2015"
}
