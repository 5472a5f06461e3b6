import Vapor

/// Registers each area's routes; every route declares its RouteRule where it is registered.
func routes(_ app: Application) throws {
    LoginController.register(app)
    SecondFactorController.register(app)
    PasswordController.register(app)
    HouseholdController.register(app)
    ClientController.register(app)
    UserAdminController.register(app)
    CaseloadMoveController.register(app)
    TokenController.register(app)
    StatedReasonController.register(app)
    ContactController.register(app)
    WorklistController.register(app)
    IntakeController.register(app)
    GroupController.register(app)
    PlanController.register(app)
    CaseReviewController.register(app)
    PrivacyOfficerController.register(app)
    IncomeController.register(app)
    ParameterAdminController.register(app)
    ProfileAdminController.register(app)
    OrganisationStyleController.register(app)
    HealthController.register(app)
    APIController.register(app)
}
