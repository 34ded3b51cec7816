namespace PhoneCrm.Core.SoftPhone;

/// <summary>What one webhook request did: events received, newly stored, seen before, links made, of them unmatched.</summary>
public sealed record CallIngestResult(int Received, int Stored, int Duplicates, int Linked, int Unmatched);
