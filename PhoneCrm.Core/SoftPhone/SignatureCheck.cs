namespace PhoneCrm.Core.SoftPhone;

/// <summary>The outcome of checking a webhook request's signature; anything but Valid is answered with 401.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Mismatch,
}
