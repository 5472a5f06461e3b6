import MeedoenCore
import Vapor

/// The data of any form page: what was typed, what is wrong with it, and the choices of its lists.
/// Every form uses this shape, so errors are shown the same way everywhere (beside the field and
/// summarised at the top).
struct FormPage: Encodable {
    struct Message: Encodable {
        var field: String
        var message: String
    }

    var heading: String
    var action: String
    var cancel: String
    var values: [String: String]
    var errors: [String: String]
    var errorList: [Message]
    var choices: [String: [Choice]]
    var facts: [String: String]

    init(
        heading: String, action: String, cancel: String, values: [String: String] = [:], issues: FieldIssues = FieldIssues(),
        choices: [String: [Choice]] = [:], facts: [String: String] = [:]
    ) {
        (self.heading, self.action, self.cancel, self.values) = (heading, action, cancel, values)
        errorList = issues.items.map { Message(field: $0.field, message: Dutch.issue($0.issue)) }
        errors = Dictionary(errorList.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        // A list shows what was typed or stored as chosen, whatever the controller marked.
        self.choices = [:]
        for (field, options) in choices {
            let chosen = values[field]
            self.choices[field] = options.map { option in
                Choice(value: option.value, label: option.label, selected: chosen.map { option.value == $0 } ?? option.selected)
            }
        }
        self.values = values.filter { !$0.value.isEmpty }
        self.facts = facts
    }
}

extension Request {
    /// Renders a form; with issues it answers 400 so tools and tests can tell a refusal from a page.
    func renderForm(_ template: String, _ form: FormPage) async throws -> Response {
        try await renderPage(template, title: form.heading, form, status: form.errorList.isEmpty ? .ok : .badRequest)
    }
}
