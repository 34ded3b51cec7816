using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Imports;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>
/// The reject report's query, in the user's language. Reasons are stored as short English texts (stable, and the
/// same whoever imported); the report turns the known ones into the reader's language, with the column titles, and
/// leaves any other text as stored. COPY takes no parameters, so the texts (from our resources) are quoted as literals.
/// </summary>
public static class RejectReport
{
    // "duplicate in the file (first at row 17)": the row number is carried into the translation.
    private const string DuplicatePrefix = ImportRejectReasons.DuplicateInFile + " (first at row ";

    public static string Sql(long batchId, IStringLocalizer<Strings> l)
    {
        var reasons = new List<(string Stored, string Key)>
        {
            (ImportRejectReasons.AlreadyInProject, nameof(ImportRejectReasons.AlreadyInProject)),
            (ImportRejectReasons.InAnotherProject, nameof(ImportRejectReasons.InAnotherProject)),
            (ImportRejectReasons.NoPhoneColumn, nameof(ImportRejectReasons.NoPhoneColumn)),
        };
        reasons.AddRange(Enum.GetValues<PhoneRejectReason>().Where(r => r != PhoneRejectReason.None).Select(r => (r.ToText(), r.ToString())));

        // A reason without a title in the resources keeps its stored text (the ELSE below).
        var cases = string.Join("\n", reasons
            .Select(r => (r.Stored, Title: l["Rejects.Reason." + r.Key]))
            .Where(r => !r.Title.ResourceNotFound)
            .Select(r => $"        WHEN {Literal(r.Stored)} THEN {Literal(r.Title)}"));
        var duplicate = l["Rejects.Reason.DuplicateInFile"].Value;
        return $"""
            SELECT r.row_number AS {Identifier(l["Rejects.Row"])},
                   spreadsheet_safe(r.raw_value) AS {Identifier(l["Rejects.Value"])},
                   CASE
                       WHEN starts_with(r.reason, {Literal(DuplicatePrefix)})
                       THEN replace({Literal(duplicate)}, '{"{0}"}', rtrim(substr(r.reason, {DuplicatePrefix.Length + 1}), ')'))
                       ELSE CASE r.reason
            {cases}
                       ELSE r.reason END
                   END AS {Identifier(l["Rejects.Reason"])}
            FROM import_rejects r
            WHERE r.batch_id = {batchId}
            ORDER BY r.row_number
            """;
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    private static string Identifier(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
