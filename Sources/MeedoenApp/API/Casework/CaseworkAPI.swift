import MeedoenCore
import MeedoenStorage
import Vapor

/// /api/v1 casework: everything a case manager records, for other systems (a zaaksysteem, a data
/// warehouse, a partner's system). The same access rules, stated reasons, log entries and Dutch
/// validation as the web app: each handler opens the file as the web does and reads the body
/// through the same readers and `Request.record…` functions.
enum CaseworkAPI {
    static let operations: [APIOperation] = [
        APIOperation(
            method: .GET, path: "clients/{id}/intakes", operationID: "listIntakes",
            summary: "Intakes van een cliënt, nieuwste eerst; het extra niveau en het werkprofiel alleen voor wie ze mag zien",
            rule: .file(.intake, .read), response: ListDTO<CaseworkDTO.Intake>.self, handler: IntakeAPI.list),
        APIOperation(
            method: .POST, path: "clients/{id}/intakes", operationID: "createIntake",
            summary: "Intake vastleggen (feiten en werkprofiel); het antwoord noemt de voorgestelde groep met de regel die paste",
            rule: .file(.intake, .write), request: IntakeValues.self, response: CaseworkDTO.Intake.self, successStatus: 201,
            handler: IntakeAPI.create),
        APIOperation(
            method: .GET, path: "clients/{id}/group", operationID: "getClientGroup",
            summary: "De vastgelegde groep, de besluiten, en het voorstel van nu met de regel die paste en de toelichting (R4)",
            rule: .file(.intake, .read), response: CaseworkDTO.GroupStatus.self, handler: IntakeAPI.group),
        APIOperation(
            method: .POST, path: "clients/{id}/group-decisions", operationID: "decideClientGroup",
            summary: "Groep vaststellen: het voorstel bevestigen, of een andere groep met reden",
            rule: .file(.intake, .write), request: CaseworkBody.GroupDecision.self, response: CaseworkDTO.GroupAssignment.self,
            successStatus: 201, handler: IntakeAPI.decide),
        APIOperation(
            method: .GET, path: "clients/{id}/ladder-measurements", operationID: "listLadderMeasurements",
            summary: "Metingen op de participatieladder, oudste eerst", rule: .file(.ladder, .read),
            response: ListDTO<CaseworkDTO.LadderMeasurement>.self, handler: RecordsAPI.ladder),
        APIOperation(
            method: .POST, path: "clients/{id}/ladder-measurements", operationID: "addLadderMeasurement",
            summary: "Meting op de participatieladder: de antwoorden op de laddervragen, de trede volgt", rule: .file(.ladder, .write),
            request: CaseworkBody.LadderMeasurement.self, response: CaseworkDTO.LadderMeasurement.self, successStatus: 201,
            handler: RecordsAPI.addMeasurement),
        APIOperation(
            method: .GET, path: "households/{id}/contacts", operationID: "listContacts",
            summary: "Contacten met een huishouden, nieuwste eerst, met wie erbij waren", rule: .file(.contacts, .read),
            response: ListDTO<CaseworkDTO.Contact>.self, handler: RecordsAPI.contacts),
        APIOperation(
            method: .POST, path: "households/{id}/contacts", operationID: "addContact",
            summary: "Contact vastleggen, met de soort en wie erbij waren (de contactnorm geldt per persoon)",
            rule: .file(.contacts, .write), request: CaseworkBody.Contact.self, response: CaseworkDTO.Contact.self, successStatus: 201,
            handler: RecordsAPI.addContact),
        APIOperation(
            method: .GET, path: "clients/{id}/plans", operationID: "listPlans", summary: "Plannen van aanpak met doelen en evaluaties",
            rule: .file(.plan, .read), response: ListDTO<CaseworkDTO.Plan>.self, handler: PlanAPI.list),
        APIOperation(
            method: .POST, path: "clients/{id}/plans", operationID: "createPlan",
            summary: "Plan van aanpak met doelen; vervangt het lopende plan", rule: .file(.plan, .write),
            request: CaseworkBody.Plan.self, response: CaseworkDTO.Plan.self, successStatus: 201, handler: PlanAPI.create),
        APIOperation(
            method: .POST, path: "clients/{id}/plans/{planId}/reviews", operationID: "reviewPlan",
            summary: "Evaluatie van een plan: voortgang per doel en de volgende evaluatie, of afsluiten", rule: .file(.plan, .write),
            request: CaseworkBody.PlanReview.self, response: CaseworkDTO.Plan.self, successStatus: 201, handler: PlanAPI.review),
        APIOperation(
            method: .GET, path: "clients/{id}/case-reviews", operationID: "listCaseReviews",
            summary: "Gehouden rechtmatigheidsonderzoeken en evaluaties", rule: .file(.plan, .read),
            response: ListDTO<CaseworkDTO.CaseReview>.self, handler: RecordsAPI.caseReviews),
        APIOperation(
            method: .POST, path: "clients/{id}/case-reviews", operationID: "addCaseReview",
            summary: "Rechtmatigheidsonderzoek of evaluatie vastleggen", rule: .file(.plan, .write),
            request: CaseworkBody.CaseReview.self, response: CaseworkDTO.CaseReview.self, successStatus: 201,
            handler: RecordsAPI.addCaseReview),
        APIOperation(
            method: .GET, path: "clients/{id}/measures", operationID: "listMeasures", summary: "Opgelegde maatregelen",
            rule: .file(.measures, .read), response: ListDTO<CaseworkDTO.Measure>.self, handler: RecordsAPI.measures),
        APIOperation(
            method: .POST, path: "clients/{id}/measures", operationID: "imposeMeasure",
            summary: "Maatregel opleggen na de omgekeerde toets (art. 18, 18b); geweigerd zoals in de webapplicatie",
            rule: .file(.measures, .write), request: CaseworkBody.Measure.self, response: CaseworkDTO.Measure.self, successStatus: 201,
            handler: RecordsAPI.imposeMeasure),
        APIOperation(
            method: .GET, path: "worklists", operationID: "listWorklists",
            summary: "De werklijsten van de aanroeper met het aantal cliënten (alleen aantallen)", rule: .file(.contacts, .read),
            response: CaseworkDTO.WorklistOverview.self, handler: WorklistAPI.overview),
        APIOperation(
            method: .GET, path: "worklists/{list}", operationID: "getWorklist",
            summary: "Eén werklijst, te laat eerst, met per cliënt de reden; een pagina voorbij het einde is leeg",
            rule: .file(.contacts, .read),
            query: APIController.paging, pathSchemas: ["list": Worklist.List.schema], response: CaseworkDTO.Worklist.self,
            handler: WorklistAPI.list),
    ]
}
