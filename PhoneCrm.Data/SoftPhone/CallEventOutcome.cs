namespace PhoneCrm.Data.SoftPhone;

/// <summary>What became of one event sent: stored now (false: its id was seen before), and how many numbers it reached.</summary>
public readonly record struct CallEventOutcome(bool Stored, int Linked);
