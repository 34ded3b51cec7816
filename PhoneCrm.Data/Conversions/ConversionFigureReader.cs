using Npgsql;
using PhoneCrm.Core.Conversions;

namespace PhoneCrm.Data.Conversions;

/// <summary>Reads the seven measures, in the order ConversionSql.Measures lists them, from a reader's columns.</summary>
internal static class ConversionFigureReader
{
    public static ConversionFigures Read(NpgsqlDataReader reader, int first) => new(
        Long(reader, first), Long(reader, first + 1), Long(reader, first + 2), Long(reader, first + 3),
        Long(reader, first + 4), Long(reader, first + 5), Long(reader, first + 6));

    // sum() of bigint is numeric in PostgreSQL, and count() is bigint: read either as a long.
    private static long Long(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal));
}
