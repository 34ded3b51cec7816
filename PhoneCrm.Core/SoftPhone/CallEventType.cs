namespace PhoneCrm.Core.SoftPhone;

/// <summary>What happened on a call. Stored as smallint: the values are part of the schema, never renumber them.</summary>
public enum CallEventType : short
{
    Ringing = 0,
    Answered = 1,
    /// <summary>A call that was answered has ended: one finished attempt.</summary>
    Ended = 2,
    /// <summary>Nobody answered: one finished attempt.</summary>
    Missed = 3,
}
