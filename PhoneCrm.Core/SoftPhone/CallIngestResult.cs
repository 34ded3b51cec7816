namespace PhoneCrm.Core.SoftPhone;

/// <summary>
/// What one webhook request did: events received, newly stored, seen before. Linking them to numbers follows
/// within moments, after the answer; an event that reaches no number is listed on the Unmatched calls page.
/// </summary>
public sealed record CallIngestResult(int Received, int Stored, int Duplicates);
