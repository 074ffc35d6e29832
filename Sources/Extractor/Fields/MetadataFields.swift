/// Completes a document's metadata with the fields researchers code by hand
/// (spec §5): `docType`, `policyType`, `effectiveDate`, `expiryDate` and
/// `region`, computed from the metadata the structure reader found (title,
/// issuers, 文号, date) and the text.
struct MetadataFields: Sendable {
    private let kinds: DocumentKind
    private let validity: Validity
    private let regions: RegionReader

    init(vocabulary: FieldsVocabulary = .shared, divisions: DivisionTable = .bundled) {
        kinds = DocumentKind(vocabulary: vocabulary)
        validity = Validity(vocabulary: vocabulary, kinds: kinds)
        regions = RegionReader(table: divisions, vocabulary: vocabulary)
    }

    /// `metadata` with the fields filled in, and what was doubtful.
    func complete(_ metadata: Metadata?, genre: String, text: [Unicode.Scalar]) -> (metadata: Metadata?, diagnostics: [Diagnostic]) {
        guard var metadata else { return (nil, []) }
        (metadata.docType, metadata.policyType) = kinds.read(
            title: metadata.title, genre: genre,
            documentNumber: metadata.documentNumber)
        if metadata.docType != nil {
            let dates = validity.read(
                text: text, date: metadata.date, docType: metadata.docType,
                policyType: metadata.policyType)
            metadata.effectiveDate = dates.effective
            metadata.expiryDate = dates.expiry
        }
        let (region, diagnostic) = regions.read(metadata, text: text)
        metadata.region = region
        return (metadata, diagnostic.map { [$0] } ?? [])
    }
}
