import MeedoenCore
import MeedoenStorage
import Vapor

/// The one error type that handlers throw; ErrorPagesMiddleware maps it to a Dutch page or a JSON body.
enum AppError: Error {
    case notFound
    case forbidden
    case notSignedIn
    case badRequest(String)
    case invalid(FieldIssues)
    case conflict(String)
    /// The file lies outside the user's caseload: a reason must be stated first (break the glass).
    case reasonRequired(UUID)

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .forbidden, .reasonRequired: .forbidden
        case .notSignedIn: .unauthorized
        case .badRequest, .invalid: .badRequest
        case .conflict: .conflict
        }
    }

    var code: String {
        switch self {
        case .notFound: "not_found"
        case .forbidden: "forbidden"
        case .notSignedIn: "not_signed_in"
        case .badRequest: "bad_request"
        case .invalid: "validation_failed"
        case .conflict: "conflict"
        case .reasonRequired: "reason_required"
        }
    }

    var message: String {
        switch self {
        case .notFound: "Deze pagina of dit dossier bestaat niet, of u heeft er geen toegang toe."
        case .forbidden:
            "U heeft voor deze handeling geen rechten. Neem contact op met uw functioneel beheerder als u denkt dat dit niet klopt."
        case .notSignedIn: "U bent niet (meer) ingelogd."
        case .badRequest(let message), .conflict(let message): message
        case .invalid: "Niet alle velden zijn goed ingevuld."
        case .reasonRequired:
            "Dit dossier valt buiten uw caseload. Geef in de kop X-Meedoen-Reden op waarom u het opent; de reden wordt vastgelegd."
        }
    }
}

extension HouseholdStore.Problem {
    /// Store problems as field problems, so a form shows them beside the field concerned.
    var fieldIssues: FieldIssues {
        var issues = FieldIssues()
        switch self {
        case .bsnInUse: issues.add("bsn", .bsnInUse)
        case .unknownMunicipality: issues.add("municipalityId", .unknownOption)
        case .unknownDirector: issues.add("directorId", .unknownOption)
        case .timeline(.endBeforeStart): issues.add("validTo", .endBeforeStart)
        case .timeline(.nothingHolds): issues.add("validTo", .custom("Op deze datum loopt er niets om te beëindigen."))
        case .notFound: issues.add("id", .custom("Niet gevonden."))
        case .supportAlreadyRunning: issues.add("validFrom", .custom("Er loopt al ondersteuning in deze periode; beëindig die eerst."))
        case .alreadyUndone: issues.add("id", .custom("Deze overdracht is al teruggedraaid."))
        }
        return issues
    }
}
