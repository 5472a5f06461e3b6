import MeedoenCore

/// One field of a record's form, in one place (issue 14): how it is asked (`form`: key, label, widget),
/// the file part it belongs to, how a typed value is read into the record, how a stored record fills
/// the form, and how a person reads it. The form, its prefill, the show page and the resident's inzage
/// export are all produced from a table of these, so adding a field is adding one entry.
struct TableField<Record>: Sendable {
    var form: FormField
    var part: FilePart
    /// Reads the typed value into the record; a bad value is reported on the reader.
    var read: @Sendable (inout FormReader, inout Record) -> Void
    /// The form value for a stored record (the prefill of the next version).
    var value: @Sendable (Record) -> String?
    /// The value as a person reads it; nil when there is nothing to show.
    var shown: @Sendable (Record) -> String?
    /// The label on the show page and in the inzage, when shorter than the form's question.
    var shownLabel: String?
    /// False for a value that follows from other fields (shown, never asked or read).
    var asked = true

    init(
        _ form: FormField, part: FilePart, shownLabel: String? = nil, read: @escaping @Sendable (inout FormReader, inout Record) -> Void,
        value: @escaping @Sendable (Record) -> String?, shown: @escaping @Sendable (Record) -> String?
    ) {
        (self.form, self.part, self.shownLabel, self.read, self.value, self.shown) = (form, part, shownLabel, read, value, shown)
    }

    /// A value shown with the record that follows from other fields: never asked, read or prefilled.
    static func derived(_ label: String, part: FilePart, shown: @escaping @Sendable (Record) -> String?) -> TableField {
        var field = TableField(FormField("", label, .hidden), part: part, read: { _, _ in }, value: { _ in nil }, shown: shown)
        field.asked = false
        return field
    }
}

/// A titled group of fields: a fieldset in the form, a heading on the show page.
struct TableSection<Record>: Sendable {
    var legend: String
    var hint: String?
    /// What the show page says when no field of the section has a value (nil: the section is left out).
    var whenEmpty: String?
    /// Said under the heading on the show page.
    var shownHint: String?
    var fields: [TableField<Record>]

    init(_ legend: String, hint: String? = nil, whenEmpty: String? = nil, shownHint: String? = nil, fields: [TableField<Record>]) {
        (self.legend, self.hint, self.whenEmpty, self.shownHint, self.fields) = (legend, hint, whenEmpty, shownHint, fields)
    }
}

/// A form as a table of fields. `parts` says which file parts the user may see or write here; a field of
/// another part is neither asked, read, prefilled nor shown.
struct FieldTable<Record>: Sendable {
    var sections: [TableSection<Record>]

    /// The form's fieldsets.
    func formSections(parts: Set<FilePart>) -> [FormSection] {
        sections.compactMap { section in
            let fields = section.fields.filter { $0.asked && parts.contains($0.part) }.map(\.form)
            return fields.isEmpty ? nil : FormSection(legend: section.legend, hint: section.hint, fields: fields)
        }
    }

    /// The form values of a stored record.
    func values(of record: Record, parts: Set<FilePart>) -> [String: String] {
        var values: [String: String] = [:]
        for field in sections.flatMap(\.fields) where field.asked && parts.contains(field.part) {
            values[field.form.name] = field.value(record)
        }
        return values
    }

    /// Reads every field the user may write into `record`; the reader collects every problem.
    func read(_ reader: inout FormReader, into record: inout Record, parts: Set<FilePart>) {
        for field in sections.flatMap(\.fields) where field.asked && parts.contains(field.part) {
            field.read(&reader, &record)
        }
    }

    /// The record as a person reads it: per section the fields with a value.
    func shown(_ record: Record, parts: Set<FilePart>) -> [ShownSection] {
        sections.compactMap { section in
            let fields = section.fields.filter { parts.contains($0.part) }
            guard !fields.isEmpty else { return nil }
            let lines = fields.compactMap { field in
                field.shown(record).map { ShownLine(label: field.shownLabel ?? field.form.label, value: $0) }
            }
            if lines.isEmpty && section.whenEmpty == nil { return nil }
            return ShownSection(
                heading: section.legend, hint: section.shownHint, lines: lines, empty: lines.isEmpty ? section.whenEmpty : nil)
        }
    }
}

/// A section of a record as shown: a heading and label–value lines (a `<dl>`), or what to say when empty.
struct ShownSection: Encodable, Equatable {
    var heading: String
    var hint: String?
    var lines: [ShownLine]
    var empty: String?

    /// One line of text, as in the inzage export: "label: value; label: value".
    var text: String { lines.map { "\($0.label): \($0.value)" }.joined(separator: "; ") }
}

struct ShownLine: Encodable, Equatable {
    var label: String
    var value: String
}
