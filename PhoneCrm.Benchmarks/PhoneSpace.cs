namespace PhoneCrm.Benchmarks;

/// <summary>
/// Synthetic mobile numbers +79XXXXXXXXX: the nine digits are (index × a multiplier coprime to 10⁹ + offset)
/// mod 10⁹, a permutation of the indexes, so numbers are unique within a project, scattered like real ones,
/// and the SQL seed and the generated files agree on which numbers a project already holds.
/// </summary>
public static class PhoneSpace
{
    public const long Multiplier = 387_420_489; // 3^18: coprime to 2^9 · 5^9
    public const long Modulus = 1_000_000_000;

    /// <summary>Each project's numbers start elsewhere in the space, so projects overlap only by chance.</summary>
    public static long Offset(int projectIndex) => projectIndex * 104_729L * 1_000 % Modulus;

    public static long Subscriber(long index, long offset) => (index * Multiplier + offset) % Modulus;

    public static string E164(long index, long offset) => "+79" + Subscriber(index, offset).ToString("D9");

    /// <summary>The same formula in SQL, for <c>generate_series</c> as <paramref name="index"/>.</summary>
    public static string Sql(string index, long offset) =>
        $"'+79' || lpad((({index} * {Multiplier} + {offset}) % {Modulus})::text, 9, '0')";
}
