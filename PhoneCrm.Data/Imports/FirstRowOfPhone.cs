using System.Runtime.InteropServices;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Remembers the row where each phone of the file first appeared, so a repeat is reported as "duplicate in the
/// file (first at row N)" while the rows stream by, instead of sorting the whole file in PostgreSQL afterwards.
/// A phone is kept as the number its E.164 digits spell (at most 15 digits, never a leading 0, so two phones
/// never share one): a million phones take about 40 MB this way, a third of what their strings would.
/// </summary>
internal sealed class FirstRowOfPhone
{
    // Spread over many small tables rather than one: up to a million phones each table stays under the 85 KB
    // large-object threshold, so the app's heap gets its memory back (compacted) once the import is over,
    // instead of keeping tens of MB of large-object holes.
    private const int Shards = 512;

    private readonly Dictionary<long, long>?[] _shards = new Dictionary<long, long>?[Shards];

    /// <param name="e164">'+' and digits, as <see cref="Core.Numbers.PhoneNormalizer"/> writes them.</param>
    /// <returns>The row where the phone was first seen, or null when this is that row.</returns>
    public long? SeenAt(string e164, long rowNumber)
    {
        long key = 0;
        for (var i = 1; i < e164.Length; i++)
            key = key * 10 + (e164[i] - '0');
        var shard = _shards[(int)(key % Shards)] ??= [];
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(shard, key, out var seen);
        if (seen)
            return first;
        first = rowNumber;
        return null;
    }
}
