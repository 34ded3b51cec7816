using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>An uploaded file waiting for the user to confirm its column mapping.</summary>
public sealed record ImportDraft(
    long ProjectId,
    string FileName,
    long FileSize,
    string StoredPath,
    string Format,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Preview,
    ColumnMapping GuessedMapping);
