namespace PhoneCrm.Tests.Data.Imports.Files;

/// <summary>
/// Tests that measure the managed heap run alone: memory is per process, so a test running beside them would
/// count against their budget.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialMemoryCollection
{
    public const string Name = "Serial memory measurements";
}
