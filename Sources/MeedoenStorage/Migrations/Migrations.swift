import Fluent

/// Every migration, in order: the one list `migrate` and the tests run. Each migration lives in its
/// own file and is never edited once landed; its type name is what `_fluent_migrations` stores, so
/// it is never renamed either.
public enum Migrations {
    public static let all: [any Migration] = [
        M001_CreateFoundation(), M002_CreateLegalParameters(), M003_CreateDestructionRecords(), M004_AddSecondFactor(),
        M005_AddCredentialChanges(), M006_CreateLadderMeasurements(), M007_CreateContacts(), M008_CreateCasework(),
        M009_CreateObligationsAndHandovers(), M010_AddLadderAnswers(), M011_HardenAuditAndLogin(), M012_AddActivation(),
        M013_LinkConversationsToContacts(), M014_CreateCaseloadMoves(), M015_AddContactParticipants(), M016_AddMeasureRules(),
        M017_DateGroupAssignments(), M018_CreateWorklistDue(),
    ]
}
