import MeedoenCore
import Vapor

/// A form field described in Swift and drawn by one partial (form-field.leaf). Each field carries its
/// value, error and the ids its description needs, so the template has no logic beyond choosing the widget.
struct FormField: Encodable, Sendable {
    enum Kind: String, Encodable, Sendable {
        case text, email, tel, textarea, date, month, number, select, checkbox, hidden
        /// A group of checkboxes, one per option, each named by the option's value.
        case checkboxes
    }

    var name: String
    var label: String
    var hint: String?
    var kind: Kind
    var optional = false
    /// Said beside the label of an optional field.
    var optionalNote = "niet verplicht"
    var maxLength: Int?
    var autocomplete: String?
    var numeric = false
    /// An amount typed with a decimal comma: the phone shows a keypad with one.
    var decimal = false
    /// Bounds of a number field, as text so 0 is shown too.
    var min: String?
    var max: String?
    var rows = 3
    var value = ""
    var error: String?
    var options: [Choice] = []
    var checked = false
    var describedBy: String?
    /// Whether the browser is told the field must be filled (`required`); set by `filled`.
    var required = false

    init(
        _ name: String, _ label: String, _ kind: Kind, hint: String? = nil, optional: Bool = false, options: [Choice] = [],
        maxLength: Int? = nil, autocomplete: String? = nil, numeric: Bool = false
    ) {
        (self.name, self.label, self.kind, self.hint, self.optional, self.options) = (name, label, kind, hint, optional, options)
        (self.maxLength, self.autocomplete, self.numeric) = (maxLength, autocomplete, numeric)
        if kind == .textarea && maxLength == nil { self.maxLength = 2000 }
    }

    /// Fills in what was typed or stored, and the error for this field. A checkbox group ticks the
    /// options whose own field says "ja".
    func filled(_ values: [String: String], _ errors: [String: String]) -> FormField {
        var field = self
        field.value = values[name] ?? ""
        field.error = errors[name]
        field.checked = field.value == "ja"
        field.options = options.map { option in
            let selected =
                kind == .checkboxes
                ? values[option.value] == "ja" : values[name].map { option.value == $0 } ?? option.selected
            return Choice(value: option.value, label: option.label, selected: selected)
        }
        field.required = !optional && kind != .checkbox && kind != .checkboxes
        let ids = [field.error != nil ? "\(name)-error" : nil, hint != nil ? "\(name)-hint" : nil].compactMap { $0 }
        field.describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
        return field
    }
}

/// A group of fields: a fieldset with a legend, or (legend nil) fields directly in the form.
struct FormSection: Encodable, Sendable {
    var legend: String?
    var hint: String?
    var fields: [FormField]

    init(legend: String? = nil, hint: String? = nil, fields: [FormField]) { (self.legend, self.hint, self.fields) = (legend, hint, fields) }
}

/// The page data of a sectioned form: FormPage's shape (errors summarised on top) plus the sections.
struct SectionedFormPage: Encodable {
    var heading: String
    var intro: String?
    var action: String
    /// Nil: no "Annuleren" (a calculator has nothing to cancel).
    var cancel: String?
    var submit: String
    var errorList: [FormPage.Message]
    var sections: [FormSection]
    /// The form's classes: "form no-print" where a page prints its result, not its form.
    var formClass = "form"
    /// What the user should see before filling in, as a titled list (e.g. a person's earlier measures).
    var background: Background?

    struct Background: Encodable {
        var heading: String
        var items: [String]
        var note: String?
    }

    init(
        heading: String, intro: String? = nil, action: String, cancel: String?, submit: String, sections: [FormSection],
        values: [String: String], issues: FieldIssues
    ) {
        (self.heading, self.intro, self.action, self.cancel, self.submit) = (heading, intro, action, cancel, submit)
        let form = FormPage(heading: heading, action: action, cancel: cancel ?? "", values: values, issues: issues)
        // The summary names the field: eight times "Vul dit veld in." says nothing on its own.
        let labels = Dictionary(sections.flatMap(\.fields).map { ($0.name, $0.label) }, uniquingKeysWith: { first, _ in first })
        errorList = form.errorList.map { error in
            guard let label = labels[error.field], !label.isEmpty else { return error }
            return FormPage.Message(
                field: error.field, message: "\(label): \(error.message.prefix(1).lowercased())\(error.message.dropFirst())")
        }
        self.sections = sections.map { section in
            FormSection(legend: section.legend, hint: section.hint, fields: section.fields.map { $0.filled(values, form.errors) })
        }
    }
}

extension Request {
    func renderSectionedForm(_ form: SectionedFormPage) async throws -> Response {
        try await renderPage("form-sections", title: form.heading, FormView(form: form), status: form.errorList.isEmpty ? .ok : .badRequest)
    }
}

/// A page whose form is drawn by the `form-body` partial: the form sits at `page.form`, so a page
/// with more than a form (a calculator and its result) uses the same partial.
struct FormView: Encodable {
    var form: SectionedFormPage
}

extension Choice {
    static let yesNo = [
        Choice(value: "", label: "Kies…", selected: false), Choice(value: "yes", label: "Ja", selected: false),
        Choice(value: "no", label: "Nee", selected: false),
    ]

    static func empty(_ label: String = "Kies…") -> Choice { Choice(value: "", label: label, selected: false) }
}
