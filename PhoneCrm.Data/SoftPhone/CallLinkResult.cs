namespace PhoneCrm.Data.SoftPhone;

/// <summary>What linking a group of waiting call events did: events linked, links made, events that reached no number.</summary>
public readonly record struct CallLinkResult(int Events, int Links, int Unmatched)
{
    public static CallLinkResult operator +(CallLinkResult a, CallLinkResult b) =>
        new(a.Events + b.Events, a.Links + b.Links, a.Unmatched + b.Unmatched);
}
