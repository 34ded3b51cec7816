namespace PhoneCrm.Core.SoftPhone;

/// <summary>Stored as smallint: the values are part of the schema, never renumber them.</summary>
public enum CallDirection : short
{
    Inbound = 0,
    Outbound = 1,
}
